import { describe, expect, it } from 'vitest';

import { UsageError } from '../../src/errors.js';
import { buildProgram, defaultCaptureDir } from '../../src/cli/program.js';

describe('defaultCaptureDir', () => {
  it('names the folder after the start second', () => {
    expect(defaultCaptureDir(new Date('2026-12-04T02:00:00.250Z'))).toBe('captures/2026-12-04T02-00-00Z');
  });
});

/** Parses `args` as given after `sldiag` on the command line. */
async function parse(args: string[]): Promise<void> {
  const program = buildProgram({
    write: () => {},
    readStdin: async () => '',
    untilStopped: async () => {},
    interrupt: new AbortController().signal,
    progressStream: null,
    setExitCode: () => {},
    version: '0.0.0',
  });
  program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  await program.parseAsync(args, { from: 'user' });
}

describe('check options', () => {
  it.each([
    ['-i', 'inventory.yaml', '--no-inventory', '--from', 'captures'],
    ['--no-inventory', '--inventory', 'inventory.yaml', '--from', 'captures'],
  ])('rejects -i with --no-inventory (%s %s %s)', async (...args) => {
    const parsing = parse(['check', ...args]);

    await expect(parsing).rejects.toThrow(UsageError);
    await expect(parsing).rejects.toThrow('-i/--inventory and --no-inventory cannot be used together');
  });

  it('rejects --capture-dir with --no-capture', async () => {
    const parsing = parse(['check', '--capture-dir', 'out', '--no-capture']);

    await expect(parsing).rejects.toThrow(UsageError);
    await expect(parsing).rejects.toThrow('--capture-dir and --no-capture cannot be used together: drop --no-capture to save the outputs in out');
  });

  it('rejects --capture-dir with --from', async () => {
    const parsing = parse(['check', '--from', 'captures/run', '--capture-dir', 'out']);

    await expect(parsing).rejects.toThrow(UsageError);
    await expect(parsing).rejects.toThrow('--capture-dir cannot be used with --from');
  });
});

describe('parse arguments', () => {
  it('asks to quote a command with spaces', async () => {
    const parsing = parse(['parse', 'show', 'license', 'status', 'saved.txt']);

    await expect(parsing).rejects.toThrow(UsageError);
    await expect(parsing).rejects.toThrow('parse takes a command and one file, but got 4 arguments: quote a command that has spaces');
  });
});
