// Preloaded into the sldiag process by `npm run bench` (node --import): on
// exit it writes the process's own resource usage to the file named by
// SLDIAG_BENCH_RUSAGE, so CPU time and peak RSS are sldiag's alone.
import { writeFileSync } from 'node:fs';

const target = process.env['SLDIAG_BENCH_RUSAGE'];

if (target !== undefined) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify(process.resourceUsage()));
  });
}
