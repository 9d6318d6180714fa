// Book-keeping shared by one parser run: which lines a section parser used and
// which line each record field came from.

import type { ParseResult, SourceLine } from '../types.js';
import { sourceOf, type Line } from './lines.js';

export class ParseContext {
  private readonly used = new Set<number>();
  private readonly fieldSources: Record<string, SourceLine> = {};

  /** Marks lines as understood, so they stay out of `unparsed`. */
  use(...lines: Line[]): void {
    for (const line of lines) {
      this.used.add(line.line);
    }
  }

  /** Marks a line as understood and records it as the source of a field path. */
  read(path: string, line: Line): void {
    this.use(line);
    this.fieldSources[path] = sourceOf(line);
  }

  /** True when some section already recorded a source for the path. */
  has(path: string): boolean {
    return path in this.fieldSources;
  }

  /** Records the source of one field as the source of another. */
  copySource(from: string, to: string): void {
    const source = this.fieldSources[from];
    if (source !== undefined) {
      this.fieldSources[to] = { ...source };
    }
  }

  /** Builds the parse result; every content line not marked as used is unparsed. */
  result<T>(record: T, lines: readonly Line[]): ParseResult<T> {
    const unparsed = lines.filter((line) => !this.used.has(line.line)).map(sourceOf);
    return { record, unparsed, sources: { ...this.fieldSources } };
  }
}
