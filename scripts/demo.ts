// `npm run demo`: start the simulated fleet on 127.0.0.1, run the built
// `sldiag check` against it as a user would, stop the fleet, and exit with
// sldiag's exit code.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { stringify } from 'yaml';

import { loadDeviceProfiles, startSimulator } from '../src/sim/simulator.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEVICES_DIR = path.join(PACKAGE_ROOT, 'fixtures', 'devices');
const CLI = path.join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'index.js');
const PASSWORD_VARIABLE = 'SLDIAG_DEMO_PASSWORD';

async function main(): Promise<number> {
  const profiles = await loadDeviceProfiles(DEVICES_DIR);
  const simulator = await startSimulator({ profiles });
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-demo-'));

  try {
    const knownHosts = path.join(workDir, 'known_hosts');
    const inventory = path.join(workDir, 'inventory.yaml');
    await writeFile(knownHosts, simulator.knownHosts());

    // The simulated devices share one demo password, passed by reference like a real secret.
    const passwords = new Set(profiles.map((profile) => profile.password));
    const usernames = new Set(profiles.map((profile) => profile.username));
    if (passwords.size !== 1 || usernames.size !== 1) {
      throw new Error(`the demo expects one username and password for every device profile in ${DEVICES_DIR}`);
    }

    const document = {
      defaults: { username: [...usernames][0], password: `\${env:${PASSWORD_VARIABLE}}` },
      hosts: simulator.devices.map((device) => ({ name: device.name, hostname: device.address, port: device.port })),
    };
    await writeFile(inventory, `# Written by npm run demo for the simulated fleet on 127.0.0.1.\n${stringify(document)}`);

    process.stdout.write(`Simulated fleet: ${simulator.devices.length} devices on 127.0.0.1 (inventory ${inventory})\n\n`);
    return await runCli(
      ['check', '-i', inventory, '--known-hosts', knownHosts, '--capture-dir', path.join(workDir, 'captures')],
      { ...process.env, [PASSWORD_VARIABLE]: [...passwords][0] },
    );
  } finally {
    // The work folder stays: it holds the inventory and the captured outputs to look at.
    await simulator.stop();
  }
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
