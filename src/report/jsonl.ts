// `--format jsonl`: one JSON line per device as soon as it finishes, then a
// summary line, so a long run can be followed and piped line by line.
import type { RunObserver } from '../app/events.js';
import { hostJson } from './json.js';
import { summarise } from './summary.js';

export function jsonlObserver(write: (text: string) => void): RunObserver {
  return (event) => {
    if (event.type === 'host-finished') {
      write(JSON.stringify({ type: 'host', ...hostJson(event.result) }) + '\n');
    }
    if (event.type === 'run-finished') {
      const run = event.result;
      write(JSON.stringify({ type: 'summary', version: run.version, startedAt: run.startedAt, finishedAt: run.finishedAt, ...summarise(run) }) + '\n');
    }
  };
}
