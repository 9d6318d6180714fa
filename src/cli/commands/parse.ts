// `sldiag parse`: print what a parser reads from one saved output.
import { readFile } from 'node:fs/promises';

import { findCommand, slugOf } from '../../commands/catalog.js';
import { UsageError } from '../../errors.js';
import { PARSERS } from '../../parsers/index.js';
import { parseSlac } from '../../parsers/slac.js';
import type { Parser } from '../../parsers/types.js';

/** Parsers for files that are not command output. */
const FILE_PARSERS: Record<string, Parser<unknown>> = { slac: parseSlac };

export interface ParseCommandOptions {
  command: string;
  file: string | null;
  unparsed: boolean;
  readStdin: () => Promise<string>;
  write: (text: string) => void;
}

export async function parseCommand(options: ParseCommandOptions): Promise<number> {
  const name = options.command.replace(/\.txt$/, '');
  const id = findCommand(name)?.id ?? slugOf(name);
  const parser = PARSERS[id] ?? FILE_PARSERS[id];
  if (parser === undefined) {
    const known = [...Object.keys(PARSERS), ...Object.keys(FILE_PARSERS)].sort().join(', ');
    throw new UsageError(`no parser for "${options.command}"; known commands: ${known}`);
  }

  const text = options.file === null ? await options.readStdin() : await readInput(options.file);
  const parsed = parser(text);

  const document = options.unparsed ? { record: parsed.record, unparsed: parsed.unparsed } : parsed.record;
  options.write(JSON.stringify(document, null, 2) + '\n');
  return 0;
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read "${file}": ${(error as Error).message}`);
  }
}
