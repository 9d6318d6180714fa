// `--format jsonl`: one JSON line per device as soon as it finishes, then a
// summary line, so a long run can be followed and piped line by line.
import type { RunObserver } from '../app/events.js';
import type { HostResult, RunResult } from '../model/result.js';
import { hostJson } from './json.js';
import { summarise } from './summary.js';

export function jsonlObserver(write: (text: string) => void): RunObserver {
  return (event) => {
    if (event.type === 'host-finished') {
      write(hostLine(event.result));
    }
    if (event.type === 'run-finished') {
      write(summaryLine(event.result));
    }
  };
}

/** Writes every line of a run that had no events to stream, such as `check --from`, reading the results back one at a time. */
export async function writeJsonl(run: RunResult, write: (text: string) => void): Promise<void> {
  for await (const host of run.results()) {
    write(hostLine(host));
  }
  write(summaryLine(run));
}

function hostLine(host: HostResult): string {
  return JSON.stringify({ type: 'host', ...hostJson(host) }) + '\n';
}

function summaryLine(run: RunResult): string {
  return JSON.stringify({ type: 'summary', version: run.version, startedAt: run.startedAt, finishedAt: run.finishedAt, ...summarise(run) }) + '\n';
}
