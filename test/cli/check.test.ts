// `sldiag check` in process against the simulator: the results file in the
// capture directory, the temporary one with --no-capture, and a report that
// still covers every host after an interruption.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

import { RESULTS_FILE } from '../../src/app/result-store.js';
import { checkCommand } from '../../src/cli/commands/check.js';
import type { CheckCommandOptions } from '../../src/cli/commands/check.js';
import { UsageError } from '../../src/errors.js';
import { InventoryError } from '../../src/inventory/types.js';
import type { HostResult } from '../../src/model/result.js';
import { closedPort, PASSWORD_VARIABLE, slowHealthyDevices, startFleet } from '../e2e/harness.js';
import type { DemoFleet } from '../e2e/harness.js';

const FLEET_SIZE = 4;

let fleet: DemoFleet;

beforeAll(async () => {
  // Each command gets its response after 60 ms, so a device takes long enough to interrupt the run after the first.
  fleet = await startFleet(await slowHealthyDevices(FLEET_SIZE, 60));
  process.env[PASSWORD_VARIABLE] = fleet.profiles[0]!.password;
});

afterAll(async () => {
  await fleet?.simulator.stop();
});

const savedTmpdir = process.env['TMPDIR'];

afterEach(() => {
  if (savedTmpdir === undefined) {
    delete process.env['TMPDIR'];
  } else {
    process.env['TMPDIR'] = savedTmpdir;
  }
});

function options(overrides: Partial<CheckCommandOptions>): { options: CheckCommandOptions; output: () => string } {
  const parts: string[] = [];
  const options: CheckCommandOptions = {
    inventory: fleet.inventory,
    limit: null,
    format: 'json',
    failOn: 'warn',
    concurrency: 10,
    captureDir: null,
    from: null,
    knownHosts: fleet.knownHosts,
    sshConfig: false,
    acceptNew: false,
    hostKeyCheck: true,
    commandTimeoutMs: null,
    commandTimeoutsById: {},
    now: null,
    verbose: false,
    progressStream: null,
    signal: new AbortController().signal,
    logLevel: 'silent',
    write: (text) => parts.push(text),
    ...overrides,
  };
  return { options, output: () => parts.join('') };
}

interface JsonReport {
  hosts: Array<{ name: string; address: string; status: string; error: { kind: string; message: string } | null }>;
  summary: { hosts: number; byStatus: Record<string, number> };
}

async function readResultsFile(file: string): Promise<HostResult[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as HostResult);
}

/** Resolves once the results file has a line, that is, once the first host has finished. */
async function firstResultWritten(file: string): Promise<void> {
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text.includes('\n')) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('check with a capture directory', () => {
  it('saves every result in results.jsonl', async () => {
    const captureDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'sldiag-check-')), 'captures');
    const run = options({ captureDir, format: 'table' });

    const code = await checkCommand(run.options);

    const saved = await readResultsFile(path.join(captureDir, RESULTS_FILE));
    expect(code).toBe(0);
    expect(saved.map((result) => result.name).sort()).toEqual(fleet.profiles.map((profile) => profile.name).sort());
    expect(saved.every((result) => result.findings.length > 0)).toBe(true);
    expect(run.output()).toContain(`raw outputs and ${RESULTS_FILE} saved under ${captureDir}`);
  });

  it('lists hosts in inventory order', async () => {
    const captureDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'sldiag-check-')), 'captures');
    const run = options({ captureDir });

    await checkCommand(run.options);

    const report = JSON.parse(run.output()) as JsonReport;
    expect(report.hosts.map((host) => host.name)).toEqual(fleet.profiles.map((profile) => profile.name));
  });
});

describe('check with --no-capture', () => {
  it('removes the temporary results file', async () => {
    const temporary = await mkdtemp(path.join(os.tmpdir(), 'sldiag-check-tmp-'));
    process.env['TMPDIR'] = temporary;
    const run = options({});

    const code = await checkCommand(run.options);

    expect(code).toBe(0);
    expect((JSON.parse(run.output()) as JsonReport).summary.hosts).toBe(FLEET_SIZE);
    expect(await readdir(temporary)).toEqual([]);
  });

  it('removes it when the report fails', async () => {
    const temporary = await mkdtemp(path.join(os.tmpdir(), 'sldiag-check-tmp-'));
    process.env['TMPDIR'] = temporary;
    const run = options({
      write: () => {
        throw new Error('EPIPE: broken pipe, write');
      },
    });

    await expect(checkCommand(run.options)).rejects.toThrow('EPIPE');
    expect(await readdir(temporary)).toEqual([]);
  });
});

describe('check interrupted', () => {
  it('reports every host finished before the interrupt', async () => {
    const captureDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'sldiag-check-')), 'captures');
    const resultsFile = path.join(captureDir, RESULTS_FILE);
    const controller = new AbortController();
    const run = options({ captureDir, concurrency: 1, signal: controller.signal });

    const checking = checkCommand(run.options);
    await firstResultWritten(resultsFile);
    controller.abort();
    const code = await checking;

    const report = JSON.parse(run.output()) as JsonReport;
    const [first, ...rest] = report.hosts;
    expect(code).toBe(3);
    expect(report.hosts).toHaveLength(FLEET_SIZE);
    expect(first?.status).toBe('passed');
    expect(rest.length).toBeGreaterThan(0);
    for (const host of rest) {
      expect(host.error?.kind, host.name).toBe('interrupted');
    }
    expect((await readResultsFile(resultsFile)).map((result) => result.name).sort()).toEqual(report.hosts.map((host) => host.name).sort());
  });
});

describe('check --from', () => {
  it('leaves the saved outputs untouched', async () => {
    const captureDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'sldiag-check-')), 'captures');
    await checkCommand(options({ captureDir }).options);
    const before = (await readdir(captureDir)).sort();
    const offline = options({ from: captureDir, format: 'jsonl' });

    const code = await checkCommand(offline.options);

    const lines = offline.output().trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; name?: string });
    expect(code).toBe(0);
    expect(lines.filter((line) => line.type === 'host').map((line) => line.name)).toEqual(fleet.profiles.map((profile) => profile.name));
    expect(lines.at(-1)?.type).toBe('summary');
    expect((await readdir(captureDir)).sort()).toEqual(before);
    expect(existsSync(path.join(captureDir, RESULTS_FILE))).toBe(true);
  });
});

/** Returns the path of a capture folder under a new temporary folder, not yet created. */
async function newCaptureDir(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'sldiag-check-')), 'captures');
}

/** Writes the fleet's inventory plus one host on a port nothing listens on, and returns its path. */
async function inventoryWithUnreachableHost(): Promise<string> {
  const document = parse(await readFile(fleet.inventory, 'utf8')) as { hosts: object[] };
  document.hosts.push({ name: 'gone-switch', hostname: '127.0.0.1', port: await closedPort() });
  const file = path.join(fleet.dir, 'inventory-with-gone-switch.yaml');
  await writeFile(file, stringify(document));
  return file;
}

/** Runs a live check into `captureDir`, then `check --from` on it, and returns both JSON reports. */
async function liveThenSaved(live: Partial<CheckCommandOptions>, saved: Partial<CheckCommandOptions> = {}) {
  const liveRun = options({ format: 'json', ...live });
  const liveCode = await checkCommand(liveRun.options);
  const savedRun = options({ format: 'json', from: live.captureDir ?? null, ...saved });
  const savedCode = await checkCommand(savedRun.options);
  return {
    live: { code: liveCode, report: JSON.parse(liveRun.output()) as JsonReport },
    saved: { code: savedCode, report: JSON.parse(savedRun.output()) as JsonReport },
  };
}

/** Lists each host's status and error by name, to compare a live report with its re-check. */
function outcomes(report: JsonReport) {
  return report.hosts
    .map((host) => ({ name: host.name, status: host.status, error: host.error }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe('check --from reports every device of the run', () => {
  it('keeps an unreachable device and exits 3', async () => {
    const captureDir = await newCaptureDir();

    const { live, saved } = await liveThenSaved({ captureDir, inventory: await inventoryWithUnreachableHost() });

    const gone = saved.report.hosts.find((host) => host.name === 'gone-switch');
    expect(live.code).toBe(3);
    expect(saved.code).toBe(3);
    expect(saved.report.summary.hosts).toBe(FLEET_SIZE + 1);
    expect(gone?.status).toBe('unreachable');
    expect(gone?.error?.kind).toBe('refused');
    expect(outcomes(saved.report)).toEqual(outcomes(live.report));
  });

  it('keeps devices whose host key was rejected', async () => {
    const captureDir = await newCaptureDir();
    const emptyKnownHosts = path.join(fleet.dir, 'empty_known_hosts');
    await writeFile(emptyKnownHosts, '');

    const { live, saved } = await liveThenSaved({ captureDir, knownHosts: emptyKnownHosts });

    expect(live.report.hosts.every((host) => host.error?.kind === 'hostkey')).toBe(true);
    expect(saved.code).toBe(3);
    expect(saved.report.summary.hosts).toBe(FLEET_SIZE);
    expect(saved.report.summary.byStatus['error']).toBe(FLEET_SIZE);
    expect(outcomes(saved.report)).toEqual(outcomes(live.report));
  });

  it('keeps the address and port of the live run', async () => {
    const captureDir = await newCaptureDir();

    const { live, saved } = await liveThenSaved({ captureDir });

    const addresses = (report: JsonReport) => report.hosts.map((host) => `${host.name} ${host.address}`).sort();
    expect(addresses(saved.report)).toEqual(addresses(live.report));
    expect(saved.report.hosts[0]?.address).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('keeps interrupted devices interrupted', async () => {
    const captureDir = await newCaptureDir();
    const controller = new AbortController();
    const liveRun = options({ captureDir, concurrency: 1, signal: controller.signal });

    const checking = checkCommand(liveRun.options);
    await firstResultWritten(path.join(captureDir, RESULTS_FILE));
    controller.abort();
    await checking;
    const live = JSON.parse(liveRun.output()) as JsonReport;
    const savedRun = options({ from: captureDir });
    const savedCode = await checkCommand(savedRun.options);
    const saved = JSON.parse(savedRun.output()) as JsonReport;

    const interrupted = saved.hosts.filter((host) => host.error?.kind === 'interrupted');
    expect(savedCode).toBe(3);
    expect(interrupted.length).toBeGreaterThan(0);
    expect(interrupted.every((host) => host.status === 'error')).toBe(true);
    expect(saved.hosts.some((host) => host.error?.kind === 'rejected')).toBe(false);
    expect(outcomes(saved)).toEqual(outcomes(live));
  });

  it('lists hosts in name order', async () => {
    const captureDir = await newCaptureDir();

    const { saved } = await liveThenSaved({ captureDir, inventory: await inventoryWithUnreachableHost() });

    const names = saved.report.hosts.map((host) => host.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe('check --from with nothing to check', () => {
  it('rejects an empty folder', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'sldiag-empty-'));

    const checking = checkCommand(options({ from: empty }).options);

    await expect(checking).rejects.toThrow(UsageError);
    await expect(checking).rejects.toThrow(`--from ${empty}: nothing to check, because it has no host folders and no ${RESULTS_FILE}`);
    await expect(checking).rejects.toThrow('Give a folder such as captures/<time> that contains host folders or results.jsonl, or a bundle archive (.tar.gz)');
  });

  it('names the run inside the folder above it', async () => {
    const captureDir = await newCaptureDir();
    await checkCommand(options({ captureDir }).options);
    const parent = path.dirname(captureDir);

    const checking = checkCommand(options({ from: parent }).options);

    await expect(checking).rejects.toThrow(UsageError);
    await expect(checking).rejects.toThrow(`--from ${parent}: nothing to check`);
    await expect(checking).rejects.toThrow(`pass one of them, such as ${captureDir}`);
  });

  it('rejects a folder whose subfolders hold no outputs', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-empty-'));
    await mkdir(path.join(dir, 'sw-1'));

    await expect(checkCommand(options({ from: dir }).options)).rejects.toThrow(`--from ${dir}: nothing to check`);
  });
});

describe('check --from inventory', () => {
  it('rejects a missing inventory given with -i', async () => {
    const captureDir = await newCaptureDir();
    await checkCommand(options({ captureDir }).options);
    const missing = path.join(fleet.dir, 'no-such-inventory.yaml');

    const checking = checkCommand(options({ from: captureDir, inventory: missing }).options);

    await expect(checking).rejects.toThrow(InventoryError);
    await expect(checking).rejects.toThrow(missing);
  });

  it('checks without intent when the default inventory is missing', async () => {
    const captureDir = await newCaptureDir();
    await checkCommand(options({ captureDir }).options);
    const missing = path.join(fleet.dir, 'inventory-not-here.yaml');
    const run = options({ from: captureDir, inventory: missing, inventoryIsDefault: true });

    const code = await checkCommand(run.options);

    expect(code).toBe(0);
    expect((JSON.parse(run.output()) as JsonReport).summary.hosts).toBe(FLEET_SIZE);
  });

  it('checks without intent with --no-inventory', async () => {
    const captureDir = await newCaptureDir();
    await checkCommand(options({ captureDir }).options);
    const run = options({ from: captureDir, inventory: null });

    const code = await checkCommand(run.options);

    expect(code).toBe(0);
    expect((JSON.parse(run.output()) as JsonReport).summary.hosts).toBe(FLEET_SIZE);
  });

  it('rejects --no-inventory without --from', async () => {
    const checking = checkCommand(options({ inventory: null }).options);

    await expect(checking).rejects.toThrow(UsageError);
    await expect(checking).rejects.toThrow('--no-inventory needs --from');
  });
});

describe('check known_hosts', () => {
  it('rejects a missing --known-hosts file before connecting', async () => {
    const missing = path.join(fleet.dir, 'no_such_known_hosts');

    const checking = checkCommand(options({ knownHosts: missing, captureDir: null }).options);

    await expect(checking).rejects.toThrow(UsageError);
    await expect(checking).rejects.toThrow(`--known-hosts ${missing} does not exist`);
    expect(existsSync(missing)).toBe(false);
  });

  it('creates the file with --accept-new', async () => {
    const created = path.join(fleet.dir, 'new_known_hosts');

    const code = await checkCommand(options({ knownHosts: created, acceptNew: true, captureDir: null }).options);

    expect(code).toBe(0);
    expect(existsSync(created)).toBe(true);
  });
});
