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
const TIMESTAMP_HEADER = /^(Load for five secs:|Time source is |No time source,)/;

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

  for (const source of splitLines(text)) {
    const cleaned = source.text.replace(PAGER_RESIDUE, '');
    const trimmed = cleaned.trim();
    if (trimmed === '') {
      continue;
    }

    if (TIMESTAMP_HEADER.test(trimmed)) {
      continue;
    }

    // A bare prompt can also close the capture (`c1000v-5#`).
    if (PROMPT_ONLY.test(trimmed) || (!seenOutput && ECHOED_COMMAND.test(trimmed))) {
      continue;
    }

    seenOutput = true;
    result.push({ line: source.line, text: source.text, trimmed, indent: indentOf(cleaned) });
  }

  return result;
}

function indentOf(text: string): number {
  const match = /^[ \t]*/.exec(text);
  return match === null ? 0 : match[0].length;
}

const SENTINELS = new Set(['<none>', '<empty>', 'none', 'not configured', 'not available']);

/** True for the values the device prints in place of "nothing": `<none>`, `<empty>`, `None`, `Not Configured`, `Not Available`. */
export function isSentinel(value: string): boolean {
  return SENTINELS.has(value.trim().toLowerCase());
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
  const match = /^([^:]+?):(?:\s+(.*))?$/.exec(trimmed);
  if (match === null) {
    return null;
  }

  return { key: (match[1] ?? '').trim(), value: (match[2] ?? '').trim() };
}

/** Copies the line number and raw text of a line, for `sources` and `unparsed`. */
export function sourceOf(line: SourceLine): SourceLine {
  return { line: line.line, text: line.text };
}
