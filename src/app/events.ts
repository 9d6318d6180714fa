// Runner events. Reporters and progress displays observe a run through these;
// the runner itself never prints.
import type { CommandResult } from '../model/command.js';
import type { HostResult, RunResult } from '../model/result.js';

export type RunEvent =
  | { type: 'run-started'; hostCount: number }
  | { type: 'host-started'; host: string }
  | { type: 'command-finished'; host: string; result: CommandResult }
  | { type: 'host-finished'; result: HostResult }
  | { type: 'run-finished'; result: RunResult };

export type RunObserver = (event: RunEvent) => void;

/** Calls every observer; an observer that throws must not break the run. */
export function broadcast(observers: readonly RunObserver[], event: RunEvent): void {
  for (const observe of observers) {
    try {
      observe(event);
    } catch {
      // An observer is a display concern: its failure never changes results.
    }
  }
}
