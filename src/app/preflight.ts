// Checks, before any device is contacted, that every secret reference and key
// file the selected hosts need can be read. A missing variable then stops the
// run as a configuration error (exit code 2) with one line per reference,
// instead of failing every host one by one.
import { access, constants } from 'node:fs/promises';

import { InventoryError } from '../inventory/errors.js';
import { resolveSecret } from '../inventory/secrets.js';
import type { AgentRef, InventoryHost, InventoryProblem, SecretRef } from '../inventory/types.js';

interface Reference {
  key: string;
  check: () => Promise<void>;
  /** Hosts are grouped by this, so one missing variable reads as one problem. */
  identity: string;
}

/** Throws an InventoryError naming each unreadable reference, the hosts that use it and where the first one is. */
export async function checkCredentials(hosts: readonly InventoryHost[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const failures = new Map<string, { problem: InventoryProblem; hosts: string[] }>();

  for (const host of hosts) {
    for (const reference of referencesOf(host, env)) {
      const known = failures.get(reference.identity);
      if (known !== undefined) {
        known.hosts.push(host.name);
        continue;
      }

      const message = await reference.check().then(
        () => null,
        (error: Error) => error.message,
      );
      if (message !== null) {
        failures.set(reference.identity, {
          problem: { ...host.source, path: reference.key, message },
          hosts: [host.name],
        });
      }
    }
  }

  if (failures.size > 0) {
    throw new InventoryError([...failures.values()].map(withHostCount));
  }
}

function referencesOf(host: InventoryHost, env: NodeJS.ProcessEnv): Reference[] {
  const references: Reference[] = [];
  const secret = (key: string, ref: SecretRef | AgentRef | null): void => {
    if (ref !== null) {
      const identity = ref.kind === 'env' ? `env:${ref.name}` : `file:${ref.path}`;
      references.push({ key, identity, check: async () => void (await resolveSecret(ref, env)) });
    }
  };
  const keyFile = (key: string, file: string | null): void => {
    if (file !== null) {
      references.push({ key, identity: `key:${file}`, check: () => readable(file) });
    }
  };

  secret('password', host.password);
  secret('enable', host.enable);
  secret('passphrase', host.passphrase);
  secret('agent', host.agent);
  keyFile('privateKey', host.privateKey);

  for (const [index, jump] of (host.jumps ?? []).entries()) {
    secret(`jump[${index}].password`, jump.password);
    secret(`jump[${index}].passphrase`, jump.passphrase);
    secret(`jump[${index}].agent`, jump.agent);
    keyFile(`jump[${index}].privateKey`, jump.privateKey);
  }
  return references;
}

async function readable(file: string): Promise<void> {
  try {
    await access(file, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`private key file ${file} cannot be read (${code}); check the path and its permissions`);
  }
}

function withHostCount(failure: { problem: InventoryProblem; hosts: string[] }): InventoryProblem {
  const { problem, hosts } = failure;
  if (hosts.length === 1) {
    return { ...problem, message: `host ${hosts[0]}: ${problem.message}` };
  }
  const listed = hosts.slice(0, 3).join(', ') + (hosts.length > 3 ? ` and ${hosts.length - 3} more` : '');
  return { ...problem, message: `${problem.message} (${hosts.length} hosts use it: ${listed})` };
}
