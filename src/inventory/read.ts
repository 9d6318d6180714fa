// Reads the inventory file and parses it as one YAML document, reporting every
// syntax problem with its position.
import { readFile } from 'node:fs/promises';

import { LineCounter, parseDocument, visit, type Document } from 'yaml';

import { systemErrorCode } from '../errors.js';

import { InventoryError } from './errors.js';
import { Locator } from './position.js';
import type { InventoryProblem } from './types.js';
import { placeSyntaxProblems, syntaxProblems } from './yaml-errors.js';

export interface ParsedInventory {
  file: string;
  document: Document;
  locator: Locator;
  problems: InventoryProblem[];
}

/** Reads `file` (an absolute path); throws InventoryError when it cannot be read. */
export async function readInventoryFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = systemErrorCode(error);
    if (code === 'ENOENT') {
      throw new InventoryError([], `inventory file not found: ${file}; check the path or create it from inventory.example.yaml`);
    }
    if (code === 'EISDIR') {
      throw new InventoryError([], `inventory path is a folder, not a file: ${file}; give the path of the YAML file`);
    }
    throw new InventoryError([], `cannot read inventory file ${file} (${code || 'read failed'}); check its permissions`);
  }
}

/**
 * Parses the text; the problems list the YAML syntax errors and unresolved
 * aliases. Problems after the first error that can derail the parser are
 * folded into it as one note.
 */
export function parseInventory(file: string, text: string): ParsedInventory {
  const lineCounter = new LineCounter();
  // Source tokens show whether a quote or bracket was ever closed.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, keepSourceTokens: true });
  const locator = new Locator(document, lineCounter);
  const found = syntaxProblems(document, text);

  visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document) === undefined && alias.range) {
        const message = `alias *${alias.source} has no matching anchor &${alias.source}; define the anchor before this point`;
        found.push({ offset: alias.range[0], reportOffset: alias.range[0], message, derails: false });
      }
    },
  });

  return { file, document, locator, problems: placeSyntaxProblems(found, file, locator) };
}
