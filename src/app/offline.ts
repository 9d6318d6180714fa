// `check --from`: evaluate saved outputs without connecting to anything.
import type { Inventory, InventoryHost } from '../inventory/types.js';
import { DEFAULT_ACK_WARNING_DAYS } from '../model/intent.js';
import type { LicensingIntent } from '../model/intent.js';
import type { RunResult } from '../model/result.js';
import type { Playbook } from '../playbooks/types.js';
import { readCaptureDir } from './capture.js';
import { evaluateHost } from './host-pipeline.js';
import type { ResultStore } from './result-store.js';

const NO_INTENT: LicensingIntent = {
  transportType: null,
  transportUrl: null,
  slacFile: null,
  ackWarningDays: DEFAULT_ACK_WARNING_DAYS,
  policy: null,
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
  // TODO: readCaptureDir returns every host's outputs at once, so check --from on a capture directory of
  // thousands of devices holds them all in memory. This goes when capture.ts can read one host at a time.
  const captured = await readCaptureDir(dir);
  const byName = new Map<string, InventoryHost>((options.inventory?.hosts ?? []).map((host) => [host.name, host]));

  captured.forEach((host, position) => {
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
  });

  await options.store.flush();
  return options.store.toRun(startedAt, options.now().toISOString());
}
