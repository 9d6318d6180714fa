// The guard every command parser runs under, so that no input makes it throw.

import type { ParseResult } from '../types.js';
import { ParseContext } from './context.js';
import { contentLines, sourceOf, type Line } from './lines.js';

/**
 * Runs `parse` over the content lines of `text`. If it throws on input it does
 * not expect, the result is the empty record with every content line in
 * `unparsed`, so a caller still sees what the device printed.
 */
export function runParser<T>(
  text: string,
  emptyRecord: () => T,
  parse: (lines: readonly Line[], context: ParseContext) => T,
): ParseResult<T> {
  const input = typeof text === 'string' ? text : '';
  let lines: Line[] = [];

  try {
    lines = contentLines(input);
    const context = new ParseContext(lines);
    const record = parse(lines, context);
    return context.result(record);
  } catch {
    return { record: emptyRecord(), unparsed: lines.map(sourceOf), sources: {} };
  }
}
