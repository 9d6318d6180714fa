// `sldiag check` in process against the simulator: the results file in the
// capture directory, the temporary one with --no-capture, and a report that
// still covers every host after an interruption.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { RESULTS_FILE } from '../../src/app/result-store.js';
import { checkCommand } from '../../src/cli/commands/check.js';
import type { CheckCommandOptions } from '../../src/cli/commands/check.js';
import type { HostResult } from '../../src/model/result.js';
import { PASSWORD_VARIABLE, slowHealthyDevices, startFleet } from '../e2e/harness.js';
import type { DemoFleet } from '../e2e/harness.js';

const FLEET_SIZE = 4;

let fleet: DemoFleet;

beforeAll(async () => {
  // Each command is answered after 60 ms, so a device takes long enough to interrupt the run after the first.
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
  hosts: Array<{ name: string; status: string; error: { kind: string } | null }>;
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
