// Book-keeping shared by one parser run: which lines a section parser used and
// which line each record field came from.

import type { ParseResult, SourceLine } from '../types.js';
import { sourceOf, type Line } from './lines.js';

export class ParseContext {
  private readonly lines: readonly Line[];
  /**
   * One flag per line number of the input (1-based); 1 once a section parser
   * used the line, a hole before. A plain array, because V8 allocates a
   * Uint8Array of more than 64 bytes outside the heap, which costs more than
   * parsing a short capture.
   */
  private readonly used: number[];
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
    this.used = new Array<number>((lines[lines.length - 1]?.line ?? 0) + 1);
  }

  /** Marks a line as understood, so it stays out of `unparsed`. */
  use(line: Line): void {
    this.used[line.line] = 1;
  }

  /** Marks lines as understood, so they stay out of `unparsed`. */
  useAll(lines: readonly Line[]): void {
    for (const line of lines) {
      this.used[line.line] = 1;
    }
  }

  /** Marks a line as understood and records it as the source of a field path. */
  read(path: string, line: Line): void {
    this.used[line.line] = 1;
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
      if (this.used[line.line] !== 1) {
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
