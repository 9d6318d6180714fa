// The fleet runner: every selected host runs its pipeline under one
// concurrency limit, and each yields exactly one HostResult.
import pLimit from 'p-limit';

import type { InventoryHost } from '../inventory/types.js';
import type { HostResult, RunResult } from '../model/result.js';
import type { HostPipelineOptions } from './host-pipeline.js';
import { checkHost } from './host-pipeline.js';
import { broadcast } from './events.js';

export interface RunOptions extends HostPipelineOptions {
  /** Devices worked on at the same time. */
  concurrency: number;
}

export async function runFleet(hosts: InventoryHost[], options: RunOptions): Promise<RunResult> {
  const startedAt = options.now().toISOString();
  const limit = pLimit(options.concurrency);

  options.logger.info('run started', { hosts: hosts.length, concurrency: options.concurrency });
  broadcast(options.observers, { type: 'run-started', hostCount: hosts.length });

  const results = await Promise.all(hosts.map((host) => limit(() => checkHostSafely(host, options))));

  const run: RunResult = { version: 1, startedAt, finishedAt: options.now().toISOString(), hosts: results };
  options.logger.info('run finished', { hosts: results.length });
  broadcast(options.observers, { type: 'run-finished', result: run });
  return run;
}

/** checkHost turns every expected failure into a result; this catches the unexpected rest. */
async function checkHostSafely(host: InventoryHost, options: RunOptions): Promise<HostResult> {
  try {
    return await checkHost(host, options);
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    options.logger.error('host pipeline failed unexpectedly', { host: host.name, error: message });

    const now = options.now().toISOString();
    return {
      name: host.name,
      address: `${host.hostname}:${host.port}`,
      status: 'error',
      error: { kind: 'internal', message },
      commands: [],
      facts: null,
      findings: [],
      startedAt: now,
      finishedAt: now,
    };
  }
}
