// `check --from`: evaluate saved outputs without connecting to anything.
import type { Inventory, InventoryHost } from '../inventory/types.js';
import { DEFAULT_ACK_WARNING_DAYS, DEFAULT_TOLERATED_FAILURES } from '../model/intent.js';
import type { LicensingIntent } from '../model/intent.js';
import type { RunResult } from '../model/result.js';
import type { Playbook } from '../playbooks/types.js';
import { readCapturedHosts } from './capture.js';
import { evaluateHost } from './host-pipeline.js';
import type { ResultStore } from './result-store.js';

const NO_INTENT: LicensingIntent = {
  transportType: null,
  transportUrl: null,
  slacFile: null,
  ackWarningDays: DEFAULT_ACK_WARNING_DAYS,
  policy: null,
  toleratedFailures: DEFAULT_TOLERATED_FAILURES,
};

export interface OfflineOptions {
  playbooks: Playbook[];
  /** When given, hosts found in it take their licensing intent from it. */
  inventory: Inventory | null;
  now: () => Date;
  /** Takes each host's result; the returned run reads the results back from it. */
  store: ResultStore;
}

export async function checkCaptures(dir: string, options: OfflineOptions): Promise<RunResult> {
  const startedAt = options.now().toISOString();
  const byName = new Map<string, InventoryHost>((options.inventory?.hosts ?? []).map((host) => [host.name, host]));

  // One host's outputs at a time: each result goes to the store before the next folder is read.
  let position = 0;
  for await (const host of readCapturedHosts(dir)) {
    const known = byName.get(host.name);
    const result = evaluateHost({
      name: host.name,
      address: host.address,
      commands: host.commands,
      error: null,
      host: { licensing: known?.licensing ?? NO_INTENT },
      playbooks: options.playbooks,
      now: options.now(),
      startedAt,
    });
    options.store.add(position, result);
    position += 1;
  }

  await options.store.flush();
  return options.store.toRun(startedAt, options.now().toISOString());
}
