// `npm run bench`: sldiag check against simulated fleets on 127.0.0.1 where
// every CLI answer comes after a fixed latency, compared with the latency
// limit, the shortest time any tool could take with that concurrency and
// the same sequence of commands.
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'index.js');
const SIM = path.join(PACKAGE_ROOT, 'dist', 'scripts', 'bench-sim.js');
const RUSAGE = pathToFileURL(path.join(PACKAGE_ROOT, 'dist', 'scripts', 'bench-rusage.js')).href;

/** A RAM-backed folder for the captures, so the figures show sldiag's work rather than the disk's. */
const TMPFS = '/dev/shm';

interface Config {
  devices: number;
  concurrency: number;
  latencyMs: number;
  profile: string;
  label: string;
}

interface Measurement {
  config: Config;
  wallMs: number;
  limitMs: number;
  waves: number;
  /** CLI lines each device responded to after the latency, as counted by the simulator. */
  roundTrips: number;
  cpuMsPerDevice: number;
  simulatorCpuMsPerDevice: number;
  peakRssMb: number;
  exitCode: number | null;
  summary: string;
}

const HEALTHY = 'fixtures/devices/edge-healthy-c9300';
const LARGEST = 'fixtures/bench/largest-tech-support';

function configs(quick: boolean): Config[] {
  const grid: Config[] = [];
  for (const devices of quick ? [100] : [100, 1000]) {
    for (const concurrency of [50, 200]) {
      grid.push({ devices, concurrency, latencyMs: 50, profile: HEALTHY, label: 'healthy C9300 stack' });
    }
  }
  if (!quick) {
    grid.push({ devices: 10_000, concurrency: 200, latencyMs: 50, profile: LARGEST, label: 'largest tech support (13 KB)' });
  }
  return grid;
}

async function measure(config: Config, captureRoot: string): Promise<Measurement> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-bench-'));
  const captures = await mkdtemp(path.join(captureRoot, 'sldiag-bench-captures-'));
  const simulator = spawn(
    process.execPath,
    [SIM, '--devices', String(config.devices), '--latency', String(config.latencyMs), '--profile', config.profile, '--out', dir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );

  try {
    await waitForReady(simulator);
    const password = await readFile(path.join(dir, 'password'), 'utf8');
    const rusageFile = path.join(dir, 'rusage.json');

    const started = process.hrtime.bigint();
    const run = await runSldiag(
      [
        '--import',
        RUSAGE,
        CLI,
        'check',
        '-i',
        path.join(dir, 'inventory.yaml'),
        '--known-hosts',
        path.join(dir, 'known_hosts'),
        '--capture-dir',
        captures,
        '--concurrency',
        String(config.concurrency),
        '--format',
        'json',
        '--quiet',
      ],
      { ...process.env, SLDIAG_BENCH_PASSWORD: password, SLDIAG_BENCH_RUSAGE: rusageFile },
    );
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

    const usage = JSON.parse(await readFile(rusageFile, 'utf8')) as NodeJS.ResourceUsage;
    const simulatorStats = await stopSimulator(simulator, dir);
    const roundTrips = simulatorStats.answeredLines / config.devices;
    const waves = Math.ceil(config.devices / config.concurrency);
    return {
      config,
      wallMs,
      waves,
      roundTrips,
      limitMs: waves * roundTrips * config.latencyMs,
      cpuMsPerDevice: (usage.userCPUTime + usage.systemCPUTime) / 1000 / config.devices,
      simulatorCpuMsPerDevice: simulatorStats.cpuMs / config.devices,
      peakRssMb: usage.maxRSS / 1024,
      exitCode: run.code,
      summary: run.summary,
    };
  } finally {
    if (simulator.exitCode === null) {
      simulator.kill('SIGTERM');
      await new Promise((resolve) => simulator.once('exit', resolve));
    }
    await rm(dir, { recursive: true, force: true });
    await rm(captures, { recursive: true, force: true });
  }
}

interface SimulatorStats {
  answeredLines: number;
  cpuMs: number;
}

/** Stops the simulator, which writes its statistics on SIGTERM. */
async function stopSimulator(simulator: ReturnType<typeof spawn>, dir: string): Promise<SimulatorStats> {
  const exited = new Promise((resolve) => simulator.once('exit', resolve));
  simulator.kill('SIGTERM');
  await exited;
  return JSON.parse(await readFile(path.join(dir, 'sim-stats.json'), 'utf8')) as SimulatorStats;
}

/** Returns the tmpfs folder when this machine has a writable one, else the system temporary folder. */
async function defaultCaptureRoot(): Promise<string> {
  try {
    await access(TMPFS, constants.W_OK);
    return TMPFS;
  } catch {
    return os.tmpdir();
  }
}

function waitForReady(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('READY')) {
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited with code ${code} before it was ready`)));
  });
}

/** Runs sldiag; the JSON report goes through a pipe and only its summary is kept. */
function runSldiag(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; summary: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const report = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { summary: { byStatus: Record<string, number> } };
      const status = report.summary.byStatus;
      resolve({ code, summary: `${status['passed']} passed, ${status['failed']} failed, ${status['unreachable']} unreachable, ${status['error']} error` });
    });
  });
}

function print(results: Measurement[]): void {
  const header =
    '| devices | concurrency | latency | output | wall time | latency limit (waves x round trips x latency) | ratio | sldiag CPU per device | simulator CPU per device | CPU floor on this machine | CPUs busy to finish at the limit | sldiag peak RSS | result |';
  const rule = '|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---|';
  process.stdout.write(`${header}\n${rule}\n`);

  const cores = os.availableParallelism();
  for (const result of results) {
    const { config } = result;
    // Both processes share the machine's CPUs, so no schedule finishes before their CPU time spread over all cores.
    const cpuMs = (result.cpuMsPerDevice + result.simulatorCpuMsPerDevice) * config.devices;
    const floorMs = cpuMs / cores;
    const cells = [
      config.devices,
      config.concurrency,
      `${config.latencyMs} ms`,
      config.label,
      `${(result.wallMs / 1000).toFixed(2)} s`,
      `${result.waves} x ${formatCount(result.roundTrips)} x ${config.latencyMs} ms = ${(result.limitMs / 1000).toFixed(2)} s`,
      (result.wallMs / result.limitMs).toFixed(2),
      `${result.cpuMsPerDevice.toFixed(1)} ms`,
      `${result.simulatorCpuMsPerDevice.toFixed(1)} ms`,
      `${(floorMs / 1000).toFixed(2)} s`,
      // More than the machine's cores means the run is CPU-bound before any waiting.
      `${(cpuMs / result.limitMs).toFixed(2)} of ${cores}`,
      `${result.peakRssMb.toFixed(0)} MiB`,
      `exit ${result.exitCode}: ${result.summary}`,
    ];
    process.stdout.write(`| ${cells.join(' | ')} |\n`);
  }
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'capture-root': { type: 'string' },
      devices: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  // --devices and --concurrency run only the configurations with that count.
  const selected = configs(values.quick === true).filter(
    (config) =>
      (values.devices === undefined || config.devices === Number(values.devices)) &&
      (values.concurrency === undefined || config.concurrency === Number(values.concurrency)),
  );
  if (selected.length === 0) {
    throw new Error(`no configuration has --devices ${values.devices ?? 'any'} and --concurrency ${values.concurrency ?? 'any'}; the grid is N = 100, 1000 and 10000 at concurrency 50 and 200`);
  }
  const captureRoot = values['capture-root'] ?? (await defaultCaptureRoot());
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`sldiag fleet benchmark: Node ${process.version}, ${os.availableParallelism()} x ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
  process.stdout.write(`captures written under ${captureRoot} (choose another folder with --capture-root DIR)\n\n`);

  const results: Measurement[] = [];
  for (const config of selected) {
    process.stderr.write(`running ${config.devices} devices at concurrency ${config.concurrency}...\n`);
    results.push(await measure(config, captureRoot));
  }
  print(results);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
