// `checkCaptures` on capture folders built from a real device output and a
// results file written by the result store, as a live run leaves them.
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { writeHostManifest } from '../../src/app/capture.js';
import { evaluateHost } from '../../src/app/host-pipeline.js';
import { checkCaptures, NothingToCheckError } from '../../src/app/offline.js';
import { RESULTS_FILE, ResultStore } from '../../src/app/result-store.js';
import { createLogger, silentLogger } from '../../src/log/logger.js';
import type { Logger } from '../../src/log/logger.js';
import type { CommandResult } from '../../src/model/command.js';
import { DEFAULT_ACK_WARNING_DAYS } from '../../src/model/intent.js';
import type { HostError, HostResult, HostSummary } from '../../src/model/result.js';
import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';
import type { Playbook } from '../../src/playbooks/types.js';

const TECH_SUPPORT = path.resolve('fixtures/devices/edge-healthy-c9300/show-license-tech-support.txt');
const NOW = new Date('2023-07-13T13:20:00Z');
const NO_INTENT = { transportType: null, transportUrl: null, slacFile: null, ackWarningDays: DEFAULT_ACK_WARNING_DAYS, policy: null };

let playbooks: Playbook[];

beforeAll(async () => {
  playbooks = await loadBuiltinPlaybooks();
});

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'sldiag-offline-'));
}

/** Saves the healthy device's tech support output as host `name`, with its manifest, as a live run does. */
async function saveHostFolder(dir: string, name: string): Promise<CommandResult> {
  await mkdir(path.join(dir, name), { recursive: true });
  await copyFile(TECH_SUPPORT, path.join(dir, name, 'show-license-tech-support.txt'));
  const command: CommandResult = {
    id: 'show-license-tech-support',
    command: 'show license tech support',
    output: await readFile(TECH_SUPPORT, 'utf8'),
    failure: null,
    startedAt: NOW.toISOString(),
    finishedAt: NOW.toISOString(),
  };
  await writeHostManifest(dir, { name, address: '127.0.0.1', commands: [command] });
  return command;
}

/** Builds the result a live run stores for a host, through the same evaluation. */
function liveResult(name: string, commands: CommandResult[], error: HostError | null): HostResult {
  return evaluateHost({
    name,
    address: '127.0.0.1:2222',
    commands,
    error,
    host: { licensing: NO_INTENT },
    playbooks,
    now: NOW,
    startedAt: NOW.toISOString(),
  });
}

/** Writes the results file with the result store, one line per result in the given order. */
async function saveResults(dir: string, results: HostResult[]): Promise<void> {
  const store = await ResultStore.create(path.join(dir, RESULTS_FILE), { logger: silentLogger });
  results.forEach((result, position) => store.add(position, result));
  await store.close();
}

async function recheck(dir: string, logger: Logger = silentLogger): Promise<HostSummary[]> {
  const store = await ResultStore.createTemporary({ logger: silentLogger });
  try {
    const run = await checkCaptures(dir, { playbooks, inventory: null, now: () => NOW, store, logger });
    return [...run.hosts];
  } finally {
    await store.close();
  }
}

function warningsInto(lines: string[]): Logger {
  return createLogger({ level: 'warn', write: (line) => lines.push(line) });
}

const REFUSED: HostError = { kind: 'refused', message: 'connection refused by 127.0.0.1:2222' };

describe('checkCaptures with a results file', () => {
  it('keeps a device without a folder', async () => {
    const dir = await tempDir();
    const output = await saveHostFolder(dir, 'sw-1');
    await saveResults(dir, [liveResult('sw-1', [output], null), liveResult('sw-2', [], REFUSED)]);

    const hosts = await recheck(dir);

    expect(hosts.map((host) => host.name)).toEqual(['sw-1', 'sw-2']);
    expect(hosts[0]?.status).toBe('passed');
    expect(hosts[1]?.status).toBe('unreachable');
    expect(hosts[1]?.error).toEqual(REFUSED);
  });

  it('keeps the error of a device with outputs', async () => {
    const dir = await tempDir();
    const output = await saveHostFolder(dir, 'sw-1');
    const interrupted: HostError = { kind: 'interrupted', message: 'the run was interrupted after 1 command on this device' };
    await saveResults(dir, [liveResult('sw-1', [output], interrupted)]);

    const [host] = await recheck(dir);

    expect(host?.status).toBe('error');
    expect(host?.error).toEqual(interrupted);
    expect(host?.findings.pass).toBeGreaterThan(0);
  });

  it('lists hosts in name order, not line order', async () => {
    const dir = await tempDir();
    await saveResults(dir, [liveResult('sw-3', [], REFUSED), liveResult('sw-1', [], REFUSED), liveResult('sw-2', [], REFUSED)]);

    const hosts = await recheck(dir);

    expect(hosts.map((host) => host.name)).toEqual(['sw-1', 'sw-2', 'sw-3']);
  });

  it('reports a collected device whose folder is gone', async () => {
    const dir = await tempDir();
    const output = await saveHostFolder(dir, 'sw-1');
    await saveResults(dir, [liveResult('sw-1', [output], null), liveResult('sw-2', [output], null)]);

    const hosts = await recheck(dir);

    expect(hosts[1]?.name).toBe('sw-2');
    expect(hosts[1]?.status).toBe('error');
    expect(hosts[1]?.error?.message).toBe(`no saved outputs: ${RESULTS_FILE} lists this device as passed, but its folder sw-2 is missing or empty`);
  });

  it('reports a folder without a result as interrupted', async () => {
    const dir = await tempDir();
    const output = await saveHostFolder(dir, 'sw-1');
    await saveHostFolder(dir, 'sw-extra');
    await saveResults(dir, [liveResult('sw-1', [output], null)]);
    const warnings: string[] = [];

    const hosts = await recheck(dir, warningsInto(warnings));

    expect(hosts.map((host) => [host.name, host.status])).toEqual([
      ['sw-1', 'passed'],
      ['sw-extra', 'error'],
    ]);
    expect(hosts[1]?.error?.kind).toBe('interrupted');
    expect(hosts[1]?.error?.message).toContain(`no readable result in ${RESULTS_FILE}`);
    expect(hosts[1]?.findings.pass).toBeGreaterThan(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('has no readable result for 1 device folder (sw-extra)');
  });

  it('skips a broken line with a warning', async () => {
    const dir = await tempDir();
    await saveHostFolder(dir, 'sw-1');
    await saveResults(dir, [liveResult('sw-2', [], REFUSED)]);
    const file = path.join(dir, RESULTS_FILE);
    await writeFile(file, (await readFile(file, 'utf8')) + '{"name":"sw-1","status":"pas');
    const warnings: string[] = [];

    const hosts = await recheck(dir, warningsInto(warnings));

    expect(hosts.map((host) => [host.name, host.status])).toEqual([
      ['sw-1', 'error'],
      ['sw-2', 'unreachable'],
    ]);
    expect(hosts[0]?.error?.kind).toBe('interrupted');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(`${file}:2: invalid JSON`);
    expect(warnings[1]).toContain('has no readable result for 1 device folder (sw-1)');
  });

  it('uses the first of two lines for a host', async () => {
    const dir = await tempDir();
    const file = path.join(dir, RESULTS_FILE);
    const first = liveResult('sw-1', [], REFUSED);
    const second = liveResult('sw-1', [], { kind: 'timeout', message: 'timed out' });
    await writeFile(file, `${JSON.stringify(first)}\n${JSON.stringify(second)}\n`);
    const warnings: string[] = [];

    const hosts = await recheck(dir, warningsInto(warnings));

    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.error).toEqual(REFUSED);
    expect(warnings[0]).toContain(`${file}:2: a second result for sw-1`);
  });

  it('writes nothing into the folder', async () => {
    const dir = await tempDir();
    const output = await saveHostFolder(dir, 'sw-1');
    await saveResults(dir, [liveResult('sw-1', [output], null)]);
    const before = await readFile(path.join(dir, RESULTS_FILE), 'utf8');

    await recheck(dir);

    expect((await readdir(dir)).sort()).toEqual([RESULTS_FILE, 'sw-1']);
    expect(await readFile(path.join(dir, RESULTS_FILE), 'utf8')).toBe(before);
  });
});

describe('checkCaptures without a results file', () => {
  it('checks the host folders alone', async () => {
    const dir = await tempDir();
    await saveHostFolder(dir, 'sw-2');
    await saveHostFolder(dir, 'sw-1');

    const hosts = await recheck(dir);

    expect(hosts.map((host) => [host.name, host.status])).toEqual([
      ['sw-1', 'passed'],
      ['sw-2', 'passed'],
    ]);
  });

  it('rejects an empty folder', async () => {
    const dir = await tempDir();

    const checking = recheck(dir);

    await expect(checking).rejects.toThrow(NothingToCheckError);
    await expect(checking).rejects.toMatchObject({ dir, runFolders: [] });
  });

  it('names the runs in the folder above them', async () => {
    const dir = await tempDir();
    for (const run of ['2026-12-04T02-00-00Z', '2026-12-05T02-00-00Z']) {
      await mkdir(path.join(dir, run));
      await saveResults(path.join(dir, run), [liveResult('sw-1', [], REFUSED)]);
    }

    const checking = recheck(dir);

    await expect(checking).rejects.toMatchObject({ runFolders: ['2026-12-05T02-00-00Z', '2026-12-04T02-00-00Z'] });
  });
});
