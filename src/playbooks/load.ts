// Reads playbook YAML files, validates them and returns Playbook values, or
// throws a PlaybookError that lists every problem with file, line and column.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';

import { formatNodePath, Issues } from './issues.js';
import { locate } from './locate.js';
import { parsePlaybook } from './schema.js';
import { PlaybookError, type Playbook, type PlaybookProblem } from './types.js';

const PLAYBOOK_EXTENSIONS = ['.yaml', '.yml'];

/** Loads every `*.yaml` and `*.yml` file of `dir`, in file name order. */
export async function loadPlaybooks(dir: string): Promise<Playbook[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the folder does not exist' : (error as Error).message;
    throw new PlaybookError([{ file: dir, line: 1, column: 1, path: '', message: `cannot read the playbook folder: ${reason}` }]);
  }

  const files = names.filter((name) => PLAYBOOK_EXTENSIONS.includes(path.extname(name))).sort();
  const playbooks: Playbook[] = [];
  const problems: PlaybookProblem[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const result = parsePlaybookFile(file, await readFile(file, 'utf8'));
    if ('problems' in result) {
      problems.push(...result.problems);
    } else {
      playbooks.push(result.playbook);
    }
  }

  if (problems.length > 0) {
    throw new PlaybookError(problems);
  }
  if (playbooks.length === 0) {
    throw new PlaybookError([{ file: dir, line: 1, column: 1, path: '', message: 'no playbooks found; add one <MNEMONIC>.yaml file per message' }]);
  }
  return playbooks;
}

/** Loads the playbooks shipped in the package's `playbooks/` folder. */
export function loadBuiltinPlaybooks(): Promise<Playbook[]> {
  return loadPlaybooks(path.join(packageRoot(), 'playbooks'));
}

/**
 * Validates one playbook file's text. Pure apart from the name: `file` is used
 * for messages and the mnemonic check only.
 */
export function parsePlaybookFile(file: string, source: string): { playbook: Playbook } | { problems: PlaybookProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });

  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      return { file, line: position.line, column: position.col, path: '', message: `invalid YAML: ${firstLine(error.message)}` };
    });
    return { problems };
  }

  const issues = new Issues();
  const expectedMnemonic = path.basename(file, path.extname(file));
  const playbook = parsePlaybook(document.toJS(), file, expectedMnemonic, issues);
  if (playbook === null || issues.list.length > 0) {
    const problems = issues.list.map((issue) => {
      const position = locate(document, lineCounter, issue.path, issue.atKey);
      return { file, line: position.line, column: position.column, path: formatNodePath(issue.path), message: issue.message };
    });
    return { problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  return { playbook };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/** Finds the nearest folder above this module with a package.json, from `src/playbooks` under vitest or `dist/src/playbooks` when built. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no package.json found above ${fileURLToPath(import.meta.url)}; the built-in playbooks cannot be located`);
    }
    dir = parent;
  }
  return dir;
}
