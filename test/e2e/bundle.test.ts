// `sldiag bundle` end to end: the built executable collects the TAC commands
// from the simulated fleet over real SSH on 127.0.0.1, and `check --from`
// reads the archive back.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import * as tar from 'tar';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { collectionPlan } from '../../src/app/collection-plan.js';
import { BUNDLE_COMMANDS } from '../../src/bundle/commands.js';
import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';
import type { BundleManifest } from '../../src/bundle/manifest.js';
import type { DeviceProfile } from '../../src/sim/profile.js';
import { CLI, closedPort, runCli, slowHealthyDevices, startDemoFleet, startFleet } from './harness.js';
import type { CliRun, DemoFleet } from './harness.js';

interface JsonHost {
  name: string;
  status: string;
  error: { kind: string; message: string } | null;
  findings: Array<{ check: string; result: string }>;
}

interface RedactionMapping {
  entries: Array<{ kind: string; original: string; placeholder: string }>;
}

async function unpack(archive: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-bundle-test-'));
  await tar.extract({ file: archive, cwd: dir });
  return dir;
}

/** Lists every file below a folder, as paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Returns a new empty folder: check --from run in it finds no inventory.yaml, so it checks without licensing intent. */
async function noInventoryFolder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'sldiag-no-inventory-'));
}

/** Names, host names, addresses and serial numbers of the simulated devices: what a redacted bundle must not contain. */
function sensitiveValues(profiles: readonly DeviceProfile[]): string[] {
  const values = new Set<string>(['127.0.0.1']);
  for (const profile of profiles) {
    values.add(profile.name);
    values.add(profile.hostname);
    for (const output of Object.values(profile.commands)) {
      for (const match of output.matchAll(/\bSN:([A-Z0-9]+)/g)) {
        values.add(match[1]!);
      }
      for (const line of output.split('\n').filter((text) => !/version/i.test(text))) {
        for (const match of line.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) {
          values.add(match[0]);
        }
      }
    }
  }
  return [...values];
}

function findingsByHost(run: CliRun): Map<string, string[][]> {
  const hosts = (JSON.parse(run.stdout) as { hosts: JsonHost[] }).hosts;
  return new Map(hosts.filter((host) => host.findings.length > 0).map((host) => [host.name, host.findings.map((f) => [f.check, f.result])]));
}

describe('sldiag bundle against the demo fleet', () => {
  let fleet: DemoFleet;
  let live: CliRun;
  let archive: string;
  let bundled: CliRun;
  let unpacked: string;
  let root: string;
  let manifest: BundleManifest;
  /** The commands Cisco TAC requests, then what the playbooks read besides. */
  let expectedCommands: string[];

  beforeAll(async () => {
    expectedCommands = [...new Set([...BUNDLE_COMMANDS, ...collectionPlan(await loadBuiltinPlaybooks())])];
    fleet = await startDemoFleet([{ name: 'gone-switch', hostname: '127.0.0.1', port: await closedPort() }]);
    live = await runCli(['check', '-i', fleet.inventory, '--known-hosts', fleet.knownHosts, '--no-capture', '--format', 'json'], { env: fleet.env });

    archive = path.join(fleet.dir, 'tac.tar.gz');
    bundled = await runCli(['bundle', '-i', fleet.inventory, '--known-hosts', fleet.knownHosts, '-o', archive], { env: fleet.env });
    unpacked = await unpack(archive);
    root = path.join(unpacked, 'tac');
    manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')) as BundleManifest;
  });

  afterAll(async () => {
    await fleet?.simulator.stop();
  });

  it('exits 3 and still writes the bundle when a device is unreachable', () => {
    expect(bundled.code).toBe(3);
    expect(bundled.stdout).toContain(`bundle written to ${archive}`);
    expect(bundled.stdout).toContain('not collected: gone-switch');
  });

  it('keeps everything in one top folder', async () => {
    expect(await readdir(unpacked)).toEqual(['tac']);
    const top = (await readdir(root)).sort();
    expect(top).toEqual(['SUMMARY.md', 'manifest.json', 'report.json', ...fleet.profiles.map((profile) => profile.name)].sort());
  });

  it('lists every bundle command for every device', () => {
    expect(manifest.format).toBe('sldiag-bundle');
    expect(manifest.tool.name).toBe('sldiag');
    expect(manifest.redacted).toBe(false);
    expect(manifest.commands).toContain('show license tech support');
    expect(manifest.commands).toContain('show platform software sl-infra all');
    expect(manifest.commands).toContain('show logging | include SMART_LIC');

    for (const profile of fleet.profiles) {
      const host = manifest.hosts.find((entry) => entry.name === profile.name);
      expect(host, profile.name).toBeDefined();
      expect(host!.commands.map((command) => command.id)).toEqual(expectedCommands);
    }
  });

  it('records the unreachable device without outputs', () => {
    const gone = manifest.hosts.find((entry) => entry.name === 'gone-switch')!;
    expect(gone.status).toBe('unreachable');
    expect(gone.error?.kind).toBe('refused');
    expect(gone.folder).toBeNull();
    expect(gone.commands).toEqual([]);
  });

  it('stores the size and SHA-256 of every file', async () => {
    let checked = 0;
    for (const host of manifest.hosts) {
      for (const command of host.commands) {
        const content = await readFile(path.join(root, command.file!));
        expect(command.bytes, command.file!).toBe(content.length);
        expect(command.sha256, command.file!).toBe(sha256(content));
        expect(Date.parse(command.finishedAt)).toBeGreaterThanOrEqual(Date.parse(command.startedAt));
        checked += 1;
      }
    }
    expect(checked).toBe(fleet.profiles.length * expectedCommands.length);
  });

  it('marks commands the device rejected with its marker', () => {
    const healthy = manifest.hosts.find((entry) => entry.name === 'edge-healthy-c9300')!;
    const slInfra = healthy.commands.find((command) => command.id === 'show-platform-software-sl-infra-all')!;
    expect(slInfra.failed).toBe(true);
    expect(slInfra.failure?.marker).toBe('% Invalid input detected');

    const techSupport = healthy.commands.find((command) => command.id === 'show-license-tech-support')!;
    expect(techSupport.failed).toBe(false);
    expect(techSupport.failure).toBeNull();
  });

  it('saves the outputs byte for byte', async () => {
    const saved = await readFile(path.join(root, 'core-smart-dev-url', 'show-license-tech-support.txt'));
    const original = await readFile(path.resolve('fixtures/devices/core-smart-dev-url/show-license-tech-support.txt'));
    expect(saved.equals(original)).toBe(true);
  });

  it('includes the check report and a summary', async () => {
    const report = JSON.parse(await readFile(path.join(root, 'report.json'), 'utf8')) as { hosts: JsonHost[] };
    expect(report.hosts.map((host) => host.name).sort()).toEqual([...fleet.profiles.map((p) => p.name), 'gone-switch'].sort());

    const summary = await readFile(path.join(root, 'SUMMARY.md'), 'utf8');
    expect(summary).toContain('# sldiag TAC bundle');
    expect(summary).toContain('`comm-failed.smart-url`');
    expect(summary).toContain('sldiag check --from tac.tar.gz');
  });

  it('re-checks the archive with the live findings', async () => {
    const offline = await runCli(['check', '--from', archive, '--format', 'json'], { cwd: await noInventoryFolder() });
    // The bundle's report.json still lists the unreachable device, so the re-check exits 3 like the live run.
    expect(offline.code).toBe(3);
    const statuses = (JSON.parse(offline.stdout) as { hosts: JsonHost[] }).hosts.map((host) => [host.name, host.status]);
    expect(statuses).toContainEqual(['gone-switch', 'unreachable']);

    const offlineFindings = findingsByHost(offline);
    expect([...offlineFindings.keys()].sort()).toEqual(fleet.profiles.map((profile) => profile.name).sort());
    for (const [name, findings] of findingsByHost(live)) {
      expect(offlineFindings.get(name), name).toEqual(findings);
    }
  });

  it('re-checks the unpacked folder too', async () => {
    const fromTop = await runCli(['check', '--from', root, '--format', 'json'], { cwd: await noInventoryFolder() });
    const fromParent = await runCli(['check', '--from', unpacked, '--format', 'json'], { cwd: await noInventoryFolder() });
    expect(findingsByHost(fromTop)).toEqual(findingsByHost(fromParent));
    expect(findingsByHost(fromTop).size).toBe(fleet.profiles.length);
  });

  it('refuses to replace an archive without --force', async () => {
    const before = sha256(await readFile(archive));
    const again = await runCli(['bundle', '-i', fleet.inventory, '--known-hosts', fleet.knownHosts, '-o', archive, '--limit', 'edge-*'], {
      env: fleet.env,
    });

    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${archive} already exists`);
    expect(again.stderr).toContain('--force');
    expect(sha256(await readFile(archive))).toBe(before);
  });

  it('replaces an archive with --force', async () => {
    const forced = await runCli(['bundle', '-i', fleet.inventory, '--known-hosts', fleet.knownHosts, '-o', archive, '--limit', 'edge-*', '--force'], {
      env: fleet.env,
    });
    expect(forced.code).toBe(0);

    const replaced = await unpack(archive);
    const replacedManifest = JSON.parse(await readFile(path.join(replaced, 'tac', 'manifest.json'), 'utf8')) as BundleManifest;
    expect(replacedManifest.hosts.map((host) => host.name)).toEqual(['edge-healthy-c9300']);
    expect((await readdir(fleet.dir)).filter((name) => name.includes('.partial'))).toEqual([]);
  });

  it('rejects an archive name without .tar.gz', async () => {
    const wrong = await runCli(['bundle', '-i', fleet.inventory, '--known-hosts', fleet.knownHosts, '-o', path.join(fleet.dir, 'tac.zip')], { env: fleet.env });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('must end in .tar.gz or .tgz');
  });
});

describe('sldiag bundle --redact', () => {
  let fleet: DemoFleet;
  let live: CliRun;
  let archive: string;
  let mappingFile: string;
  let bundled: CliRun;
  let unpacked: string;
  let mapping: RedactionMapping;

  /** What the simulated devices must not give away: names, addresses and serial numbers. */
  async function originals(): Promise<string[]> {
    return sensitiveValues(fleet.profiles);
  }

  beforeAll(async () => {
    fleet = await startDemoFleet();
    live = await runCli(['check', '-i', fleet.inventory, '--known-hosts', fleet.knownHosts, '--no-capture', '--format', 'json'], { env: fleet.env });

    archive = path.join(fleet.dir, 'case.tgz');
    mappingFile = path.join(fleet.dir, 'case.redaction-map.json');
    bundled = await runCli(['bundle', '-i', fleet.inventory, '--known-hosts', fleet.knownHosts, '-o', archive, '--redact'], { env: fleet.env });
    unpacked = await unpack(archive);
    mapping = JSON.parse(await readFile(mappingFile, 'utf8')) as RedactionMapping;
  });

  afterAll(async () => {
    await fleet?.simulator.stop();
  });

  it('writes the archive and the mapping apart', async () => {
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toContain(mappingFile);
    expect((await stat(mappingFile)).mode & 0o077).toBe(0);
    expect((await listFiles(unpacked)).some((file) => file.includes('redaction'))).toBe(false);
  });

  it('contains no original serial, host name or address', async () => {
    const needles = await originals();
    expect(needles).toContain('FOC2705Y8X0');
    expect(needles).toContain('8.39.22.48');
    expect(needles).toContain('edge-healthy-c9300');

    const files = await listFiles(unpacked);
    expect(files.length).toBeGreaterThan(fleet.profiles.length * BUNDLE_COMMANDS.length);
    for (const file of files) {
      const content = await readFile(path.join(unpacked, file), 'utf8');
      for (const needle of needles) {
        expect(content.includes(needle), `${needle} in ${file}`).toBe(false);
      }
      for (const needle of needles) {
        expect(file.includes(needle), `${needle} in the path ${file}`).toBe(false);
      }
    }
  });

  it('maps every original to its placeholder', async () => {
    const needles = await originals();
    const mapped = new Set(mapping.entries.map((entry) => entry.original));
    for (const needle of needles) {
      expect(mapped.has(needle), needle).toBe(true);
    }
    expect(new Set(mapping.entries.map((entry) => entry.placeholder)).size).toBe(mapping.entries.length);
  });

  it('uses one placeholder for a serial across files', async () => {
    const placeholder = mapping.entries.find((entry) => entry.original === 'FOC2705Y8X0')!.placeholder;
    const device = mapping.entries.find((entry) => entry.original === 'access-clock-unsynced-c9350')!.placeholder;
    const folder = path.join(unpacked, 'case', device);

    expect(await readFile(path.join(folder, 'show-license-tech-support.txt'), 'utf8')).toContain(`SN:${placeholder}`);
    expect(await readFile(path.join(folder, 'show-license-udi.txt'), 'utf8')).toContain(`SN:${placeholder}`);
  });

  it('still hashes the stored files', async () => {
    const root = path.join(unpacked, 'case');
    const manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')) as BundleManifest;
    expect(manifest.redacted).toBe(true);
    for (const host of manifest.hosts) {
      for (const command of host.commands) {
        expect(command.sha256, command.file!).toBe(sha256(await readFile(path.join(root, command.file!))));
      }
    }
  });

  it('re-checks with the live findings', async () => {
    const offline = await runCli(['check', '--from', archive, '--format', 'json'], { cwd: await noInventoryFolder() });
    const byPlaceholder = new Map(mapping.entries.map((entry) => [entry.placeholder, entry.original]));
    const offlineFindings = new Map([...findingsByHost(offline)].map(([name, findings]) => [byPlaceholder.get(name) ?? name, findings]));

    const liveFindings = findingsByHost(live);
    expect([...offlineFindings.keys()].sort()).toEqual([...liveFindings.keys()].sort());
    for (const [name, findings] of liveFindings) {
      expect(offlineFindings.get(name), name).toEqual(findings);
    }
  });
});

describe('sldiag bundle interrupted', () => {
  let fleet: DemoFleet;
  let silentServer: net.Server;
  const silentSockets: net.Socket[] = [];
  /** The slow fleet plus a host that accepts TCP but never sends an SSH banner. */
  let inventoryWithSilentHost: string;
  let expectedCommands: string[];

  beforeAll(async () => {
    expectedCommands = [...new Set([...BUNDLE_COMMANDS, ...collectionPlan(await loadBuiltinPlaybooks())])];
    // Slow devices: every response comes after 200 ms, so the run is still collecting when Ctrl-C arrives.
    fleet = await startFleet(await slowHealthyDevices(3, 200));

    silentServer = net.createServer((socket) => silentSockets.push(socket));
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
    const document = parseYaml(await readFile(fleet.inventory, 'utf8')) as { hosts: object[] };
    document.hosts.push({ name: 'silent-switch', hostname: '127.0.0.1', port: (silentServer.address() as net.AddressInfo).port });
    inventoryWithSilentHost = path.join(fleet.dir, 'inventory-silent.yaml');
    await writeFile(inventoryWithSilentHost, stringifyYaml(document));
  });

  afterAll(async () => {
    for (const socket of silentSockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => (silentServer ? silentServer.close(() => resolve()) : resolve()));
    await fleet?.simulator.stop();
  });

  interface InterruptedRun {
    code: number | null;
    stdout: string;
    stderr: string;
    archive: string;
    /** TMPDIR of the run, where the staging folder lives. */
    temporary: string;
  }

  /**
   * Runs bundle into `<name>.tar.gz` and passes each stderr line to `onLine`,
   * which sends the signals. The log level is info, so the lines include
   * `session opened` and `host finished`.
   */
  async function interruptBundle(
    name: string,
    extraArgs: string[],
    onLine: (line: string, child: ChildProcess) => void,
    inventory = fleet.inventory,
  ): Promise<InterruptedRun> {
    const temporary = path.join(fleet.dir, `tmp-${name}`);
    await mkdir(temporary);
    const archive = path.join(fleet.dir, `${name}.tar.gz`);

    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [CLI, 'bundle', '-i', inventory, '--known-hosts', fleet.knownHosts, '-o', archive, '--log-level', 'info', ...extraArgs],
        { env: { ...process.env, ...fleet.env, TMPDIR: temporary }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      let pending = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          onLine(line, child);
        }
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr, archive, temporary }));
    });
  }

  /** Sends one SIGINT once the first device has finished, with one device at a time so the others are still waiting. */
  function ctrlCAfterFirstDevice(name: string, extraArgs: string[] = []): Promise<InterruptedRun> {
    let sent = false;
    return interruptBundle(name, ['--concurrency', '1', ...extraArgs], (line, child) => {
      if (!sent && line.includes('host finished') && line.includes('host=slow-0')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
  }

  /** Names in the fleet folder that start with `name`: the archive, the mapping and any temporary file. */
  async function publishedNames(name: string): Promise<string[]> {
    return (await readdir(fleet.dir)).filter((entry) => entry.startsWith(name)).sort();
  }

  describe('after the first device finished', () => {
    let result: InterruptedRun;
    let root: string;
    let manifest: BundleManifest;

    beforeAll(async () => {
      result = await ctrlCAfterFirstDevice('stopped');
      root = path.join(await unpack(result.archive), 'stopped');
      manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')) as BundleManifest;
    });

    it('exits 3 and says the bundle is incomplete', () => {
      expect(result.code).toBe(3);
      expect(result.stdout).toContain(`incomplete bundle written to ${result.archive}: 3 devices`);
      expect(result.stdout).toContain('bundle incomplete: the run was interrupted, so 2 of 3 devices were not collected or only in part');
      expect(result.stdout).toMatch(/interrupted: slow-1|not started: slow-1/);
      expect(result.stdout).toMatch(/not started: (slow-1, )?slow-2 \(SUMMARY.md gives the --limit value that collects (it|them)\)/);
      expect(result.stdout).not.toContain('slow-0:');
    });

    it('publishes the archive and no temporary file', async () => {
      expect(await publishedNames('stopped')).toEqual(['stopped.tar.gz']);
      expect(await readdir(result.temporary)).toEqual([]);
    });

    it('keeps every output of the finished device', async () => {
      expect(manifest.interrupted).toBe(true);
      const finished = manifest.hosts.find((host) => host.name === 'slow-0')!;
      expect(finished.status).toBe('passed');
      expect(finished.error).toBeNull();
      expect(finished.commands.map((command) => command.id)).toEqual(expectedCommands);

      for (const command of finished.commands) {
        const content = await readFile(path.join(root, command.file!));
        expect(command.bytes, command.file!).toBe(content.length);
        expect(command.sha256, command.file!).toBe(sha256(content));
      }
    });

    it('lists the other devices as interrupted', () => {
      expect(manifest.hosts.map((host) => host.name)).toEqual(['slow-0', 'slow-1', 'slow-2']);
      for (const name of ['slow-1', 'slow-2']) {
        const host = manifest.hosts.find((entry) => entry.name === name)!;
        expect(host.status, name).toBe('error');
        expect(host.error?.kind, name).toBe('interrupted');
      }

      const notStarted = manifest.hosts.find((entry) => entry.name === 'slow-2')!;
      expect(notStarted.folder).toBeNull();
      expect(notStarted.commands).toEqual([]);
    });

    it('reports every device in report.json', async () => {
      const report = JSON.parse(await readFile(path.join(root, 'report.json'), 'utf8')) as { hosts: Array<JsonHost & { error: { kind: string } | null }> };
      expect(report.hosts.map((host) => [host.name, host.status, host.error?.kind ?? null])).toEqual([
        ['slow-0', 'passed', null],
        ['slow-1', 'error', 'interrupted'],
        ['slow-2', 'error', 'interrupted'],
      ]);
    });

    it('states the interruption in SUMMARY.md', async () => {
      const summary = await readFile(path.join(root, 'SUMMARY.md'), 'utf8');
      expect(summary).toContain('**Incomplete bundle: the run was interrupted (Ctrl-C).** 2 devices of 3 were not collected or collected only in part:');
      expect(summary).toContain('- slow-1: ');
      expect(summary).toContain('- slow-2: not collected: the run was interrupted before this device was started');
    });

    it('re-checks the finished device', async () => {
      const report = JSON.parse(await readFile(path.join(root, 'report.json'), 'utf8')) as { hosts: JsonHost[] };
      const offline = await runCli(['check', '--from', result.archive, '--format', 'json'], { cwd: await noInventoryFolder() });
      const hosts = (JSON.parse(offline.stdout) as { hosts: JsonHost[] }).hosts;

      const finished = hosts.find((host) => host.name === 'slow-0');
      expect(finished?.status).toBe('passed');
      expect(finished?.findings.map((f) => [f.check, f.result])).toEqual(report.hosts[0]!.findings.map((f) => [f.check, f.result]));
      // report.json lists the devices the interruption left out, so the re-check keeps them as interrupted.
      const notStarted = hosts.find((host) => host.name === 'slow-2');
      expect(notStarted?.status).toBe('error');
      expect(notStarted?.error?.kind).toBe('interrupted');
    });
  });

  describe('with --redact', () => {
    let result: InterruptedRun;
    let unpacked: string;
    let mappingFile: string;

    beforeAll(async () => {
      result = await ctrlCAfterFirstDevice('hidden', ['--redact']);
      unpacked = await unpack(result.archive);
      mappingFile = path.join(fleet.dir, 'hidden.redaction-map.json');
    });

    /** Host names, addresses and serial numbers of the slow fleet. */
    function originals(): string[] {
      return sensitiveValues(fleet.profiles);
    }

    it('writes the redacted archive and the mapping', async () => {
      expect(result.code).toBe(3);
      expect(result.stdout).toContain('bundle incomplete: the run was interrupted');
      expect(result.stdout).toContain(mappingFile);
      expect(await publishedNames('hidden')).toEqual(['hidden.redaction-map.json', 'hidden.tar.gz']);
      expect((await stat(mappingFile)).mode & 0o077).toBe(0);
    });

    it('leaves no raw output on disk', async () => {
      expect(await readdir(result.temporary)).toEqual([]);
    });

    it('contains no original serial, host name or address', async () => {
      const needles = originals();
      expect(needles).toContain('FOC2129Z02H');
      expect(needles).toContain('slow-2');

      const files = await listFiles(unpacked);
      expect(files.length).toBeGreaterThan(expectedCommands.length);
      for (const file of files) {
        const content = await readFile(path.join(unpacked, file), 'utf8');
        for (const needle of needles) {
          expect(content.includes(needle), `${needle} in ${file}`).toBe(false);
          expect(file.includes(needle), `${needle} in the path ${file}`).toBe(false);
        }
      }
    });

    it('holds only whole outputs', async () => {
      expect((await listFiles(unpacked)).filter((file) => file.endsWith('.partial'))).toEqual([]);
    });

    it('marks the redacted bundle incomplete', async () => {
      const root = path.join(unpacked, 'hidden');
      const manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')) as BundleManifest;
      expect(manifest.redacted).toBe(true);
      expect(manifest.interrupted).toBe(true);
      expect(manifest.hosts.filter((host) => host.error?.kind === 'interrupted')).toHaveLength(2);
      expect(await readFile(path.join(root, 'SUMMARY.md'), 'utf8')).toContain('**Incomplete bundle: the run was interrupted (Ctrl-C).**');
    });
  });

  it('leaves nothing behind after a second Ctrl-C', async () => {
    // The silent host keeps the run waiting for its SSH banner for the 20 s connect
    // timeout, so the second Ctrl-C always arrives before the bundle is written.
    let interrupts = 0;
    const result = await interruptBundle(
      'twice',
      ['--concurrency', '4'],
      (line, child) => {
        const first = interrupts === 0 && line.includes('session opened');
        const second = interrupts === 1 && line.includes('sldiag: interrupted; closing open sessions');
        if (first) {
          interrupts += 1;
          child.kill('SIGINT');
        }
        // A signal within 300 ms of the first counts as the same interrupt delivered twice.
        if (second) {
          interrupts += 1;
          setTimeout(() => child.kill('SIGINT'), 500);
        }
      },
      inventoryWithSilentHost,
    );

    expect(interrupts).toBe(2);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('interrupted again; exiting now');
    expect(await publishedNames('twice')).toEqual([]);
    expect(await readdir(result.temporary)).toEqual([]);
  });

  it('leaves no archive name when killed', async () => {
    let sent = false;
    const result = await interruptBundle('killed', ['--concurrency', '1'], (line, child) => {
      if (!sent && line.includes('session opened')) {
        sent = true;
        child.kill('SIGKILL');
      }
    });

    expect(result.code).toBeNull();
    expect((await publishedNames('killed')).filter((name) => /\.(tar\.gz|tgz)$/.test(name))).toEqual([]);
  });
});
