// Gives the whole test run one temporary folder and removes it at the end.
// vitest.config.ts points TMPDIR at it before any test worker starts, so
// every os.tmpdir() in the tests, and in the sldiag and sshd processes they
// start, lands inside it and nothing is left behind in the system folder.
import { rmSync } from 'node:fs';

export default function setup(): () => void {
  const root = process.env['SLDIAG_TEST_TMPDIR'];
  return () => {
    if (root !== undefined) {
      rmSync(root, { recursive: true, force: true });
    }
  };
}
