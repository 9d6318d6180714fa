// `sldiag parse`: print what a parser reads from one saved output.
import { readFile } from 'node:fs/promises';

import { findCommand, slugOf } from '../../commands/catalog.js';
import { systemErrorCode, UsageError } from '../../errors.js';
import { PARSERS } from '../../parsers/index.js';
import { parseSlac } from '../../parsers/slac.js';
import type { Parser } from '../../parsers/types.js';
import { closestMatch } from '../../suggest.js';

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
    throw new UsageError(unknownParserMessage(options.command, id));
  }

  const text = options.file === null ? await options.readStdin() : await readInput(options.file);
  const parsed = parser(text);

  const document = options.unparsed ? { record: parsed.record, unparsed: parsed.unparsed } : parsed.record;
  options.write(JSON.stringify(document, null, 2) + '\n');
  return 0;
}

/** Returns the message for a command without a parser: the closest command slug, if one is close, and all of them. */
function unknownParserMessage(command: string, id: string): string {
  const commands = Object.keys(PARSERS).sort();
  const suggestion = closestMatch(id, [...commands, ...Object.keys(FILE_PARSERS)]);
  const hint = suggestion === null ? '' : ` (did you mean "${suggestion}"?)`;
  return `no parser for "${command}"${hint}; give one of ${commands.join(', ')}, or slac for a SLAC file`;
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = systemErrorCode(error);
    throw new UsageError(inputFileProblem(file, code));
  }
}

/** Says why an input file could not be read, in words for the usual causes and with the system's code for the rest. */
function inputFileProblem(file: string, code: string): string {
  switch (code) {
    case 'ENOENT':
      return `file ${file} not found; give the path of a saved output, or leave the file out to read standard input`;
    case 'EISDIR':
      return `${file} is a folder; give the path of one saved output file`;
    case 'EACCES':
    case 'EPERM':
      return `file ${file} is not readable by this user (${code}); give the user read permission`;
    default:
      return `cannot read file ${file} (${code || 'read failed'}); check the path and its permissions`;
  }
}
