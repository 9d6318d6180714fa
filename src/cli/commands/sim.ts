// `sldiag sim`: run the device simulator in the foreground for manual tries.
import { writeFile } from 'node:fs/promises';

import { ProfileError, startSimulator } from '../../sim/simulator.js';
import { UsageError } from '../../errors.js';

export interface SimCommandOptions {
  devices: string;
  knownHostsOut: string | null;
  write: (text: string) => void;
  /** Resolves when the user asks to stop (Ctrl-C). */
  untilStopped: () => Promise<void>;
}

export async function simCommand(options: SimCommandOptions): Promise<number> {
  // A bad --devices folder is the user's to fix, so it is a usage error (exit 2), not an internal one.
  const simulator = await startSimulator({ profiles: options.devices }).catch((error: unknown) => {
    throw error instanceof ProfileError ? new UsageError(`${error.message}; pass --devices with a folder of device profiles, such as fixtures/devices of the sldiag repository`) : error;
  });

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
