// `sldiag parse`: print what a parser reads from one saved output.
import { readFile } from 'node:fs/promises';

import { slugOf } from '../../commands/catalog.js';
import { UsageError } from '../../errors.js';
import { PARSERS } from '../../parsers/index.js';

export interface ParseCommandOptions {
  command: string;
  file: string | null;
  unparsed: boolean;
  readStdin: () => Promise<string>;
  write: (text: string) => void;
}

export async function parseCommand(options: ParseCommandOptions): Promise<number> {
  const id = slugOf(options.command.replace(/\.txt$/, ''));
  const parser = PARSERS[id];
  if (parser === undefined) {
    const known = Object.keys(PARSERS).sort().join(', ');
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
