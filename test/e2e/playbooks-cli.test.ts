// The built CLI with plain node: check against the second simulated fleet,
// user playbooks, explain and playbooks validate.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { loadDeviceProfiles, startSimulator } from '../../src/sim/simulator.js';
import type { RunningSimulator } from '../../src/sim/simulator.js';
import { PASSWORD_VARIABLE, runCli } from './harness.js';

interface JsonFinding {
  check: string;
  result: string;
  message: string;
  evidence: { command: string; line: number; text: string }[];
  remedy: string[];
}

interface JsonHost {
  name: string;
  commands: { command: string; failed: boolean }[];
  findings: JsonFinding[];
}

function finding(host: JsonHost | undefined, check: string): JsonFinding {
  const found = host?.findings.find((candidate) => candidate.check === check);
  if (found === undefined) {
    throw new Error(`no ${check} finding for ${host?.name ?? 'a missing host'}`);
  }
  return found;
}

const USER_PLAYBOOK = `mnemonic: SMART_LIC-6-TRUST_CODE_INSTALL_SUCCESS
severity: 6
text: "Trust code was successfully installed on [chars]."
variables: [the UDI]
explanation: This site does not use trust codes, so their absence is fine.
checks:
  - id: trust-per-udi
    topic: trust-code
    level: info
    expect: {path: facts.trust.missingCount, gte: 0}
    message: Never shown.
    passMessage: Trust codes are not used at this site.
    evidence: [facts.trust.missingCount]
    remedy: [Nothing to do.]
`;

describe('check on the second fleet', () => {
  let simulator: RunningSimulator;
  let dir: string;
  let inventory: string;
  let knownHosts: string;
  let env: NodeJS.ProcessEnv;
  let hosts: JsonHost[];
  let code: number | null;

  beforeAll(async () => {
    const profiles = await loadDeviceProfiles(path.resolve('fixtures/devices-extra'));
    simulator = await startSimulator({ profiles });
    dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-playbooks-e2e-'));
    knownHosts = path.join(dir, 'known_hosts');
    await writeFile(knownHosts, simulator.knownHosts());

    inventory = path.join(dir, 'inventory.yaml');
    const slacFile = path.resolve('fixtures/slac/c9350-stack4-documented-format.xml');
    await writeFile(
      inventory,
      stringify({
        defaults: { username: profiles[0]!.username, password: `\${env:${PASSWORD_VARIABLE}}`, licensing: { ackWarningDays: 30 } },
        hosts: simulator.devices.map((device) => ({
          name: device.name,
          hostname: device.address,
          port: device.port,
          ...(device.name === 'c9350-slac-match' ? { licensing: { slacFile, policy: 'custom' } } : {}),
        })),
      }),
    );
    env = { [PASSWORD_VARIABLE]: profiles[0]!.password };

    const run = await runCli(['check', '-i', inventory, '--known-hosts', knownHosts, '--format', 'json', '--no-capture'], { env });
    code = run.code;
    hosts = (JSON.parse(run.stdout) as { hosts: JsonHost[] }).hosts;
  });

  afterAll(async () => {
    await simulator?.stop();
  });

  const host = (name: string) => hosts.find((candidate) => candidate.name === name);

  it('exits 1 on failed checks', () => {
    expect(code).toBe(1);
  });

  it('sends the evidence commands the playbooks need', () => {
    const sent = host('stack-trust-missing')?.commands.map((command) => command.command);

    expect(sent).toContain('show version');
    expect(sent).toContain('show ntp status');
    expect(sent).toContain('show call-home profile all');
    expect(sent).toContain('show logging | include SMART_LIC');
  });

  it('reports a rejected evidence command as not checked', () => {
    const fn = finding(host('dualsup-invalid-identity'), 'comm-failed.fn72578');

    expect(fn.result).toBe('skip');
    expect(fn.message).toContain('show version returned "% Invalid input detected');
  });

  it('warns about missing trust codes with the device line', () => {
    const trust = finding(host('stack-trust-missing'), 'trust-code-install-failed.trust-missing');

    expect(trust.result).toBe('warn');
    expect(trust.evidence[0]?.command).toBe('show license tech support');
    expect(trust.evidence[0]?.text).toContain('NOT INSTALLED');
    expect(trust.remedy).toContain('license smart trust idtoken <token> all force');
  });

  it('fails the invalid identity with the decoded reason', () => {
    const reason = finding(host('dualsup-invalid-identity'), 'comm-failed.failure-reason');

    expect(reason.result).toBe('fail');
    expect(reason.message).toContain('product instance identifier: The identity for the instance');
    expect(reason.evidence[0]?.text).toContain('Failure Reason: {');
  });

  it('reports a legacy device with one finding', () => {
    const legacy = host('legacy-csr1000v');
    const raised = legacy?.findings.filter((candidate) => candidate.result === 'fail' || candidate.result === 'warn') ?? [];

    expect(raised.map((candidate) => candidate.check)).toEqual(['reporting-required.licensing-mode']);
  });

  it('matches the stack against its SLAC file and policy', () => {
    const stack = host('c9350-slac-match');

    expect(finding(stack, 'authorization-install-failed.udis-in-slac').result).toBe('pass');
    expect(finding(stack, 'authorization-install-failed.slac-foreign-udis').result).toBe('pass');
    expect(finding(stack, 'policy-removed.policy-intent').result).toBe('pass');
  });

  it('lets a user playbook override a built-in check', async () => {
    const userDir = path.join(dir, 'user-playbooks');
    await mkdir(userDir, { recursive: true });
    await writeFile(path.join(userDir, 'SMART_LIC-6-TRUST_CODE_INSTALL_SUCCESS.yaml'), USER_PLAYBOOK);

    const run = await runCli(
      ['check', '-i', inventory, '--known-hosts', knownHosts, '--format', 'json', '--no-capture', '--limit', 'stack-trust-missing', '--playbooks', userDir],
      { env },
    );
    const stack = (JSON.parse(run.stdout) as { hosts: JsonHost[] }).hosts[0];
    const overridden = finding(stack, 'trust-code-install-success.trust-per-udi');

    expect(overridden.result).toBe('pass');
    expect(overridden.message).toBe('Trust codes are not used at this site.');
    expect(stack?.findings.filter((candidate) => candidate.check === 'trust-code-install-success.trust-per-udi')).toHaveLength(1);
  });
});

describe('sldiag explain', () => {
  const mnemonics = [
    'SMART_LIC-3-AUTHORIZATION_INSTALL_FAILED',
    'SMART_LIC-3-COMM_FAILED',
    'SMART_LIC-3-COMM_RESTORED',
    'SMART_LIC-3-POLICY_INSTALL_FAILED',
    'SMART_LIC-3-POLICY_REMOVED',
    'SMART_LIC-3-TRUST_CODE_INSTALL_FAILED',
    'SMART_LIC-4-REPORTING_NOT_SUPPORTED',
    'SMART_LIC-6-AUTHORIZATION_INSTALL_SUCCESS',
    'SMART_LIC-6-AUTHORIZATION_REMOVED',
    'SMART_LIC-6-POLICY_INSTALL_SUCCESS',
    'SMART_LIC-6-REPORTING_REQUIRED',
    'SMART_LIC-6-TRUST_CODE_INSTALL_SUCCESS',
  ];

  it.each(mnemonics)('explains %s', async (mnemonic) => {
    const run = await runCli(['explain', mnemonic]);

    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`${mnemonic}\nSeverity: ${mnemonic.split('-')[1]} (`)).toBe(true);
    expect(run.stdout).toContain('Meaning:');
  });

  it('fills the variables of a logged line', async () => {
    const line = '%SMART_LIC-3-COMM_FAILED: Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name';
    const run = await runCli(['explain', line]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1. the transport the device uses (CSSM, CSLU or SSM On-Prem): Cisco Smart License Utility (CSLU)');
    expect(run.stdout).toContain('2. the error the device hit, e.g. that the server host name did not resolve: Unable to resolve server hostname/domain name');
  });

  it('exits 2 for an unknown message', async () => {
    const run = await runCli(['explain', 'SMART_LIC-3-NOT_A_MESSAGE']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no playbook explains "SMART_LIC-3-NOT_A_MESSAGE"');
  });
});

describe('sldiag playbooks validate', () => {
  it('accepts the built-in playbooks', async () => {
    const run = await runCli(['playbooks', 'validate']);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^12 playbooks with \d+ checks are valid\n$/);
  });

  it('lists every problem with file, line and column', async () => {
    const run = await runCli(['playbooks', 'validate', 'fixtures/playbooks/many-problems']);

    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^fixtures\/playbooks\/many-problems\/SMART_LIC-3-COMM_FAILED\.yaml:\d+:\d+: /m);
    expect(run.stdout).toMatch(/\d+ problem\(s\) found\n$/);
  });
});
