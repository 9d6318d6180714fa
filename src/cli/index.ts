#!/usr/bin/env node
// The sldiag executable: runs the program and turns its outcome into the
// process exit code. This is the only place that calls process.exit.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { CommanderError } from 'commander';

import { UsageError } from '../errors.js';
import { InventoryError } from '../inventory/types.js';
import { PlaybookError } from '../playbooks/types.js';
import { EXIT } from './exit-codes.js';
import { limitHeapGrowth } from './heap.js';
import { buildProgram } from './program.js';

/** Exit code after a second Ctrl-C: 128 + SIGINT, as shells report it. */
const EXIT_INTERRUPTED_TWICE = 130;

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const interrupt = handleInterrupts();

  const program = buildProgram({
    write: (text) => process.stdout.write(text),
    readStdin,
    untilStopped: () => new Promise((resolve) => interrupt.addEventListener('abort', () => resolve(), { once: true })),
    interrupt,
    progressStream: process.stderr.isTTY ? process.stderr : null,
    setExitCode: (code) => {
      exitCode = code;
    },
    version: readVersion(),
  });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message (or the help/version text) already.
    const shownOnly = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    return shownOnly ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof InventoryError || error instanceof PlaybookError || error instanceof UsageError) {
    process.stderr.write(`sldiag: ${error.message}\n`);
    return EXIT.usage;
  }

  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`sldiag: unexpected error, please report it with the steps to reproduce:\n${message}\n`);
  return EXIT.usage;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/**
 * A signal this soon after the first one is taken as a second delivery of the
 * same interrupt, not as a second Ctrl-C. GNU `timeout` sends its signal to
 * the command and then to the command's process group, so sldiag run under it
 * can receive the signal twice within a few milliseconds.
 */
const DUPLICATE_SIGNAL_MS = 300;

/**
 * Installs the Ctrl-C handling. The first Ctrl-C (or SIGTERM) aborts the
 * returned signal: no new device is started, open sessions close, and the
 * report covers what finished. The second one exits at once.
 */
function handleInterrupts(): AbortSignal {
  const controller = new AbortController();
  let firstAt = 0;

  const onSignal = (): void => {
    if (controller.signal.aborted) {
      if (Date.now() - firstAt < DUPLICATE_SIGNAL_MS) {
        return;
      }
      process.stderr.write('sldiag: interrupted again; exiting now\n');
      process.exit(EXIT_INTERRUPTED_TWICE);
    }
    firstAt = Date.now();
    process.stderr.write('\nsldiag: interrupted; closing open sessions and reporting what was collected (Ctrl-C again exits at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  return controller.signal;
}

function readVersion(): string {
  const packageJson = fileURLToPath(new URL('../../../package.json', import.meta.url));
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** Exits once stdout has flushed, so a piped JSON report is never cut short. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

limitHeapGrowth();
main(process.argv).then(exitAfterFlush, (error: unknown) => exitAfterFlush(reportError(error)));
