// Line splitting and the noise every IOS XE capture carries: echoed command or
// prompt, `exec prompt timestamp` headers, pager residue, CR/LF endings.

import type { SourceLine } from '../types.js';
import { Line } from './line.js';
import { isWhiteSpace } from './white-space.js';

export { keyValueColon, splitKeyValue, type KeyValue } from './key-value.js';
export { Line } from './line.js';
export { isWhiteSpace } from './white-space.js';

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
 * Splits text exactly as splitLines does, but returns only the text of each
 * line. contentLines builds its own Line for each line it keeps, so a
 * SourceLine per line would be garbage at once.
 */
function splitLineTexts(text: string): string[] {
  const parts = text.split(/\r\n|\n|\r/);
  if (parts.length > 1 && parts[parts.length - 1] === '') {
    parts.pop();
  }

  return parts;
}

/**
 * Returns the content lines of a capture: blank and whitespace-only lines,
 * pager residue, bare prompts, an echoed command before the first output
 * line, and `Load for five secs` / `Time source is` headers are left out.
 * Line numbers still refer to the original text.
 */
export function contentLines(text: string): Line[] {
  let seenOutput = false;

  // Each regular expression runs only on the few lines a cheap test lets
  // through, because this loop runs once per line of every capture.
  const pagerResidue = hasPagerResidue(text);
  // The split leaves no CR or LF in a line, so only these two line
  // terminators can remain. Each search costs next to nothing on text
  // without characters above U+00FF, which is what devices print.
  const mayHoldLineTerminator = text.includes('\u2028') || text.includes('\u2029');
  // Each Line is written over a text already read, which measured faster
  // than growing a second array line by line.
  const lines: Array<string | Line> = splitLineTexts(text);
  let contentCount = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const source = lines[index] as string;
    const cleaned = pagerResidue ? source.replace(PAGER_RESIDUE, '') : source;
    const length = cleaned.length;

    // Indentation, then the trimmed line from `start` to `end`, reading each
    // character once: `first` and `last` are the first and last characters
    // of the trimmed line, so the tests below read none again.
    let indent = 0;
    let first = 0;
    while (indent < length) {
      first = cleaned.charCodeAt(indent);
      if (first !== SPACE && first !== TAB) {
        break;
      }
      indent += 1;
    }

    let start = indent;
    while (start < length && isWhiteSpace(first)) {
      start += 1;
      first = cleaned.charCodeAt(start);
    }

    if (start === length) {
      continue;
    }

    // The character at `start` is no white space, so this loop stops there at the latest.
    let end = length;
    let last = cleaned.charCodeAt(end - 1);
    while (isWhiteSpace(last)) {
      end -= 1;
      last = cleaned.charCodeAt(end - 1);
    }

    const trimmed = start === 0 && end === length ? cleaned : cleaned.slice(start, end);
    if (isTimestampHeader(trimmed, first)) {
      continue;
    }

    // A bare prompt can also close the capture (`c1000v-5#`). It ends in `#`
    // or `>` and contains no space. Values such as `Trust Code Installed:
    // <none>` end in `>`.
    if ((last === HASH || last === GREATER_THAN) && !trimmed.includes(' ') && PROMPT_ONLY.test(trimmed)) {
      continue;
    }

    if (!seenOutput && ECHOED_COMMAND.test(trimmed)) {
      continue;
    }

    seenOutput = true;
    lines[contentCount] = new Line(index + 1, source, trimmed, indent, mayHoldLineTerminator);
    contentCount += 1;
  }

  lines.length = contentCount;
  return lines as Line[];
}

// Searching for `More` first is many times faster than searching for
// `--More--` on text that has neither.
function hasPagerResidue(text: string): boolean {
  return text.includes('\b') || (text.includes('More') && text.includes('--More--'));
}

// The first two characters rule out almost every line before a prefix
// comparison, which costs far more than reading a character.
function isTimestampHeader(trimmed: string, first: number): boolean {
  switch (first) {
    case LETTER_L:
      return trimmed.charCodeAt(1) === LETTER_O_LOWER && trimmed.startsWith('Load for five secs:');
    case LETTER_T:
      return trimmed.charCodeAt(1) === LETTER_I_LOWER && trimmed.startsWith('Time source is ');
    case LETTER_N:
      return trimmed.charCodeAt(1) === LETTER_O_LOWER && trimmed.startsWith('No time source,');
    default:
      return false;
  }
}

const LETTER_L = 0x4c;
const LETTER_N = 0x4e;
const LETTER_T = 0x54;
const LETTER_I_LOWER = 0x69;
const LETTER_O_LOWER = 0x6f;

const HASH = 0x23;
const GREATER_THAN = 0x3e;
const SPACE = 0x20;
const TAB = 0x09;

const SENTINELS = new Set(['<none>', '<empty>', 'none', 'not configured', 'not available']);
const SHORTEST_SENTINEL = 'none'.length;
const LESS_THAN = 0x3c;
const LETTER_N_LOWER = 0x6e;
const LONGEST_SENTINEL = 'not configured'.length;

/** True for the values the device prints in place of "nothing": `<none>`, `<empty>`, `None`, `Not Configured`, `Not Available`. */
export function isSentinel(value: string): boolean {
  return isTrimmedSentinel(value.trim());
}

/** isSentinel for a value without leading and trailing white space, which saves a second trim in valueOrNull. */
function isTrimmedSentinel(trimmed: string): boolean {
  if (trimmed.length < SHORTEST_SENTINEL || trimmed.length > LONGEST_SENTINEL) {
    return false;
  }

  // The forms devices print almost always, compared before any copy in lower case.
  if (trimmed === '<none>' || trimmed === '<empty>') {
    return true;
  }

  // Every sentinel starts with `<` or `n` in lower case.
  const first = trimmed.charCodeAt(0);
  if (first !== LESS_THAN && first !== LETTER_N && first !== LETTER_N_LOWER) {
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
  if (trimmed === '' || isTrimmedSentinel(trimmed)) {
    return null;
  }

  return trimmed;
}

/** Copies the line number and raw text of a line, for `sources` and `unparsed`. */
export function sourceOf(line: SourceLine): SourceLine {
  return { line: line.line, text: line.text };
}
