import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { claimNewFolder, openCaptureStream, readCaptureDir, readCapturedHosts, safeName, writeHostManifest } from '../../src/app/capture.js';
import type { CommandResult } from '../../src/model/command.js';

const FIXTURE = path.resolve('fixtures/corpus/show-license-udi/c9350-stack4-ha-udi-list.txt');

/** Writes an output in two pieces, as a session streams it. */
async function writeCapturedCommand(dir: string, host: string, result: CommandResult): Promise<void> {
  const capture = await openCaptureStream(dir, host, result.id);
  const half = Math.floor(result.output.length / 2);
  capture.write(result.output.slice(0, half));
  capture.write(result.output.slice(half));
  await capture.finish();
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'sldiag-capture-'));
}

describe('capture layout', () => {
  it('writes <dir>/<host>/<slug>.txt byte for byte', async () => {
    const dir = await tempDir();
    const output = await readFile(FIXTURE, 'utf8');
    const result: CommandResult = {
      id: 'show-license-udi',
      command: 'show license udi',
      output,
      failure: null,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
    };

    await writeCapturedCommand(dir, 'sw-1', result);

    expect(await readFile(path.join(dir, 'sw-1', 'show-license-udi.txt'), 'utf8')).toBe(output);
  });

  it('keeps an abandoned output as .partial only', async () => {
    const dir = await tempDir();
    const capture = await openCaptureStream(dir, 'sw-1', 'show-license-all');
    capture.write('Smart Licensing Status\r\n');
    await capture.abandon();

    expect(await readdir(path.join(dir, 'sw-1'))).toEqual(['show-license-all.txt.partial']);
    expect(await readFile(path.join(dir, 'sw-1', 'show-license-all.txt.partial'), 'utf8')).toBe('Smart Licensing Status\r\n');
  });

  it('reads back outputs and failures from the manifest', async () => {
    const dir = await tempDir();
    const ok: CommandResult = {
      id: 'show-license-udi',
      command: 'show license udi',
      output: await readFile(FIXTURE, 'utf8'),
      failure: null,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
    };
    const rejected: CommandResult = {
      id: 'show-license-status',
      command: 'show license status',
      output: "                   ^\r\n% Invalid input detected at '^' marker.\r\n",
      failure: { marker: '% Invalid input detected', message: "% Invalid input detected at '^' marker." },
      startedAt: '2026-01-01T00:00:01.000Z',
      finishedAt: '2026-01-01T00:00:02.000Z',
    };

    await writeCapturedCommand(dir, 'sw-1', ok);
    await writeCapturedCommand(dir, 'sw-1', rejected);
    await writeHostManifest(dir, { name: 'sw-1', address: '192.0.2.1', commands: [ok, rejected] });

    const hosts = await readCaptureDir(dir);
    expect(hosts).toEqual([{ name: 'sw-1', address: '192.0.2.1', commands: [ok, rejected] }]);
  });

  it('reads a folder of outputs without a manifest', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'sw-2'));
    await writeFile(path.join(dir, 'sw-2', 'show-license-udi.txt'), await readFile(FIXTURE));

    const [host] = await readCaptureDir(dir);
    expect(host?.name).toBe('sw-2');
    expect(host?.commands.map((c) => [c.id, c.command, c.failure])).toEqual([['show-license-udi', 'show license udi', null]]);
  });

  it('yields hosts one at a time in name order', async () => {
    const dir = await tempDir();
    for (const name of ['sw-b', 'sw-a', 'empty']) {
      await mkdir(path.join(dir, name));
    }
    await writeFile(path.join(dir, 'sw-b', 'show-license-udi.txt'), await readFile(FIXTURE));
    await writeFile(path.join(dir, 'sw-a', 'show-license-udi.txt'), await readFile(FIXTURE));
    await writeFile(path.join(dir, 'results.jsonl'), '');

    const hosts = readCapturedHosts(dir);
    const first = await hosts.next();
    expect(first.done).toBe(false);
    expect(first.value?.name).toBe('sw-a');

    const rest: string[] = [];
    for await (const host of hosts) {
      rest.push(host.name);
    }
    expect(rest).toEqual(['sw-b']);
  });

  it('reports a broken manifest with its path', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'sw-3'));
    await writeFile(path.join(dir, 'sw-3', 'commands.json'), '{ not json');

    await expect(readCaptureDir(dir)).rejects.toThrow(path.join(dir, 'sw-3', 'commands.json'));
  });

  it('claims a new folder for each concurrent run', async () => {
    const base = path.join(await tempDir(), 'captures', '2026-12-04T02-00-00Z');

    const claimed = await Promise.all([1, 2, 3, 4].map(() => claimNewFolder(base)));

    expect([...claimed].sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`]);
  });

  it('keeps host names safe as folder names', () => {
    expect(safeName('core/sw 1')).toBe('core_sw_1');
    expect(safeName('..')).toBe('_');
    expect(safeName('sw-1.example')).toBe('sw-1.example');
  });
});
