// Runs for report tests, stored the way a real run stores them: each result
// in a temporary results file, read back by the reporters.
import { ResultStore } from '../../src/app/result-store.js';
import { silentLogger } from '../../src/log/logger.js';
import type { HostResult, RunResult } from '../../src/model/result.js';

const stores: ResultStore[] = [];

export async function storedRun(hosts: HostResult[], startedAt = '2026-01-01T00:00:00.000Z', finishedAt = '2026-01-01T00:00:02.000Z'): Promise<RunResult> {
  const store = await ResultStore.createTemporary({ logger: silentLogger });
  stores.push(store);
  hosts.forEach((host, position) => store.add(position, host));
  await store.flush();
  return store.toRun(startedAt, finishedAt);
}

/** Closes every store made so far, which removes their temporary files. */
export async function closeStoredRuns(): Promise<void> {
  await Promise.all(stores.splice(0).map((store) => store.close()));
}
