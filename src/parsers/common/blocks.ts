// Splits output into blocks (a title over a `====` underline) and blocks into
// sections (a column-0 `Name:` header and the lines below it). Smart Licensing
// output changes section order between releases, so parsers find sections by
// header and never by position.

import type { KeyValue, Line } from './lines.js';

export interface Block {
  /** The title above the `====` underline, without a final colon; null for lines before the first title. */
  title: string | null;
  /** The title and underline lines; empty for the lines before the first title. */
  headerLines: Line[];
  lines: Line[];
}

export interface Section {
  name: string;
  header: Line;
  /** Text after `Name:` on the header line, trimmed; empty for a bare header. */
  headerValue: string;
  lines: Line[];
}

const UNDERLINE = /^=+$/;
// `Smart Licensing Status`, `Communication Statistics:`, `HA Info`.
const TITLE = /^[A-Z][\w ()/.-]*:?$/;

/**
 * Returns the block title when the line at `index` is a column-0 title with a
 * `====` underline on the next line, and null otherwise. The title is the
 * trimmed text without one final colon.
 */
export function blockTitleAt(lines: readonly Line[], index: number): string | null {
  const line = lines[index] as Line;
  const next = lines[index + 1];
  if (next === undefined || line.indent !== 0 || !isUnderline(next) || !TITLE.test(line.trimmed)) {
    return null;
  }

  return titleOf(line.trimmed);
}

/**
 * Splits a block into sections. A column-0 line is a section header when it
 * ends at its colon (`Transport:`) or when its name is in `namedHeaders`
 * (`Trust Code Installed: <none>`). Other column-0 `Key: value` lines stay in
 * the current section, because some captures lose the indentation of fields.
 * Lines before the first header form a section named ''.
 */
export function splitSections(lines: readonly Line[], namedHeaders: ReadonlySet<string>): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  // The lines of a section are one slice from `start` to the next header, in
  // place of one push per line.
  let start = 0;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as Line;
    const header = sectionHeaderOf(line, namedHeaders);
    if (header === null) {
      if (current === null) {
        current = { name: '', header: line, headerValue: '', lines: [] };
        sections.push(current);
        start = index;
      }
      continue;
    }

    if (current !== null) {
      current.lines = lines.slice(start, index);
    }
    current = { name: header.key, header: line, headerValue: header.value, lines: [] };
    sections.push(current);
    start = index + 1;
  }

  if (current !== null) {
    current.lines = lines.slice(start);
  }

  return sections;
}

/**
 * Returns the key and value of a section header as splitSections defines it,
 * or null for any other line. Only headers have their key and value copied
 * out.
 */
export function sectionHeaderOf(line: Line, namedHeaders: ReadonlySet<string>): KeyValue | null {
  if (line.indent !== 0 || !line.isKeyValue) {
    return null;
  }

  if (line.hasEmptyValue) {
    return line.keyValue;
  }

  for (const name of namedHeaders) {
    if (line.hasKey(name)) {
      return line.keyValue;
    }
  }

  return null;
}

/** The title without one final colon, as `trimmed.replace(/:$/, '').trim()` returns it. */
function titleOf(trimmed: string): string {
  return trimmed.endsWith(':') ? trimmed.slice(0, -1).trim() : trimmed;
}

function isUnderline(line: Line): boolean {
  return line.trimmed.charCodeAt(0) === EQUALS_SIGN && UNDERLINE.test(line.trimmed);
}

const EQUALS_SIGN = 0x3d;
