// Line splitting and the noise every IOS XE capture carries: echoed command or
// prompt, `exec prompt timestamp` headers, pager residue, CR/LF endings.

import type { SourceLine } from '../types.js';

/** A content line of device output, ready for matching. */
export interface Line extends SourceLine {
  /** `text` without leading and trailing white space. */
  trimmed: string;
  /** Number of leading spaces (a tab counts as one). */
  indent: number;
}

// The pager prints `--More--` and then erases it with backspaces or spaces,
// which can leave the prompt text, backspaces or a run of spaces in front of
// the next line.
const PAGER_RESIDUE = /^\s*--More--\s*|[\b]+/g;

// `Load for five secs: 1%/0%; ...` and `Time source is NTP, .13:28:08.565 UTC ...`
// (also `No time source, *17:05:54.449 UTC ...`) come from `exec prompt timestamp`.
// isTimestampHeader below matches their starts.

// A prompt alone (`router#`) or a prompt with an echoed command, and a bare echo
// such as `show license all` or the abbreviated `sh lic udi`.
const PROMPT_ONLY = /^[\w.:/()-]+[#>]\s*$/;
const ECHOED_COMMAND = /^(?:[\w.:/()-]+[#>]\s*)?sh(?:o|ow)?\s+lic(?:e|en|ens|ense)?\b/i;

/** Splits text on CRLF, LF or a lone CR. A final line break does not start an empty line. */
export function splitLines(text: string): SourceLine[] {
  const parts = text.split(/\r\n|\n|\r/);
  if (parts.length > 1 && parts[parts.length - 1] === '') {
    parts.pop();
  }

  return parts.map((part, index) => ({ line: index + 1, text: part }));
}

/**
 * Returns the content lines of a capture: blank and whitespace-only lines,
 * pager residue, bare prompts, an echoed command before the first output
 * line, and `Load for five secs` / `Time source is` headers are left out.
 * Line numbers still refer to the original text.
 */
export function contentLines(text: string): Line[] {
  const result: Line[] = [];
  let seenOutput = false;

  // Each regular expression runs only on the few lines a cheap test lets
  // through, because this loop runs once per line of every capture.
  const pagerResidue = hasPagerResidue(text);
  for (const source of splitLines(text)) {
    const cleaned = pagerResidue ? source.text.replace(PAGER_RESIDUE, '') : source.text;
    const trimmed = trim(cleaned);
    if (trimmed === '') {
      continue;
    }

    if (isTimestampHeader(trimmed)) {
      continue;
    }

    // A bare prompt can also close the capture (`c1000v-5#`).
    if (endsLikePrompt(trimmed) && PROMPT_ONLY.test(trimmed)) {
      continue;
    }

    if (!seenOutput && ECHOED_COMMAND.test(trimmed)) {
      continue;
    }

    seenOutput = true;
    const indent = trimmed === cleaned ? 0 : indentOf(cleaned);
    result.push({ line: source.line, text: source.text, trimmed, indent });
  }

  return result;
}

/** Trims like `String.prototype.trim`, but returns a line without leading or trailing white space as is, not as a copy. */
function trim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isWhiteSpace(text.charCodeAt(start))) {
    start += 1;
  }

  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) {
    end -= 1;
  }

  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** True for the white space and line terminators of ECMAScript, which `trim` removes and `\s` matches. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  }

  if (code < 0xa0) {
    return false;
  }

  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function hasPagerResidue(text: string): boolean {
  return text.includes('\b') || text.includes('--More--');
}

function isTimestampHeader(trimmed: string): boolean {
  return trimmed.startsWith('Load for five secs:') || trimmed.startsWith('Time source is ') || trimmed.startsWith('No time source,');
}

// `trimmed` has no trailing white space, so a prompt ends in `#` or `>`.
function endsLikePrompt(trimmed: string): boolean {
  const last = trimmed.charCodeAt(trimmed.length - 1);
  return last === HASH || last === GREATER_THAN;
}

const HASH = 0x23;
const GREATER_THAN = 0x3e;
const SPACE = 0x20;
const TAB = 0x09;

function indentOf(text: string): number {
  let indent = 0;
  while (indent < text.length) {
    const code = text.charCodeAt(indent);
    if (code !== SPACE && code !== TAB) {
      break;
    }
    indent += 1;
  }

  return indent;
}

const SENTINELS = new Set(['<none>', '<empty>', 'none', 'not configured', 'not available']);
const SHORTEST_SENTINEL = 'none'.length;
const LONGEST_SENTINEL = 'not configured'.length;

/** True for the values the device prints in place of "nothing": `<none>`, `<empty>`, `None`, `Not Configured`, `Not Available`. */
export function isSentinel(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < SHORTEST_SENTINEL || trimmed.length > LONGEST_SENTINEL) {
    return false;
  }

  return SENTINELS.has(trimmed.toLowerCase());
}

/** Returns the trimmed value, or null when it is empty or a sentinel. */
export function valueOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) {
    return null;
  }

  const trimmed = value.trim();
  if (trimmed === '' || isSentinel(trimmed)) {
    return null;
  }

  return trimmed;
}

/** A `Key: value` line split at the first `: ` (or a final `:`). */
export interface KeyValue {
  key: string;
  /** Trimmed; empty when the line ends at the colon. */
  value: string;
}

/**
 * Splits `Key: value` at the first colon followed by white space or the end
 * of the line, so `URL: https://host/path` and `Active:PID:X,SN:Y` keep the
 * colons inside their values. Returns null when the line has no such colon.
 */
export function splitKeyValue(trimmed: string): KeyValue | null {
  // The key is everything before the first colon and may not be empty. The
  // same test as `/^([^:]+?):(?:\s+(.*))?$/`, written with index searches
  // because it runs several times on every line.
  const colon = trimmed.indexOf(':');
  if (colon <= 0) {
    return null;
  }

  if (colon === trimmed.length - 1) {
    return { key: trimmed.slice(0, colon).trim(), value: '' };
  }

  if (!isWhiteSpace(trimmed.charCodeAt(colon + 1))) {
    return null;
  }

  // Like `.` in a regular expression, a value does not span a line terminator.
  const value = trimmed.slice(colon + 1).trimStart();
  if (LINE_TERMINATOR.test(value)) {
    return null;
  }

  return { key: trimmed.slice(0, colon).trim(), value: value.trimEnd() };
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** Copies the line number and raw text of a line, for `sources` and `unparsed`. */
export function sourceOf(line: SourceLine): SourceLine {
  return { line: line.line, text: line.text };
}
