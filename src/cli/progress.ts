// A live progress bar on the terminal, fed by runner events. It writes to
// stderr so that stdout carries only the report.
import cliProgress from 'cli-progress';

import type { RunObserver } from '../app/events.js';

export function progressObserver(stream: NodeJS.WriteStream): RunObserver {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'checking {bar} {value}/{total} devices | {failed} could not be collected | {remaining} to go | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let total = 0;
  let done = 0;
  let failed = 0;

  return (event) => {
    switch (event.type) {
      case 'run-started':
        total = event.hostCount;
        bar.start(total, 0, { failed, remaining: total });
        break;
      case 'host-finished':
        done += 1;
        if (event.result.status === 'unreachable' || event.result.status === 'error') {
          failed += 1;
        }
        bar.update(done, { failed, remaining: total - done });
        break;
      case 'run-finished':
        bar.stop();
        break;
      default:
        break;
    }
  };
}
