// Streaming and Ctrl-C with the built executable: jsonl lines arrive while the
// run goes on, and an interrupted run still reports every device.
import { spawn } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningSimulator } from '../../src/sim/simulator.js';
import { CLI, PASSWORD_VARIABLE, slowHealthyDevices, startFleet } from './harness.js';

let simulator: RunningSimulator;
let inventory: string;
let knownHosts: string;
let password: string;

beforeAll(async () => {
  // Six slow devices: each command is answered after 150 ms.
  const fleet = await startFleet(await slowHealthyDevices(6, 150));
  simulator = fleet.simulator;
  password = fleet.profiles[0]!.password;
  inventory = fleet.inventory;
  knownHosts = fleet.knownHosts;
});

afterAll(async () => {
  await simulator?.stop();
});

interface Streamed {
  code: number | null;
  lines: Array<Record<string, any>>;
}

/** Runs check with --format jsonl; `onFirstHost` is called when the first device's line arrives. */
function runStreaming(extraArgs: string[], onFirstHost: (child: ReturnType<typeof spawn>) => void): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, 'check', '-i', inventory, '--known-hosts', knownHosts, '--no-capture', '--format', 'jsonl', ...extraArgs],
      { env: { ...process.env, [PASSWORD_VARIABLE]: password }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: Array<Record<string, any>> = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as Record<string, any>;
        buffered = buffered.slice(newline + 1);
        lines.push(line);
        if (line['type'] === 'host' && lines.filter((l) => l['type'] === 'host').length === 1) {
          onFirstHost(child);
        }
        newline = buffered.indexOf('\n');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines }));
  });
}

describe('check --format jsonl', () => {
  it('streams each device before the run ends', async () => {
    let runningAtFirstLine = false;
    const result = await runStreaming(['--concurrency', '2'], (child) => {
      runningAtFirstLine = child.exitCode === null;
    });

    expect(runningAtFirstLine).toBe(true);
    expect(result.code).toBe(0);
    expect(result.lines.filter((line) => line['type'] === 'host')).toHaveLength(6);
    expect(result.lines.at(-1)).toMatchObject({ type: 'summary', hosts: 6, byStatus: { passed: 6 }, interrupted: 0 });
  });
});

describe('check interrupted with Ctrl-C', () => {
  it('reports finished devices and marks the rest not collected', async () => {
    const result = await runStreaming(['--concurrency', '1'], (child) => {
      child.kill('SIGINT');
    });

    const hosts = result.lines.filter((line) => line['type'] === 'host');
    expect(result.code).toBe(3);
    expect(hosts).toHaveLength(6);
    expect(hosts[0]).toMatchObject({ status: 'passed' });
    expect(hosts.slice(1).every((host) => host['error']?.['kind'] === 'interrupted')).toBe(true);
    expect(result.lines.at(-1)).toMatchObject({ type: 'summary', hosts: 6, interrupted: 5 });
  });

  it('takes a signal delivered twice at once as one', async () => {
    // GNU timeout sends its signal to the command and then to its process
    // group. 20 ms apart, the two arrive as separate signals.
    const result = await runStreaming(['--concurrency', '1'], (child) => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGTERM'), 20);
    });

    const hosts = result.lines.filter((line) => line['type'] === 'host');
    expect(result.code).toBe(3);
    expect(hosts).toHaveLength(6);
    expect(result.lines.at(-1)).toMatchObject({ type: 'summary', hosts: 6 });
  });
});
