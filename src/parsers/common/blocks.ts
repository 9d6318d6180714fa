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

/** Splits content lines into blocks at each title line that has a `====` underline below it. */
export function splitBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [{ title: null, headerLines: [], lines: [] }];

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as Line;
    const next = lines[index + 1];
    if (next !== undefined && line.indent === 0 && isUnderline(next) && TITLE.test(line.trimmed)) {
      blocks.push({ title: line.trimmed.replace(/:$/, '').trim(), headerLines: [line, next], lines: [] });
      index += 1;
      continue;
    }

    (blocks[blocks.length - 1] as Block).lines.push(line);
  }

  return blocks;
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

  for (const line of lines) {
    const header = line.indent === 0 ? headerOf(line, namedHeaders) : null;
    if (header !== null) {
      current = { name: header.key, header: line, headerValue: header.value, lines: [] };
      sections.push(current);
      continue;
    }

    if (current === null) {
      current = { name: '', header: line, headerValue: '', lines: [] };
      sections.push(current);
    }
    current.lines.push(line);
  }

  return sections;
}

function isUnderline(line: Line): boolean {
  return line.trimmed.charCodeAt(0) === EQUALS_SIGN && UNDERLINE.test(line.trimmed);
}

const EQUALS_SIGN = 0x3d;

function headerOf(line: Line, namedHeaders: ReadonlySet<string>): KeyValue | null {
  const keyValue = line.keyValue;
  if (keyValue === null) {
    return null;
  }

  if (keyValue.value === '' || namedHeaders.has(keyValue.key)) {
    return keyValue;
  }

  return null;
}
