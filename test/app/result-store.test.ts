// The result store on real files: results written as hosts finish, read
// back in inventory order, temporary files removed, write errors surfaced.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ResultStore, ResultStoreError, RESULTS_FILE } from '../../src/app/result-store.js';
import { createLogger, silentLogger } from '../../src/log/logger.js';
import type { Finding } from '../../src/model/finding.js';
import type { HostResult } from '../../src/model/result.js';

function finding(result: Finding['result'], check: string): Finding {
  return {
    mnemonic: 'SMART_LIC-3-COMM_FAILED',
    check,
    topic: 'transport-url',
    severity: 3,
    result,
    message: `${check} is ${result}`,
    evidence: [{ command: 'show license status', line: 12, text: '  URL: https://smartreceiver.cisco.com/licservice/license' }],
    remedy: ['license smart transport smart'],
    observed: null,
  };
}

function host(name: string, findings: Finding[] = [finding('pass', 'comm-failed.smart-url')]): HostResult {
  const failed = findings.some((item) => item.result === 'fail');
  return {
    name,
    address: `127.0.0.1:22`,
    status: failed ? 'failed' : 'passed',
    error: null,
    commands: [
      {
        id: 'show-license-status',
        command: 'show license status',
        failure: null,
        bytes: 1234,
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:00.500Z',
      },
    ],
    facts: null,
    findings,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
  };
}

async function readAll(store: ResultStore): Promise<HostResult[]> {
  const results: HostResult[] = [];
  for await (const result of store.results()) {
    results.push(result);
  }
  return results;
}

const opened: ResultStore[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function temporaryStore(): Promise<ResultStore> {
  const store = await ResultStore.createTemporary({ logger: silentLogger });
  opened.push(store);
  return store;
}

describe('ResultStore', () => {
  it('reads results back in inventory order', async () => {
    const store = await temporaryStore();
    const hosts = ['sw-0', 'sw-1', 'sw-2', 'sw-3'].map((name) => host(name));

    // Finished in another order than the inventory's.
    store.add(2, hosts[2]!);
    store.add(0, hosts[0]!);
    store.add(3, hosts[3]!);
    store.add(1, hosts[1]!);

    expect((await readAll(store)).map((result) => result.name)).toEqual(['sw-0', 'sw-1', 'sw-2', 'sw-3']);
    expect(store.summaries.map((summary) => summary.name)).toEqual(['sw-0', 'sw-1', 'sw-2', 'sw-3']);
  });

  it('returns every field as added', async () => {
    const store = await temporaryStore();
    const original = host('core-1', [finding('fail', 'comm-failed.smart-url'), finding('warn', 'reporting-required.ack-due')]);

    store.add(0, original);

    expect(await readAll(store)).toEqual([original]);
  });

  it('reads back again from the first host', async () => {
    const store = await temporaryStore();
    store.add(0, host('sw-0'));
    store.add(1, host('sw-1'));

    const first = await readAll(store);
    const second = await readAll(store);

    expect(second).toEqual(first);
    expect(second).toHaveLength(2);
  });

  it('keeps a summary with finding counts', async () => {
    const store = await temporaryStore();
    store.add(0, host('core-1', [finding('fail', 'a'), finding('fail', 'b'), finding('warn', 'c'), finding('skip', 'd')]));

    expect(store.summaries).toEqual([
      { name: 'core-1', address: '127.0.0.1:22', status: 'failed', error: null, findings: { fail: 2, warn: 1, pass: 0, skip: 1 } },
    ]);
  });

  it('writes one JSON line per host in finishing order', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-store-'));
    const file = path.join(dir, 'captures', RESULTS_FILE);
    const store = await ResultStore.create(file, { logger: silentLogger });
    opened.push(store);

    store.add(1, host('sw-1'));
    store.add(0, host('sw-0'));
    await store.flush();

    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect((JSON.parse(lines[0]!) as HostResult).name).toBe('sw-1');
    expect((JSON.parse(lines[1]!) as HostResult).name).toBe('sw-0');
  });

  it('keeps the results file of a capture directory on close', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-store-'));
    const file = path.join(dir, RESULTS_FILE);
    const store = await ResultStore.create(file, { logger: silentLogger });

    store.add(0, host('sw-0'));
    await store.close();

    expect(existsSync(file)).toBe(true);
    expect((await readFile(file, 'utf8')).endsWith('\n')).toBe(true);
  });

  it('removes a temporary results file on close', async () => {
    const store = await ResultStore.createTemporary({ logger: silentLogger });
    store.add(0, host('sw-0'));
    await store.flush();
    expect(existsSync(store.file)).toBe(true);

    await store.close();

    expect(existsSync(store.file)).toBe(false);
    expect(existsSync(path.dirname(store.file))).toBe(false);
  });

  it('removes a temporary results file synchronously', async () => {
    const store = await ResultStore.createTemporary({ logger: silentLogger });
    opened.push(store);
    await store.flush();

    store.removeTemporarySync();

    expect(existsSync(path.dirname(store.file))).toBe(false);
  });

  it('writes pending results synchronously', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-store-'));
    const file = path.join(dir, RESULTS_FILE);
    const store = await ResultStore.create(file, { logger: silentLogger });
    store.add(2, host('sw-2'));
    store.add(0, host('sw-0'));
    store.add(1, host('sw-1'));

    // As an exit handler would, before any background write has run.
    store.writePendingSync();
    const written = readFileSync(file, 'utf8');
    await store.close();

    expect(written.split('\n').slice(0, -1).map((line) => (JSON.parse(line) as HostResult).name)).toEqual(['sw-2', 'sw-0', 'sw-1']);
    expect(await readFile(file, 'utf8')).toBe(written);
  });

  it('writes nothing more once every result is written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-store-'));
    const file = path.join(dir, RESULTS_FILE);
    const store = await ResultStore.create(file, { logger: silentLogger });
    opened.push(store);
    store.add(0, host('sw-0'));
    await store.flush();
    const before = await readFile(file, 'utf8');

    store.writePendingSync();

    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('rejects a second result for one position', async () => {
    const store = await temporaryStore();
    store.add(0, host('sw-0'));

    expect(() => store.add(0, host('sw-1'))).toThrow(/inventory position 0 already has the result of sw-0/);
  });

  it('keeps the results file of an earlier run', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-store-'));
    const file = path.join(dir, RESULTS_FILE);
    await writeFile(file, '{"name":"earlier"}\n');

    const created = ResultStore.create(file, { logger: silentLogger });

    await expect(created).rejects.toThrow(ResultStoreError);
    await expect(created).rejects.toThrow(`the results file ${file} already exists, so ${dir} contains an earlier run`);
    expect(await readFile(file, 'utf8')).toBe('{"name":"earlier"}\n');
  });

  it('names the file it could not create', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-store-'));
    // A file where the folder of the results file should be.
    const blocked = path.join(dir, 'not-a-folder');
    await writeFile(blocked, '');
    const file = path.join(blocked, RESULTS_FILE);

    const created = ResultStore.create(file, { logger: silentLogger });

    await expect(created).rejects.toThrow(ResultStoreError);
    await expect(created).rejects.toThrow(`could not create the results file ${file}: `);
    await expect(created).rejects.toThrow('choose another --capture-dir');
  });
});

// /dev/full accepts the open and fails every write with ENOSPC, as a full disk does.
describe.runIf(existsSync('/dev/full'))('ResultStore on a full disk', () => {
  it('reports the file and the OS error, and keeps every result', async () => {
    const logged: string[] = [];
    const logger = createLogger({ level: 'error', write: (line) => logged.push(line) });
    const store = await ResultStore.create('/dev/full', { logger });
    opened.push(store);

    store.add(0, host('sw-0'));
    store.add(1, host('sw-1'));
    await store.flush();

    expect(store.writeError).toBeInstanceOf(ResultStoreError);
    expect(store.writeError?.message).toContain('could not write to the results file /dev/full: ENOSPC');
    expect(store.writeError?.message).toContain('Free disk space');
    expect(logged.some((line) => line.includes('/dev/full') && line.includes('ENOSPC'))).toBe(true);
    expect((await readAll(store)).map((result) => result.name)).toEqual(['sw-0', 'sw-1']);
  });
});
