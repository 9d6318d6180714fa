// `sldiag check` end to end: the built executable, real SSH over 127.0.0.1 to
// the simulated fleet that replays real device outputs.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closedPort, runCli, startDemoFleet } from './harness.js';
import type { CliRun, DemoFleet } from './harness.js';

interface JsonFinding {
  mnemonic: string;
  check: string;
  topic: string;
  result: string;
  evidence: Array<{ command: string; line: number; text: string }>;
  remedy: string[];
}

interface JsonHost {
  name: string;
  status: string;
  error: { kind: string; message: string } | null;
  facts: Record<string, unknown> | null;
  findings: JsonFinding[];
}

function hostNamed(hosts: JsonHost[], name: string): JsonHost {
  const host = hosts.find((candidate) => candidate.name === name);
  if (host === undefined) {
    throw new Error(`no host "${name}" in the report; hosts: ${hosts.map((h) => h.name).join(', ')}`);
  }
  return host;
}

function finding(host: JsonHost, check: string): JsonFinding {
  const found = host.findings.find((candidate) => candidate.check === check);
  if (found === undefined) {
    throw new Error(`${host.name} has no finding ${check}; it has ${host.findings.map((f) => `${f.check}=${f.result}`).join(', ')}`);
  }
  return found;
}

describe('sldiag check against the demo fleet', () => {
  let fleet: DemoFleet;
  let refusedPort: number;
  let json: CliRun;
  let hosts: JsonHost[];
  let captureDir: string;

  beforeAll(async () => {
    refusedPort = await closedPort();
    fleet = await startDemoFleet([{ name: 'gone-switch', hostname: '127.0.0.1', port: refusedPort }]);
    captureDir = path.join(fleet.dir, 'captures');

    json = await runCli(
      ['check', '-i', fleet.inventory, '--known-hosts', fleet.knownHosts, '--format', 'json', '--capture-dir', captureDir],
      { env: fleet.env },
    );
    hosts = (JSON.parse(json.stdout) as { hosts: JsonHost[] }).hosts;
  });

  afterAll(async () => {
    await fleet?.simulator.stop();
  });

  it('exits 3 because one device could not be reached', () => {
    expect(json.code).toBe(3);
  });

  it('reports the unreachable device and still checks the others', () => {
    const gone = hostNamed(hosts, 'gone-switch');
    expect(gone.status).toBe('unreachable');
    expect(gone.error?.kind).toBe('refused');
    expect(hosts.filter((host) => host.status === 'failed' || host.status === 'passed')).toHaveLength(fleet.profiles.length);
  });

  it('passes the healthy device', () => {
    const healthy = hostNamed(hosts, 'edge-healthy-c9300');
    expect(healthy.status).toBe('passed');
    expect(healthy.findings.filter((f) => f.result === 'fail' || f.result === 'warn')).toEqual([]);
    expect(finding(healthy, 'comm-failed.smart-url').result).toBe('pass');
    expect(finding(healthy, 'policy-install-failed.ntp-sync').result).toBe('pass');
  });

  it('finds the development smart URL with its evidence line', () => {
    const device = hostNamed(hosts, 'core-smart-dev-url');
    const smartUrl = finding(device, 'comm-failed.smart-url');
    expect(smartUrl.result).toBe('fail');
    expect(smartUrl.mnemonic).toBe('SMART_LIC-3-COMM_FAILED');
    expect(smartUrl.evidence[0]).toMatchObject({
      command: 'show license tech support',
      text: expect.stringContaining('URL: https://smartreceiver-dev.cisco.com/licservice/license'),
    });
    expect(smartUrl.remedy).toContain('license smart url smart https://smartreceiver.cisco.com/licservice/license');
  });

  it('finds the CSLU address without port 8182', () => {
    const device = hostNamed(hosts, 'branch-cslu-no-port');
    const address = finding(device, 'comm-failed.cslu-address');
    expect(address.result).toBe('fail');
    expect(address.evidence[0]).toMatchObject({
      command: 'show license all',
      text: expect.stringContaining('Cslu address: http://8.39.22.48/cslu/v1/pi/CUBE%20Regression%20Mirabile-1'),
    });
  });

  it('finds the clock not synchronised with NTP', () => {
    const device = hostNamed(hosts, 'dist-clock-unsynced');
    const clock = finding(device, 'policy-install-failed.ntp-sync');
    expect(clock.result).toBe('fail');
    expect(clock.evidence[0]).toMatchObject({ command: 'show license tech support', text: expect.stringContaining('Clock sync-ed with NTP: False') });
    expect(clock.remedy.join('\n')).toContain('ntp server');
  });

  it('finds the overdue ACK against the device clock', () => {
    const device = hostNamed(hosts, 'campus-ack-overdue');
    const overdue = finding(device, 'reporting-required.ack-overdue');
    expect(overdue.result).toBe('fail');
    expect(overdue.evidence.map((e) => e.text.trim())).toEqual(
      expect.arrayContaining(['Next ACK deadline: Sep 25 11:23:47 2022 UTC', 'Current time: Jul 13 13:18:05 2023 UTC']),
    );
  });

  it('saves every collected output byte for byte', async () => {
    const saved = await readFile(path.join(captureDir, 'core-smart-dev-url', 'show-license-tech-support.txt'), 'utf8');
    const original = await readFile(path.resolve('fixtures/devices/core-smart-dev-url/show-license-tech-support.txt'), 'utf8');
    expect(saved).toBe(original);
    expect((await readdir(captureDir)).sort()).toEqual([...fleet.profiles.map((profile) => profile.name), 'results.jsonl'].sort());
  });

  it('re-checks the saved outputs offline with the same findings', async () => {
    const offline = await runCli(['check', '--from', captureDir, '-i', fleet.inventory, '--format', 'json'], { env: fleet.env });
    const offlineHosts = (JSON.parse(offline.stdout) as { hosts: JsonHost[] }).hosts;

    for (const host of offlineHosts) {
      const live = hostNamed(hosts, host.name);
      expect(host.findings.map((f) => [f.check, f.result]), host.name).toEqual(live.findings.map((f) => [f.check, f.result]));
    }
    expect(offline.code).toBe(3);
  });

  it('re-checks the unreachable device as unreachable', async () => {
    const offline = await runCli(['check', '--from', captureDir, '-i', fleet.inventory, '--format', 'json'], { env: fleet.env });
    const offlineHosts = (JSON.parse(offline.stdout) as { hosts: JsonHost[] }).hosts;

    const gone = hostNamed(offlineHosts, 'gone-switch');
    expect(offline.code).toBe(3);
    expect(offlineHosts).toHaveLength(hosts.length);
    expect(gone.status).toBe('unreachable');
    expect(gone.error).toEqual(hostNamed(hosts, 'gone-switch').error);
  });

  it('rejects a missing inventory given with --from', async () => {
    const missing = path.join(fleet.dir, 'missing-inventory.yaml');

    const offline = await runCli(['check', '--from', captureDir, '-i', missing], { env: fleet.env });

    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain(`inventory file not found: ${missing}`);
    expect(offline.stdout).toBe('');
  });

  it('names the default inventory used with --from', async () => {
    const offline = await runCli(['check', '--from', captureDir, '--format', 'json'], { env: fleet.env, cwd: fleet.dir });

    const notes = offline.stderr.split('\n').filter((line) => line.includes('the licensing intent checks use the default inventory'));
    expect(offline.code).toBe(3);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`inventory=${path.join(fleet.dir, 'inventory.yaml')}`);
  });

  it('says nothing of an inventory given with -i', async () => {
    const offline = await runCli(['check', '--from', captureDir, '-i', fleet.inventory, '--format', 'json'], { env: fleet.env, cwd: fleet.dir });

    expect(offline.stderr).not.toContain('default inventory');
  });

  it('rejects an empty folder given to --from', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'sldiag-empty-'));

    const offline = await runCli(['check', '--from', empty], { env: fleet.env, cwd: empty });

    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain(`--from ${empty}: nothing to check`);
    expect(offline.stderr).toContain('Give a folder such as captures/<time> that contains host folders or results.jsonl, or a bundle archive (.tar.gz).');
    expect(offline.stdout).toBe('');
  });

  it('rejects the folder above the saved run', async () => {
    const offline = await runCli(['check', '--from', fleet.dir, '-i', fleet.inventory], { env: fleet.env });

    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain(`--from ${fleet.dir}: nothing to check`);
    expect(offline.stderr).toContain(`pass one of them, such as ${captureDir}`);
  });

  it('warns when saved hosts are missing from the inventory', async () => {
    const offline = await runCli(['check', '--from', captureDir, '-i', path.resolve('inventory.example.yaml'), '--format', 'json'], { env: fleet.env });

    expect(offline.stderr).toContain('hosts in the saved outputs are not in the inventory, so its licensing intent is not checked for them');
    expect(offline.stderr).toContain(`hosts=${fleet.profiles.length + 1}`);
  });

  it('prints a readable table with evidence and remedy', async () => {
    const table = await runCli(['check', '-i', fleet.inventory, '--known-hosts', fleet.knownHosts, '--no-capture', '--limit', 'core-*'], {
      env: fleet.env,
    });
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('core-smart-dev-url (127.0.0.1:');
    expect(table.stdout).toContain('FAIL  %SMART_LIC-3-COMM_FAILED  comm-failed.smart-url  [transport-url]');
    expect(table.stdout).toContain('evidence: show license tech support, line');
    expect(table.stdout).toContain('remedy:   license smart url smart https://smartreceiver.cisco.com/licservice/license');
    expect(table.stdout).toContain('1 device: 0 passed, 1 failed, 0 unreachable, 0 error');
  });

  it('never prints or saves the password', async () => {
    const password = fleet.env['SLDIAG_TEST_PASSWORD']!;
    expect(json.stdout + json.stderr).not.toContain(password);

    for (const entry of await readdir(captureDir, { withFileTypes: true })) {
      const entryPath = path.join(captureDir, entry.name);
      const files = entry.isDirectory() ? (await readdir(entryPath)).map((file) => path.join(entryPath, file)) : [entryPath];
      for (const file of files) {
        expect(await readFile(file, 'utf8'), file).not.toContain(password);
      }
    }
  });
});

describe('sldiag check host keys', () => {
  let fleet: DemoFleet;

  beforeAll(async () => {
    fleet = await startDemoFleet();
  });

  afterAll(async () => {
    await fleet?.simulator.stop();
  });

  it('refuses a device whose key is not in known_hosts', async () => {
    const empty = path.join(fleet.dir, 'empty_known_hosts');
    await import('node:fs/promises').then((fs) => fs.writeFile(empty, ''));

    const run = await runCli(['check', '-i', fleet.inventory, '--known-hosts', empty, '--no-capture', '--limit', 'edge-*', '--format', 'json'], {
      env: fleet.env,
    });

    const [host] = (JSON.parse(run.stdout) as { hosts: JsonHost[] }).hosts;
    expect(run.code).toBe(3);
    expect(host?.status).toBe('error');
    expect(host?.error?.kind).toBe('hostkey');
    expect(host?.error?.message).toMatch(/SHA256:[A-Za-z0-9+/]{43}/);
    expect(host?.error?.message).toContain('--accept-new');
  });

  it('lets --known-hosts win over the inventory', async () => {
    const empty = path.join(fleet.dir, 'empty_known_hosts_2');
    const inventory = path.join(fleet.dir, 'inventory-with-known-hosts.yaml');
    const document = parse(await readFile(fleet.inventory, 'utf8')) as { defaults: Record<string, unknown> };
    document.defaults['ssh'] = { knownHosts: fleet.knownHosts };
    await writeFile(inventory, stringify(document));
    await writeFile(empty, '');

    const run = await runCli(['check', '-i', inventory, '--known-hosts', empty, '--no-capture', '--limit', 'edge-*', '--format', 'json'], {
      env: fleet.env,
    });

    const [host] = (JSON.parse(run.stdout) as { hosts: JsonHost[] }).hosts;
    expect(host?.error?.kind).toBe('hostkey');
    expect(host?.error?.message).toContain(empty);
  });
});

