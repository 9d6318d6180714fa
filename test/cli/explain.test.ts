import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { explainCommand } from '../../src/cli/commands/explain.js';

const BOOT_LOG = 'fixtures/corpus/show-logging-smart-lic/c1117-17.6.4-boot-cslu-comm-failed.txt';

function loggedLine(mnemonic: string): string {
  const line = readFileSync(BOOT_LOG, 'utf8').split(/\r?\n/).find((candidate) => candidate.includes(`%${mnemonic}:`));
  if (line === undefined) {
    throw new Error(`${BOOT_LOG} has no ${mnemonic} line`);
  }
  return line;
}

async function explain(query: string, playbooks: string | null = null): Promise<string> {
  let output = '';
  const code = await explainCommand({ query, playbooks, write: (text) => (output += text) });
  expect(code).toBe(0);
  return output;
}

describe('explainCommand', () => {
  let dir: string | null = null;

  afterEach(async () => {
    if (dir !== null) {
      await rm(dir, { recursive: true, force: true });
      dir = null;
    }
  });

  it('narrows the causes of a logged line', async () => {
    const text = await explain(loggedLine('SMART_LIC-3-COMM_FAILED'));

    expect(text).toContain('  2. the error the device hit, e.g. that the server host name did not resolve: Unable to resolve server hostname/domain name');
    expect(text).toContain('Causes sldiag checks, and their remedies, likely causes first:');
    expect(text.indexOf('  dns [communication, fail]')).toBeLessThan(text.indexOf('  ongoing-failures [communication, fail]'));
    expect(text.indexOf('Causes the logged line rules out:')).toBeLessThan(text.indexOf('  callhome-profile [transport-url, fail]'));
  });

  it('leaves a line without clues unranked', async () => {
    const text = await explain(loggedLine('SMART_LIC-6-REPORTING_REQUIRED'));

    expect(text).toContain('  1. days left until the acknowledgement deadline: 364');
    expect(text).toContain('Causes sldiag checks, and their remedies:\n');
    expect(text).not.toContain('What the logged line tells:');
  });

  it('adds the line clues of a user playbook', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-explain-'));
    await writeFile(
      path.join(dir, 'SMART_LIC-3-COMM_FAILED.yaml'),
      `mnemonic: SMART_LIC-3-COMM_FAILED
severity: 3
text: "Communications failure with the [chars] : [chars]"
variables: [the transport, the error]
explanation: A site rule for the CSLU host.
lineClues:
  - variable: 1
    matches: "CSLU"
    meaning: the site CSLU host did not answer
    likely: [site-cslu]
checks:
  - id: site-cslu
    topic: transport-url
    level: warn
    expect: {path: facts.transport.csluAddress, equals: "http://cslu.example.net:8182/cslu/v1/pi"}
    message: The CSLU address is not the site CSLU.
    evidence: [facts.transport.csluAddress]
    remedy: [license smart url cslu http://cslu.example.net:8182/cslu/v1/pi]
`,
    );

    const text = await explain(loggedLine('SMART_LIC-3-COMM_FAILED'), dir);

    expect(text).toContain('  - "Cisco Smart License Utility (CSLU)": the site CSLU host did not answer.');
    expect(text.indexOf('  site-cslu [transport-url, warn]')).toBeLessThan(text.indexOf('  ongoing-failures [communication, fail]'));
  });
});
