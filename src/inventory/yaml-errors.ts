// Turns the yaml package's syntax errors into inventory problems. The parser
// reports an unclosed quote or bracket where it ran out of text, which can be
// lines after the opening. It also keeps parsing after an error, so the errors
// after the first one are often its echoes.
import { isCollection, isScalar, visit, type Document, type ErrorCode, type YAMLError } from 'yaml';

import type { Locator } from './position.js';
import type { InventoryProblem } from './types.js';

const FIXES: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: 'a tab is used for indentation; YAML allows only spaces there, so replace the tab with spaces',
  DUPLICATE_KEY: 'this key appears twice in the same map; keep one of them',
  MULTIPLE_DOCS: 'the file contains more than one YAML document; keep one and remove the extra --- line',
};

const GENERAL_FIX = 'check the indentation, the colon after each key and the quotes at this position';

/**
 * Errors that leave the parser in step with the text, so the errors after
 * them are independent. Any other error can derail what follows.
 */
const CONTAINED: ReadonlySet<ErrorCode> = new Set(['DUPLICATE_KEY']);

/** A syntax problem before it is placed in the file. */
export interface SyntaxProblem {
  /** Offset at which the parser noticed the problem; problems are ordered by it. */
  offset: number;
  /** Offset that the message points at, such as the opening of an unclosed quote. */
  reportOffset: number;
  message: string;
  /** true when the parser may have misread the text after this problem. */
  derails: boolean;
}

/** Converts the document's errors and warnings; placeSyntaxProblems puts them in order. `text` is the parsed source. */
export function syntaxProblems(document: Document, text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];

  for (const error of document.errors) {
    problems.push({ ...describe(document, text, error), offset: error.pos[0], derails: !CONTAINED.has(error.code) });
  }
  for (const warning of document.warnings) {
    problems.push({ ...describe(document, text, warning), offset: warning.pos[0], derails: false });
  }

  return problems;
}

/**
 * Places the problems in the file. Everything after the first problem that
 * derails the parser becomes one note on that problem, with the lines it was
 * reported on, because fixing the first one often makes the rest disappear.
 */
export function placeSyntaxProblems(problems: readonly SyntaxProblem[], file: string, locator: Locator): InventoryProblem[] {
  const ordered = [...problems].sort((a, b) => a.offset - b.offset);
  const first = ordered.findIndex((problem) => problem.derails);
  const reported = first === -1 ? ordered : ordered.slice(0, first + 1);
  const echoes = first === -1 ? [] : ordered.slice(first + 1);

  return reported.map((problem) => {
    const position = locator.offset(problem.reportOffset);
    const message = problem === ordered[first] && echoes.length > 0 ? problem.message + echoNote(echoes, locator) : problem.message;
    return { file, ...position, path: '', message };
  });
}

function echoNote(echoes: readonly SyntaxProblem[], locator: Locator): string {
  const lines = [...new Set(echoes.map((echo) => locator.offset(echo.offset).line))];
  const listed = lines.length === 1 ? `line ${lines[0]}` : `lines ${listLines(lines)}`;
  const count = echoes.length === 1 ? '1 more YAML error' : `${echoes.length} more YAML errors`;
  return `; ${count} on ${listed} may follow from this one, so fix it first and load the file again`;
}

/** Lists up to five line numbers, then how many more there are. */
function listLines(lines: readonly number[]): string {
  if (lines.length > 5) {
    return `${lines.slice(0, 5).join(', ')} and ${lines.length - 5} more`;
  }

  return `${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}

function describe(document: Document, text: string, error: YAMLError): { reportOffset: number; message: string } {
  // The yaml package reports an unclosed quote or bracket as MISSING_CHAR, or
  // as BAD_INDENT for a flow collection inside a block one. Both codes have
  // other causes too, so the node itself must be unclosed.
  if (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT') {
    const opening = unclosedOpening(document, error.pos[0]);
    if (opening !== null) {
      return { reportOffset: opening.offset, message: unclosedMessage(opening) };
    }
  }

  // A key indented deeper than the key above it is reported at the value of
  // the line above, which is where the parser noticed it.
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const deeper = deeperLineAfter(text, error.pos[0]);
    if (deeper !== null) {
      return {
        reportOffset: deeper,
        message: 'this line is indented deeper than the key on the line above, which already has a value; indent it like the keys next to it',
      };
    }
  }

  const fix = FIXES[error.code] ?? `invalid YAML (${firstLine(error.message)}); ${GENERAL_FIX}`;
  return { reportOffset: error.pos[0], message: fix };
}

/**
 * Returns the offset of the first character of the next line that is not
 * blank or a comment, when that line is indented deeper than the line of
 * `offset`. Returns null otherwise, and also when another `key:` follows
 * `offset` on its own line.
 */
function deeperLineAfter(text: string, offset: number): number | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) {
    return null;
  }

  // `a: b: c` breaks the same rule on one line; the general message fits it better.
  if (/:(\s|$)/.test(text.slice(offset, lineEnd))) {
    return null;
  }

  const indent = indentationAt(text, lineStart);
  while (lineEnd >= 0) {
    const nextStart = lineEnd + 1;
    const nextIndent = indentationAt(text, nextStart);
    const first = text[nextStart + nextIndent];
    if (first !== undefined && first !== '\n' && first !== '\r' && first !== '#') {
      return nextIndent > indent ? nextStart + nextIndent : null;
    }
    lineEnd = text.indexOf('\n', nextStart);
  }
  return null;
}

/** Counts the spaces at `start`. */
function indentationAt(text: string, start: number): number {
  let end = start;
  while (text[end] === ' ') {
    end += 1;
  }
  return end - start;
}

interface Opening {
  offset: number;
  /** The opening character: a quote, `[` or `{`. */
  opener: string;
  closer: string;
}

/**
 * Returns the innermost quoted scalar or flow collection that runs up to
 * `errorOffset` and lacks its closing character, or null when there is none.
 * Needs a document parsed with keepSourceTokens.
 */
function unclosedOpening(document: Document, errorOffset: number): Opening | null {
  let found: Opening | null = null;

  visit(document, (_, node) => {
    if (!isScalar(node) && !isCollection(node)) {
      return;
    }

    const range = node.range;
    if (!range || range[0] > errorOffset || errorOffset > range[2]) {
      return;
    }

    const token = node.srcToken;
    if (token?.type === 'single-quoted-scalar' || token?.type === 'double-quoted-scalar') {
      const quote = token.source[0] ?? '';
      const closed = token.source.length > 1 && token.source.endsWith(quote);
      found = closed ? found : { offset: range[0], opener: quote, closer: quote };
    }

    if (token?.type === 'flow-collection') {
      const closer = token.start.source === '{' ? '}' : ']';
      const closed = token.end[0]?.source === closer;
      found = closed ? found : { offset: range[0], opener: token.start.source, closer };
    }
  });

  return found;
}

function unclosedMessage(opening: Opening): string {
  if (opening.opener === '[' || opening.opener === '{') {
    return `the ${opening.opener} that starts here is never closed; add ${opening.closer} after the last item`;
  }

  return `the ${opening.opener} quote that starts here is never closed; add the closing ${opening.closer} at the end of the value`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
