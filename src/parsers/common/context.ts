// Book-keeping shared by one parser run: which lines a section parser used and
// which line each record field came from.

import type { ParseResult, SourceLine } from '../types.js';
import { sourceOf, type Line } from './lines.js';

export class ParseContext {
  private readonly lines: readonly Line[];
  /**
   * Field paths in the order read, and the line each was read from. `result`
   * builds the `sources` object from them once, which measured faster than a
   * store per read. A path read twice keeps its first position and its last line.
   */
  private readonly sourcePaths: string[] = [];
  private readonly sourceLines: Line[] = [];

  /** `lines` are the content lines of one input, in order. */
  constructor(lines: readonly Line[]) {
    this.lines = lines;
  }

  /** Marks a line as understood, so it stays out of `unparsed`. */
  use(line: Line): void {
    line.understood = true;
  }

  /** Marks lines as understood, so they stay out of `unparsed`. */
  useAll(lines: readonly Line[]): void {
    for (const line of lines) {
      line.understood = true;
    }
  }

  /** Marks a line as understood and records it as the source of a field path. */
  read(path: string, line: Line): void {
    line.understood = true;
    this.sourcePaths.push(path);
    this.sourceLines.push(line);
  }

  /** True when some section already recorded a source for the path. Parsers ask this a few times per run, so a search is enough. */
  has(path: string): boolean {
    return this.sourcePaths.includes(path);
  }

  /** Records the source of one field, as recorded so far, as the source of another. */
  copySource(from: string, to: string): void {
    const index = this.sourcePaths.lastIndexOf(from);
    if (index >= 0) {
      this.sourcePaths.push(to);
      this.sourceLines.push(this.sourceLines[index] as Line);
    }
  }

  /** Builds the parse result; every content line not marked as used is unparsed. The context is done after this. */
  result<T>(record: T): ParseResult<T> {
    const unparsed: SourceLine[] = [];
    for (const line of this.lines) {
      if (!line.understood) {
        unparsed.push(sourceOf(line));
      }
    }

    return { record, unparsed, sources: this.sources() };
  }

  /** Builds `sources` as stores in reading order would: first position, last line per path. */
  private sources(): Record<string, SourceLine> {
    const sources: Record<string, SourceLine> = {};
    const paths = this.sourcePaths;
    const lines = this.sourceLines;
    for (let index = 0; index < paths.length; index += 1) {
      sources[paths[index] as string] = sourceOf(lines[index] as Line);
    }

    return sources;
  }
}
