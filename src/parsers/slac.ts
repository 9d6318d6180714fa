// Reads a Smart Licensing Authorization Code (SLAC) file: XML with the root
// element `smartLicenseAuthorization` and one `<udi>P:<pid>,SN:<sn></udi>`
// entry per product instance (several for an HA pair or a stack). Cisco's
// troubleshooting guide for AUTHORIZATION_INSTALL_FAILED says every UDI in
// the file must match the device's UDIs, and that the file writes `P:` where
// the device writes `PID:`.
//
// A small tolerant scanner reads the XML: it needs element names, nesting
// and text, never fails on broken markup, and reports what it could not read
// as unparsed lines.

import type { ParseResult, SourceLine } from './types.js';
import { splitLines } from './common/lines.js';

export const SLAC_ROOT_ELEMENT = 'smartLicenseAuthorization';

export interface SlacUdi {
  pid: string;
  sn: string;
  /** The element text as written, e.g. `P:C9350-24U,SN:FOC2705Y8X0`. */
  text: string;
  /** 1-based line of the `<udi>` element. */
  line: number;
}

export interface SlacRecord {
  /** True when a top-level element is `smartLicenseAuthorization`. */
  isSlac: boolean;
  /** Names of the top-level elements, in order (one per authorization document in the file). */
  rootElements: string[];
  /** Every `<udi>` entry that names both a PID and a serial number, in file order. */
  udis: SlacUdi[];
  /** Distinct element texts that are entitlement tags (`regid.<yyyy-mm>.com.cisco.<name>,...`), in file order. */
  entitlementTags: string[];
}

interface Token {
  kind: 'open' | 'close' | 'text';
  /** Element name without a namespace prefix, for `open` and `close`. */
  name: string;
  selfClosing: boolean;
  text: string;
  offset: number;
}

// One alternative per XML construct; text is whatever lies between them.
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![^>]*>|<\/\s*([\w:.-]+)\s*>|<([\w:.-]+)((?:\s[^>]*?)?)(\/?)>/g;
const ENTITLEMENT_TAG = /^regid\.\d{4}-\d{2}\.[\w.-]+/;

/** Reads the UDIs and entitlement tags of a SLAC XML file. Never throws. */
export function parseSlac(text: string): ParseResult<SlacRecord> {
  const record: SlacRecord = { isSlac: false, rootElements: [], udis: [], entitlementTags: [] };
  const unparsed: SourceLine[] = [];
  const sources: Record<string, SourceLine> = {};
  const lines = splitLines(text);
  const lineStarts = lineStartOffsets(text);
  const lineAt = (offset: number): SourceLine => {
    const number = lineNumberAt(lineStarts, offset);
    return { line: number, text: lines[number - 1]?.text ?? '' };
  };

  const stack: string[] = [];
  let udiText: { text: string; offset: number } | null = null;

  for (const token of tokenize(text)) {
    if (token.kind === 'open') {
      if (stack.length === 0) {
        record.rootElements.push(token.name);
      }

      if (token.name.toLowerCase() === 'udi' && !token.selfClosing) {
        udiText = { text: '', offset: token.offset };
      }

      if (!token.selfClosing) {
        stack.push(token.name);
      }

      continue;
    }

    if (token.kind === 'close') {
      const depth = stack.lastIndexOf(token.name);
      if (depth < 0) {
        unparsed.push(lineAt(token.offset));
        continue;
      }

      stack.length = depth;
      if (token.name.toLowerCase() === 'udi' && udiText !== null) {
        addUdi(record, udiText.text, lineAt(udiText.offset), unparsed, sources);
        udiText = null;
      }

      continue;
    }

    if (udiText !== null) {
      udiText.text += token.text;
    }

    const value = token.text.trim();
    if (ENTITLEMENT_TAG.test(value) && !record.entitlementTags.includes(value)) {
      sources[`entitlementTags.${record.entitlementTags.length}`] = lineAt(token.offset);
      record.entitlementTags.push(value);
    }
  }

  if (stack.length > 0) {
    // The file ends inside an element: it was cut short or is not XML.
    unparsed.push(lineAt(Math.max(0, text.trimEnd().length - 1)));
  }

  record.isSlac = record.rootElements.includes(SLAC_ROOT_ELEMENT);
  return { record, unparsed, sources };
}

function addUdi(
  record: SlacRecord,
  rawText: string,
  line: SourceLine,
  unparsed: SourceLine[],
  sources: Record<string, SourceLine>,
): void {
  const text = rawText.trim();
  const udi = udiFields(text);
  if (udi === null) {
    unparsed.push(line);
    return;
  }

  sources[`udis.${record.udis.length}`] = line;
  record.udis.push({ ...udi, text, line: line.line });
}

/**
 * Splits `P:C9350-24U,SN:FOC2705Y8X0` into PID and serial number. Also reads
 * the device spelling `PID:`/`SN:` and the short `S:`, with or without spaces
 * after the commas; other parts such as `VID:` are ignored. Returns null when
 * the PID or the serial number is missing.
 */
export function udiFields(text: string): { pid: string; sn: string } | null {
  let pid: string | null = null;
  let sn: string | null = null;

  for (const part of text.split(',')) {
    const separator = part.indexOf(':');
    if (separator < 0) {
      continue;
    }

    const key = part.slice(0, separator).trim().toUpperCase();
    const value = part.slice(separator + 1).trim();
    if ((key === 'P' || key === 'PID') && value !== '') {
      pid = value;
    }

    if ((key === 'S' || key === 'SN') && value !== '') {
      sn = value;
    }
  }

  return pid === null || sn === null ? null : { pid, sn };
}

function* tokenize(text: string): Generator<Token> {
  let position = 0;

  for (const match of text.matchAll(MARKUP)) {
    const offset = match.index;
    if (offset > position) {
      yield textToken(text.slice(position, offset), position);
    }

    position = offset + match[0].length;
    const [whole, cdata, closeName, openName, , selfClosing] = match;

    if (cdata !== undefined) {
      yield { kind: 'text', name: '', selfClosing: false, text: cdata, offset };
    } else if (closeName !== undefined) {
      yield { kind: 'close', name: localName(closeName), selfClosing: false, text: whole, offset };
    } else if (openName !== undefined) {
      yield { kind: 'open', name: localName(openName), selfClosing: selfClosing === '/', text: whole, offset };
    }
  }

  if (position < text.length) {
    yield textToken(text.slice(position), position);
  }
}

function textToken(raw: string, offset: number): Token {
  // Leading white space is skipped so that `offset` points at the text itself.
  const skipped = raw.length - raw.trimStart().length;
  return { kind: 'text', name: '', selfClosing: false, text: decodeEntities(raw), offset: offset + skipped };
}

function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity: string, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) {
      return codePointOrEntity(Number.parseInt(body.slice(2), 16), entity);
    }

    if (body.startsWith('#')) {
      return codePointOrEntity(Number.parseInt(body.slice(1), 10), entity);
    }

    return NAMED_ENTITIES[body] ?? entity;
  });
}

function codePointOrEntity(codePoint: number, entity: string): string {
  return Number.isInteger(codePoint) && codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\n|\r/g)) {
    starts.push(match.index + match[0].length);
  }

  return starts;
}

// Binary search for the last line start at or before `offset`.
function lineNumberAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }

  return low + 1;
}
