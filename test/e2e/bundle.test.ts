// `sldiag bundle` end to end: the built executable collects the TAC commands
// from the simulated fleet over real SSH on 127.0.0.1, and `check --from`
// reads the archive back.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { collectionPlan } from '../../src/app/collection-plan.js';
import { BUNDLE_COMMANDS } from '../../src/bundle/commands.js';
import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';
import type { BundleManifest } from '../../src/bundle/manifest.js';
import type { RunningSimulator } from '../../src/sim/simulator.js';
import { CLI, closedPort, PASSWORD_VARIABLE, runCli, slowHealthyDevices, startDemoFleet, startFleet } from './harness.js';
import type { CliRun, DemoFleet } from './harness.js';

interface JsonHost {
  name: string;
  status: string;
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
    expect(offline.code).toBe(1);

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
    const values = new Set<string>(['127.0.0.1']);
    for (const profile of fleet.profiles) {
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
  let simulator: RunningSimulator;
  let dir: string;
  let inventory: string;
  let knownHosts: string;
  let password: string;

  beforeAll(async () => {
    // Slow devices: every response comes after 200 ms, so the run is still collecting when Ctrl-C arrives.
    const fleet = await startFleet(await slowHealthyDevices(3, 200));
    simulator = fleet.simulator;
    password = fleet.profiles[0]!.password;
    dir = fleet.dir;
    knownHosts = fleet.knownHosts;
    inventory = fleet.inventory;
  });

  afterAll(async () => {
    await simulator?.stop();
  });

  /** Runs bundle and sends `signal` once the first session is open. */
  async function interruptBundle(name: string, signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; temporary: string }> {
    const temporary = path.join(dir, `tmp-${name}`);
    await mkdir(temporary);

    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [CLI, 'bundle', '-i', inventory, '--known-hosts', knownHosts, '-o', path.join(dir, `${name}.tar.gz`), '--concurrency', '1', '--log-level', 'info'],
        { env: { ...process.env, [PASSWORD_VARIABLE]: password, TMPDIR: temporary }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let sent = false;
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => {
        if (!sent && chunk.toString('utf8').includes('session opened')) {
          sent = true;
          child.kill(signal);
        }
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, temporary }));
    });
  }

  it('leaves nothing behind after Ctrl-C', async () => {
    const result = await interruptBundle('stopped', 'SIGINT');

    expect(result.code).toBe(3);
    expect(result.stdout).toContain('no archive was written');
    expect((await readdir(dir)).filter((name) => name.startsWith('stopped'))).toEqual([]);
    expect(await readdir(result.temporary)).toEqual([]);
  });

  it('leaves no archive name when killed', async () => {
    const result = await interruptBundle('killed', 'SIGKILL');

    expect(result.code).toBeNull();
    expect((await readdir(dir)).filter((name) => name.startsWith('killed') && /\.(tar\.gz|tgz)$/.test(name))).toEqual([]);
  });
});
