// Reads the inventory file and parses it as one YAML document, reporting every
// syntax problem with its position.
import { readFile } from 'node:fs/promises';

import { isCollection, isScalar, LineCounter, parseDocument, visit, type Document, type ErrorCode } from 'yaml';

import { InventoryError } from './errors.js';
import { Locator } from './position.js';
import type { InventoryProblem } from './types.js';

export interface ParsedInventory {
  file: string;
  document: Document;
  locator: Locator;
  problems: InventoryProblem[];
}

const FIXES: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: 'a tab is used for indentation; YAML allows only spaces there, so replace the tab with spaces',
  DUPLICATE_KEY: 'this key appears twice in the same map; keep one of them',
  MULTIPLE_DOCS: 'the file contains more than one YAML document; keep one and remove the extra --- line',
  MISSING_CHAR: 'the quote or bracket that starts here is never closed; add the closing character',
};

const GENERAL_FIX = 'check the indentation, the colon after each key and the quotes at this position';

/** Reads `file` (an absolute path); throws InventoryError when it cannot be read. */
export async function readInventoryFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') {
      throw new InventoryError([], `inventory file not found: ${file}; check the path or create it from inventory.example.yaml`);
    }
    if (code === 'EISDIR') {
      throw new InventoryError([], `inventory path is a folder, not a file: ${file}; give the path of the YAML file`);
    }
    throw new InventoryError([], `cannot read inventory file ${file} (${code || 'read failed'}); check its permissions`);
  }
}

/** Parses the text; the problems list every YAML syntax error and unresolved alias. */
export function parseInventory(file: string, text: string): ParsedInventory {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const locator = new Locator(document, lineCounter);
  const problems: InventoryProblem[] = [];

  for (const error of [...document.errors, ...document.warnings]) {
    const fix = FIXES[error.code] ?? `invalid YAML (${firstLine(error.message)}); ${GENERAL_FIX}`;
    const offset = error.code === 'MISSING_CHAR' ? openingOffset(document, error.pos[0]) : error.pos[0];
    problems.push({ file, ...locator.offset(offset), path: '', message: fix });
  }

  visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document) === undefined && alias.range) {
        const message = `alias *${alias.source} has no matching anchor &${alias.source}; define the anchor before this point`;
        problems.push({ file, ...locator.offset(alias.range[0]), path: '', message });
      }
    },
  });

  return { file, document, locator, problems };
}

/**
 * Returns where the unclosed quote or bracket starts: the innermost quoted
 * scalar or flow collection that runs up to `errorOffset`. The parser reports
 * the error where it ran out of text, which can be lines later.
 */
function openingOffset(document: Document, errorOffset: number): number {
  let opening = errorOffset;

  visit(document, (_, node) => {
    const quoted = isScalar(node) && (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE');
    const flow = isCollection(node) && node.flow === true;
    if ((quoted || flow) && node.range && node.range[0] <= errorOffset && errorOffset <= node.range[2]) {
      opening = node.range[0];
    }
  });

  return opening;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
