// Contracts shared by every command parser.

/** One line of the text given to a parser. `line` is 1-based in that text. */
export interface SourceLine {
  line: number;
  text: string;
}

/** What a parser returns: the typed record, the lines it did not understand, and where each field came from. */
export interface ParseResult<T> {
  record: T;
  /** Lines that carry content but matched no known field, in input order. */
  unparsed: SourceLine[];
  /**
   * The line each field was read from, keyed by the dotted path of the field in
   * `record` (`transport.url`). Present also when the value is a sentinel such
   * as `<none>`, so "the device shows nothing" differs from "not collected".
   */
  sources: Record<string, SourceLine>;
}

/** A pure function from command output to a parse result. Never throws. */
export type Parser<T> = (text: string) => ParseResult<T>;
