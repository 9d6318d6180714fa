// The simulator side of `npm run bench`, run as its own process so that its
// CPU time is not counted as sldiag's. It starts N copies of one device
// profile on 127.0.0.1, writes an inventory and a known_hosts file for them
// into the folder given, prints READY, and runs until SIGTERM. On SIGTERM it
// writes `sim-stats.json`: the CLI lines the devices responded to after the
// latency, and its own CPU time since READY.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { stringify } from 'yaml';

import { loadDeviceProfile } from '../src/sim/profile.js';
import { startSimulator } from '../src/sim/simulator.js';

/** Output is sent in pieces of one full SSH channel packet, as a busy device's pty would; the test default is smaller on purpose. */
const CHUNK_BYTES = 32_768;

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string' },
      latency: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const count = Number(values.devices);
  const latencyMs = Number(values.latency);
  const out = values.out;
  if (!Number.isInteger(count) || count < 1 || !Number.isFinite(latencyMs) || out === undefined || values.profile === undefined) {
    throw new Error('usage: bench-sim --devices N --latency MS --profile DIR --out DIR');
  }

  const profile = await loadDeviceProfile(path.resolve(PACKAGE_ROOT, values.profile));
  const profiles = Array.from({ length: count }, (_, i) => ({ ...profile, name: `bench-${String(i).padStart(5, '0')}`, latencyMs, chunkBytes: CHUNK_BYTES }));
  const simulator = await startSimulator({ profiles });

  await writeFile(path.join(out, 'known_hosts'), simulator.knownHosts());
  await writeFile(
    path.join(out, 'inventory.yaml'),
    stringify({
      defaults: { username: profile.username, password: '${env:SLDIAG_BENCH_PASSWORD}' },
      hosts: simulator.devices.map((device) => ({ name: device.name, hostname: device.address, port: device.port })),
    }),
  );
  await writeFile(path.join(out, 'password'), profile.password);

  // Key generation and start-up are not part of a run, so the CPU time counted starts here.
  const cpuAtReady = process.cpuUsage();
  process.stdout.write('READY\n');

  process.once('SIGTERM', () => {
    void writeStats(out, simulator, count, cpuAtReady)
      .then(() => simulator.stop())
      .then(() => process.exit(0));
  });
}

/** Lines that end the session are not answered with a prompt, so they add no latency to a device's sequence. */
const SESSION_END = new Set(['exit', 'logout']);

async function writeStats(out: string, simulator: Awaited<ReturnType<typeof startSimulator>>, count: number, cpuAtReady: NodeJS.CpuUsage): Promise<void> {
  let answeredLines = 0;
  for (const device of simulator.devices) {
    answeredLines += simulator.received(device.name).filter((line) => !SESSION_END.has(line.trim())).length;
  }

  const cpu = process.cpuUsage(cpuAtReady);
  const stats = { devices: count, answeredLines, cpuMs: (cpu.user + cpu.system) / 1000 };
  await writeFile(path.join(out, 'sim-stats.json'), JSON.stringify(stats));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
