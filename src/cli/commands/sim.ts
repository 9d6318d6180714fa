// `sldiag sim`: run the device simulator in the foreground for manual tries.
import { writeFile } from 'node:fs/promises';

import { startSimulator } from '../../sim/simulator.js';

export interface SimCommandOptions {
  devices: string;
  knownHostsOut: string | null;
  write: (text: string) => void;
  /** Resolves when the user asks to stop (Ctrl-C). */
  untilStopped: () => Promise<void>;
}

export async function simCommand(options: SimCommandOptions): Promise<number> {
  const simulator = await startSimulator({ profiles: options.devices });

  options.write(`device simulator listening on 127.0.0.1 (Ctrl-C stops it)\n`);
  for (const device of simulator.devices) {
    options.write(`  ${device.name.padEnd(28)} port ${device.port}  ${device.hostKeyFingerprint}\n`);
  }
  if (options.knownHostsOut !== null) {
    await writeFile(options.knownHostsOut, simulator.knownHosts());
    options.write(`host keys written to ${options.knownHostsOut}\n`);
  }

  await options.untilStopped();
  await simulator.stop();
  return 0;
}
