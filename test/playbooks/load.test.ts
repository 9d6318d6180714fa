import { mkdtemp, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { loadPlaybooks, parsePlaybookFile } from '../../src/playbooks/load.js';
import { formatPlaybookProblem, PlaybookError } from '../../src/playbooks/types.js';

const FIXTURES = 'fixtures/playbooks';

/** Loads one bad fixture and returns its problems as `FILE:LINE:COL: path: message` lines. */
function problemsOf(relativeFile: string): string[] {
  const file = path.join(FIXTURES, relativeFile);
  const result = parsePlaybookFile(file, readFileSync(file, 'utf8'));
  if (!('problems' in result)) {
    throw new Error(`${file} loaded without problems`);
  }
  return result.problems.map(formatPlaybookProblem);
}

describe('playbook loader problems', () => {
  it('reports unknown keys at the key', () => {
    const problems = problemsOf('unknown-keys/SMART_LIC-3-COMM_FAILED.yaml');

    expect(problems).toEqual([
      `${FIXTURES}/unknown-keys/SMART_LIC-3-COMM_FAILED.yaml:7:5: checks[0]: missing "message"`,
      `${FIXTURES}/unknown-keys/SMART_LIC-3-COMM_FAILED.yaml:11:5: checks[0].mesage: unknown key "mesage"; did you mean "message"?`,
      `${FIXTURES}/unknown-keys/SMART_LIC-3-COMM_FAILED.yaml:14:1: owner: unknown key "owner"; expected one of: mnemonic, severity, text, variables, explanation, checks, lineClues`,
    ]);
  });

  it('reports an unknown operator', () => {
    const problems = problemsOf('unknown-operator/SMART_LIC-3-COMM_FAILED.yaml');

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^fixtures\/playbooks\/unknown-operator\/SMART_LIC-3-COMM_FAILED\.yaml:12:7: checks\[0\]\.expect\.startsWith: unknown operator "startsWith"; expected one of: path, equals,/);
  });

  it('reports an unknown topic', () => {
    const problems = problemsOf('unknown-topic/SMART_LIC-3-COMM_FAILED.yaml');

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/\.yaml:8:12: checks\[0\]\.topic: unknown topic "transport"; expected one of: clock-sync, transport-url,/);
  });

  it('reports an invalid regular expression', () => {
    expect(problemsOf('bad-regex/SMART_LIC-3-COMM_FAILED.yaml')).toEqual([
      `${FIXTURES}/bad-regex/SMART_LIC-3-COMM_FAILED.yaml:12:16: checks[0].expect.matches: invalid regular expression "^https?://([^/]+:8182/cslu/v1/pi$": Unterminated group`,
    ]);
  });

  it('reports fields that facts and intent lack', () => {
    expect(problemsOf('unknown-field/SMART_LIC-3-COMM_FAILED.yaml')).toEqual([
      `${FIXTURES}/unknown-field/SMART_LIC-3-COMM_FAILED.yaml:11:13: checks[0].when.path: unknown field "facts.transport.kind"; paths start with facts. or intent. and follow DeviceFacts or LicensingIntent`,
      `${FIXTURES}/unknown-field/SMART_LIC-3-COMM_FAILED.yaml:15:16: checks[0].evidence[0]: unknown field "facts.transport.uri"; did you mean "facts.transport.url"?`,
    ]);
  });

  it('reports bad line clues', () => {
    const file = `${FIXTURES}/bad-line-clues/SMART_LIC-3-COMM_FAILED.yaml`;

    expect(problemsOf('bad-line-clues/SMART_LIC-3-COMM_FAILED.yaml')).toEqual([
      `${file}:7:15: lineClues[0].variable: expected the position of a message variable, 1 to 2; got number 3`,
      `${file}:12:14: lineClues[1].matches: invalid regular expression "([Hh]andshake": Unterminated group`,
      `${file}:14:16: lineClues[1].rulesOut[0]: string "dns-server" is not a check of this playbook; expected one of: dns`,
      `${file}:18:12: lineClues[2].shows: "shows" states the fact values the line implies: use {path: facts.<field>, equals: <value>} or {path: facts.<field>, in: [...]}`,
      `${file}:19:5: lineClues[3]: a clue needs "shows", "likely" or "rulesOut"; otherwise it tells nothing about the causes`,
    ]);
  });

  it('reports a duplicate check id', () => {
    expect(problemsOf('duplicate-id/SMART_LIC-3-COMM_FAILED.yaml')).toEqual([
      `${FIXTURES}/duplicate-id/SMART_LIC-3-COMM_FAILED.yaml:14:9: checks[1].id: duplicate check id "smart-url", already used by checks[0]; give each check its own id`,
    ]);
  });

  it('reports a file named after another mnemonic', () => {
    expect(problemsOf('name-mismatch/SMART_LIC-3-COMM_RESTORED.yaml')).toEqual([
      `${FIXTURES}/name-mismatch/SMART_LIC-3-COMM_RESTORED.yaml:1:11: mnemonic: the file is named SMART_LIC-3-COMM_RESTORED but declares SMART_LIC-3-COMM_FAILED; rename the file to SMART_LIC-3-COMM_FAILED.yaml`,
    ]);
  });

  it('reports operators and operands of the wrong kind', () => {
    expect(problemsOf('kind-mismatch/SMART_LIC-6-REPORTING_REQUIRED.yaml')).toEqual([
      `${FIXTURES}/kind-mismatch/SMART_LIC-6-REPORTING_REQUIRED.yaml:13:7: checks[0].expect.after: "after" cannot test facts.clockSyncedWithNtp, which is a boolean field`,
      `${FIXTURES}/kind-mismatch/SMART_LIC-6-REPORTING_REQUIRED.yaml:23:47: checks[1].expect.after.offsetDays.path: intent.transportUrl is a string field, but a number is needed here`,
    ]);
  });

  it('reports invalid YAML with its position', () => {
    const problems = problemsOf('invalid-yaml/SMART_LIC-3-COMM_FAILED.yaml');

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^fixtures\/playbooks\/invalid-yaml\/SMART_LIC-3-COMM_FAILED\.yaml:6:1: invalid YAML: /);
  });

  it('reports bad placeholders', () => {
    expect(problemsOf('bad-template/SMART_LIC-3-POLICY_INSTALL_FAILED.yaml')).toEqual([
      `${FIXTURES}/bad-template/SMART_LIC-3-POLICY_INSTALL_FAILED.yaml:11:14: checks[0].message: placeholder {facts.clock} names an unknown field "facts.clock"`,
      `${FIXTURES}/bad-template/SMART_LIC-3-POLICY_INSTALL_FAILED.yaml:14:9: checks[0].remedy[0]: placeholder {facts.transport.url|address} uses an unknown filter "address"; known filters: host, days, count:<noun>`,
      `${FIXTURES}/bad-template/SMART_LIC-3-POLICY_INSTALL_FAILED.yaml:15:9: checks[0].remedy[1]: unbalanced brace near "confirm {facts.clockSyncedWithNtp"; placeholders look like {facts.transport.url}`,
    ]);
  });

  it('reports every problem of one file', () => {
    const file = `${FIXTURES}/many-problems/SMART_LIC-3-COMM_FAILED.yaml`;

    expect(problemsOf('many-problems/SMART_LIC-3-COMM_FAILED.yaml')).toEqual([
      `${file}:2:11: severity: severity 4 differs from the digit in SMART_LIC-3-COMM_FAILED; make them the same`,
      `${file}:4:12: variables: the text has 2 variable(s) but 1 are described; describe each once, in order`,
      `${file}:7:9: checks[0].id: expected a lower-case id with dashes such as smart-url, got string "Smart_URL"`,
      `${file}:9:12: checks[0].level: expected "fail", "warn" or "info", got string "error"`,
      `${file}:13:23: checks[0].expect.all[0].in[1]: facts.transport.type is a string field, but this value is number 3`,
      `${file}:15:20: checks[0].expect.all[1].matches: invalid regular expression "(unclosed": Unterminated group`,
      `${file}:17:16: checks[0].evidence[0]: intent.transportUrl is inventory intent; evidence quotes device facts (facts.<path>)`,
      `${file}:19:7: checks[0].remedy: add at least one step without a condition, so every failing finding carries a remedy`,
    ]);
  });
});

describe('loadPlaybooks', () => {
  let dir: string | null = null;

  afterEach(async () => {
    if (dir !== null) {
      await rm(dir, { recursive: true, force: true });
      dir = null;
    }
  });

  it('throws one error listing every bad file', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-playbooks-'));
    await copyFile(`${FIXTURES}/bad-regex/SMART_LIC-3-COMM_FAILED.yaml`, path.join(dir, 'SMART_LIC-3-COMM_FAILED.yaml'));
    await copyFile(`${FIXTURES}/kind-mismatch/SMART_LIC-6-REPORTING_REQUIRED.yaml`, path.join(dir, 'SMART_LIC-6-REPORTING_REQUIRED.yaml'));

    const error = await loadPlaybooks(dir).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PlaybookError);
    const problems = (error as PlaybookError).problems;
    expect(problems.map((problem) => [path.basename(problem.file), problem.line, problem.column])).toEqual([
      ['SMART_LIC-3-COMM_FAILED.yaml', 12, 16],
      ['SMART_LIC-6-REPORTING_REQUIRED.yaml', 13, 7],
      ['SMART_LIC-6-REPORTING_REQUIRED.yaml', 23, 47],
    ]);
    expect((error as PlaybookError).message.split('\n')).toHaveLength(3);
  });

  it('ignores files that are not YAML', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-playbooks-'));
    await copyFile('playbooks/SMART_LIC-3-POLICY_INSTALL_FAILED.yaml', path.join(dir, 'SMART_LIC-3-POLICY_INSTALL_FAILED.yaml'));
    await writeFile(path.join(dir, 'README.md'), '# notes\n');

    const playbooks = await loadPlaybooks(dir);

    expect(playbooks.map((playbook) => playbook.mnemonic)).toEqual(['SMART_LIC-3-POLICY_INSTALL_FAILED']);
  });

  it('reports a folder without playbooks', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-playbooks-'));
    await mkdir(path.join(dir, 'empty'));

    await expect(loadPlaybooks(path.join(dir, 'empty'))).rejects.toThrow(/no playbooks found/);
  });

  it('reports a missing folder', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-playbooks-'));

    await expect(loadPlaybooks(path.join(dir, 'absent'))).rejects.toThrow(/cannot read the playbook folder: the folder does not exist/);
  });
});

describe('informational checks', () => {
  it('reject fail and warn at severity 5 or higher', () => {
    const file = `${FIXTURES}/informational-warn/SMART_LIC-6-TRUST_CODE_INSTALL_SUCCESS.yaml`;

    expect(problemsOf('informational-warn/SMART_LIC-6-TRUST_CODE_INSTALL_SUCCESS.yaml')).toEqual([
      `${file}:9:12: checks[0].level: level "warn" on an informational check (the playbook severity is 6); use level: info, or set severity: 4 or lower on a check whose cause needs action`,
    ]);
  });

  it('reject a fail check with its own severity 6', () => {
    const file = `${FIXTURES}/bad-message-variants/SMART_LIC-3-COMM_FAILED.yaml`;

    expect(problemsOf('bad-message-variants/SMART_LIC-3-COMM_FAILED.yaml')).toContain(
      `${file}:9:12: checks[0].level: level "fail" on an informational check (its severity is 6); use level: info, or set severity: 4 or lower on a check whose cause needs action`,
    );
  });
});

describe('message variants', () => {
  it('report each malformed variant', () => {
    const file = `${FIXTURES}/bad-message-variants/SMART_LIC-3-COMM_FAILED.yaml`;
    const problems = problemsOf('bad-message-variants/SMART_LIC-3-COMM_FAILED.yaml').slice(1);

    expect(problems).toEqual([
      `${file}:13:7: checks[0].message: end the list with a text without a condition, used when no variant applies`,
      `${file}:15:9: checks[0].message[1]: missing "text"`,
      `${file}:16:9: checks[0].message[1].txt: unknown key "txt"; did you mean "text"?`,
      `${file}:18:7: checks[0].passMessage: end the list with a text without a condition, used when no variant applies`,
      `${file}:21:14: checks[0].remedy[0]: placeholder {facts.communicationStatus.ongoingFailures|count:attempt:attempts:extra}: write count:<noun> or count:<singular>:<plural>, e.g. {facts.communicationStatus.ongoingFailures|count:failed attempt}`,
    ]);
  });
});
