// How far V8 lets the heap grow between full garbage collections.
import { setFlagsFromString } from 'node:v8';

/** The old generation may grow to twice its live size before the next full collection. */
const HEAP_GROWING_PERCENT = 100;

/**
 * Caps V8's heap growing factor at 2. A fleet run allocates fast (about
 * 1.4 MB per device, nearly all of it short-lived), and V8 then let the old
 * generation grow to about four times its live size before a full
 * collection. At 10000 devices the cap took peak RSS from 284 to 297 MiB
 * down to 193 to 200 MiB with no measurable CPU cost (`npm run bench`, see
 * BENCHMARKS.md). Node.js warns that V8 flags changed after start-up may
 * behave unpredictably; this one is read at each collection, and the
 * benchmark shows its effect. A `--heap-growing-percent` given to node
 * itself is left as it is.
 */
export function limitHeapGrowth(): void {
  if (process.execArgv.some((argument) => argument.startsWith('--heap-growing-percent') || argument.startsWith('--heap_growing_percent'))) {
    return;
  }

  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
