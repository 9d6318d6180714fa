// Parser for `show license history message`: two blocks, `Message History
// (oldest to newest):` with one category per message class (`Trust
// Establishment:`, `Usage Reporting:`, ...) and `Import Message History (oldest
// to newest):` with `Import POLICY:`, `Import TRUST CODE:`, ... Each category
// lists its messages or `No past history` / `No past Import history`.

import { contentLines, sourceOf } from './common/lines.js';
import type { ParseResult, SourceLine } from './types.js';

export interface HistoryCategory {
  /** The category as printed, without `Import ` and the colon: `Trust Establishment`, `TRUST CODE`. */
  name: string;
  /** True when the category lists at least one message, false for `No past history` or nothing. */
  hasHistory: boolean;
  /**
   * The category's lines other than the "no history" line, trimmed.
   * NOTE: every public sample is empty, so the layout of real entries is
   * unknown. They are kept as text and also listed in `unparsed`.
   */
  entries: string[];
}

export interface LicenseHistoryMessageRecord {
  /** Categories under `Message History`; null when the block is absent. */
  messageHistory: HistoryCategory[] | null;
  /** Categories under `Import Message History`; null when the block is absent. */
  importHistory: HistoryCategory[] | null;
}

const MESSAGE_BLOCK = /^Message History\b.*:$/;
const IMPORT_BLOCK = /^Import Message History\b.*:$/;
const UNDERLINE = /^=+$/;
const NO_HISTORY = /^No past (?:Import )?history$/i;
const CATEGORY = /^(?:Import\s+)?(\S.*?):$/;

/** Parses `show license history message` output. Never throws. */
export function parseShowLicenseHistoryMessage(text: string): ParseResult<LicenseHistoryMessageRecord> {
  const record: LicenseHistoryMessageRecord = { messageHistory: null, importHistory: null };
  const unparsed: SourceLine[] = [];
  const sources: Record<string, SourceLine> = {};
  let block: HistoryCategory[] | null = null;
  let blockName = '';
  let category: HistoryCategory | null = null;

  for (const line of contentLines(text)) {
    if (line.trimmed.startsWith('=') && UNDERLINE.test(line.trimmed)) {
      continue;
    }

    if (line.indent === 0 && MESSAGE_BLOCK.test(line.trimmed)) {
      block = record.messageHistory = [];
      blockName = 'messageHistory';
      category = null;
      sources[blockName] = sourceOf(line);
      continue;
    }

    if (line.indent === 0 && IMPORT_BLOCK.test(line.trimmed)) {
      block = record.importHistory = [];
      blockName = 'importHistory';
      category = null;
      sources[blockName] = sourceOf(line);
      continue;
    }

    const header = block !== null && line.indent === 0 && line.trimmed.endsWith(':') ? CATEGORY.exec(line.trimmed) : null;
    if (block !== null && header !== null) {
      category = { name: header[1] ?? '', hasHistory: false, entries: [] };
      sources[`${blockName}.${block.length}`] = sourceOf(line);
      block.push(category);
      continue;
    }

    if (category === null || line.indent === 0) {
      unparsed.push(sourceOf(line));
      continue;
    }

    if (NO_HISTORY.test(line.trimmed)) {
      category.hasHistory = false;
      continue;
    }

    category.hasHistory = true;
    category.entries.push(line.trimmed);
    unparsed.push(sourceOf(line));
  }

  return { record, unparsed, sources };
}
