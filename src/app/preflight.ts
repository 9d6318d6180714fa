// Checks, before any device is contacted, that every secret reference and key
// file the selected hosts need can be read. A missing variable then stops the
// run as a configuration error (exit code 2) with one line per reference, at
// the line where the reference is written, instead of failing every host one
// by one.
import { access, constants } from 'node:fs/promises';

import { InventoryError } from '../inventory/errors.js';
import { resolveSecret } from '../inventory/secrets.js';
import type { AgentRef, InventoryHost, InventoryProblem, SecretRef, SettingSource } from '../inventory/types.js';
import { listNames } from '../list-names.js';

interface Reference {
  key: string;
  check: () => Promise<void>;
  /** Position of the reference in the file; undefined when it comes from ssh_config or the host was built in code. */
  source: SettingSource | undefined;
  /**
   * Hosts are grouped by this: the reference's position in the file, or,
   * without one, the variable or file it names.
   */
  identity: string;
}

interface Outcome {
  /** Reason the reference cannot be read, or null when it can. */
  failure: string | null;
  problem: Omit<InventoryProblem, 'message'>;
  hosts: string[];
}

type Failed = Outcome & { failure: string };

/**
 * Throws an InventoryError with one problem per unreadable reference, placed
 * at the reference and naming the hosts that use it. A reference written in
 * defaults or a group is checked once, however many hosts inherit it.
 */
export async function checkCredentials(hosts: readonly InventoryHost[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const outcomes = new Map<string, Outcome>();

  for (const host of hosts) {
    for (const reference of referencesOf(host, env)) {
      const known = outcomes.get(reference.identity);
      if (known !== undefined) {
        known.hosts.push(host.name);
        continue;
      }

      const failure = await reference.check().then(
        () => null,
        (error: Error) => error.message,
      );
      const { file, line, column, path } = reference.source ?? { ...host.source, path: reference.key };
      outcomes.set(reference.identity, { failure, problem: { file, line, column, path }, hosts: [host.name] });
    }
  }

  const failed = [...outcomes.values()].filter((outcome): outcome is Failed => outcome.failure !== null);
  const problems = failed.map(toProblem);
  if (problems.length > 0) {
    throw new InventoryError(problems.sort((a, b) => a.line - b.line || a.column - b.column));
  }
}

function referencesOf(host: InventoryHost, env: NodeJS.ProcessEnv): Reference[] {
  const references: Reference[] = [];
  const add = (key: string, target: string, check: () => Promise<void>): void => {
    const source = host.settingSources?.[key];
    const identity = source === undefined ? target : `${source.file}:${source.line}:${source.column}`;
    references.push({ key, source, identity, check });
  };
  const secret = (key: string, ref: SecretRef | AgentRef | null): void => {
    if (ref !== null) {
      const target = ref.kind === 'env' ? `env:${ref.name}` : `file:${ref.path}`;
      add(key, target, async () => void (await resolveSecret(ref, env)));
    }
  };
  const keyFile = (key: string, file: string | null): void => {
    if (file !== null) {
      add(key, `key:${file}`, () => readable(file));
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

/** Adds the hosts that use the reference, so a reference in defaults or a group shows whom it stops. */
function toProblem(outcome: Failed): InventoryProblem {
  const { problem, hosts, failure } = outcome;
  if (hosts.length === 1) {
    return { ...problem, message: `${failure} (host ${hosts[0]} uses it)` };
  }

  return { ...problem, message: `${failure} (${hosts.length} hosts use it: ${listNames(hosts, 3)})` };
}
