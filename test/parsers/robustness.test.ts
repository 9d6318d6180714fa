// Seeded random damage to every corpus capture, fed to every registered
// parser. A parser must never throw, every line it reports must be a real line
// of its input, and lines of pure noise must come back in `unparsed`.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { splitLines } from '../../src/parsers/common/lines.js';
import { PARSERS } from '../../src/parsers/index.js';
import type { ParseResult, SourceLine } from '../../src/parsers/types.js';

const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
// Fixed so failures reproduce; set ROBUSTNESS_SEED to explore other damage.
const SEED = Number(process.env['ROBUSTNESS_SEED'] ?? 0x5eed_2024);
const TOTAL_MUTATIONS = 4000;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

// Noise has no colon, no `#`/`>` (prompt), no `=` (underline) and a lower-case
// letter, so it cannot pass for a header, a key-value line or a state line.
const NOISE_CHARACTERS = 'abcxyz~^`|?!%&*\u0001\u0002\u0007\u007f\u00ff\u00e9 ';

interface Mutated {
  text: string;
  /** Indexes (0-based) of the noise lines in the mutated text, before line endings are mixed. */
  noise: Set<number>;
}

function noiseLine(next: () => number): string {
  const length = 3 + Math.floor(next() * 40);
  let text = ' '.repeat(Math.floor(next() * 4)) + 'q~';
  for (let i = 0; i < length; i += 1) {
    text += NOISE_CHARACTERS[Math.floor(next() * NOISE_CHARACTERS.length)];
  }
  return text;
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Applies one to three kinds of damage; noise lines are tracked through later steps. */
function mutate(original: string, next: () => number): Mutated {
  let lines: Array<{ text: string; noise: boolean }> = splitLines(original).map((line) => ({ text: line.text, noise: false }));
  const steps = 1 + Math.floor(next() * 3);

  for (let step = 0; step < steps; step += 1) {
    const kind = pick(['drop', 'duplicate', 'truncate', 'shuffle', 'noise', 'corrupt', 'cut'] as const, next);
    const at = Math.floor(next() * Math.max(lines.length, 1));

    switch (kind) {
      case 'drop':
        lines.splice(at, 1 + Math.floor(next() * 5));
        break;
      case 'duplicate':
        lines.splice(at, 0, ...lines.slice(at, at + 1 + Math.floor(next() * 5)).map((line) => ({ ...line })));
        break;
      case 'truncate': {
        const line = lines[at];
        if (line !== undefined && !line.noise) {
          line.text = line.text.slice(0, Math.floor(next() * line.text.length));
        }
        break;
      }
      case 'shuffle':
        lines = shuffleSections(lines, next);
        break;
      case 'noise':
        lines.splice(at, 0, { text: noiseLine(next), noise: true });
        break;
      case 'corrupt': {
        const line = lines[at];
        if (line !== undefined && !line.noise && line.text.length > 0) {
          const position = Math.floor(next() * line.text.length);
          line.text = line.text.slice(0, position) + pick(['\u0000', '\u001b', '\ufffd', '\t'], next) + line.text.slice(position + 1);
        }
        break;
      }
      case 'cut':
        lines = lines.slice(0, at);
        break;
    }
  }

  const noise = new Set<number>();
  lines.forEach((line, index) => {
    if (line.noise) {
      noise.add(index);
    }
  });

  return { text: joinWithMixedEndings(lines.map((line) => line.text), next), noise };
}

/** Cuts at blank lines and puts the chunks in random order, as releases reorder sections. */
function shuffleSections<T extends { text: string }>(lines: T[], next: () => number): T[] {
  const chunks: T[][] = [[]];
  for (const line of lines) {
    (chunks[chunks.length - 1] as T[]).push(line);
    if (line.text.trim() === '') {
      chunks.push([]);
    }
  }

  for (let i = chunks.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [chunks[i], chunks[j]] = [chunks[j] as T[], chunks[i] as T[]];
  }

  return chunks.flat();
}

function joinWithMixedEndings(lines: readonly string[], next: () => number): string {
  const style = next();
  if (style < 0.4) {
    return lines.join('\n');
  }

  if (style < 0.7) {
    return lines.join('\r\n') + (next() < 0.5 ? '\r\n' : '');
  }

  return lines.map((line) => line + (next() < 0.5 ? '\r\n' : '\n')).join('');
}

function checkLinesAreReal(reported: readonly SourceLine[], inputLines: readonly SourceLine[], label: string): void {
  for (const line of reported) {
    expect(inputLines[line.line - 1]?.text, `${label}: line ${line.line}`).toBe(line.text);
  }
}

const files = listFiles(CORPUS).sort();
const parserIds = Object.keys(PARSERS).sort();
const perPair = Math.max(3, Math.ceil(TOTAL_MUTATIONS / Math.max(1, files.length * parserIds.length)));

describe('parser robustness', () => {
  it('finds parsers and corpus files', () => {
    expect(parserIds.length).toBeGreaterThanOrEqual(4);
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(parserIds)('%s survives damaged captures', (id) => {
    const parse = PARSERS[id] as (text: string) => ParseResult<unknown>;
    const next = random(SEED ^ id.length);

    for (const file of files) {
      const original = readFileSync(file, 'utf8');

      for (let round = 0; round < perPair; round += 1) {
        const mutated = mutate(original, next);
        const label = `${id} on ${file.slice(CORPUS.length)} round ${round}`;

        let result: ParseResult<unknown> | undefined;
        expect(() => {
          result = parse(mutated.text);
        }, label).not.toThrow();

        const inputLines = splitLines(mutated.text);
        checkLinesAreReal(result?.unparsed ?? [], inputLines, `${label} unparsed`);
        checkLinesAreReal(Object.values(result?.sources ?? {}), inputLines, `${label} sources`);

        const unparsedNumbers = new Set((result?.unparsed ?? []).map((line) => line.line));
        for (const index of mutated.noise) {
          expect(unparsedNumbers.has(index + 1), `${label}: noise line ${index + 1} not in unparsed`).toBe(true);
        }
      }
    }
  });

  it.each(parserIds)('%s accepts empty and odd input', (id) => {
    const parse = PARSERS[id] as (text: string) => ParseResult<unknown>;

    for (const text of ['', '\n', '\r\n\r\n', '          ', '\u0000\u0001\u0002', '====\n====', ':', 'Trust Code Installed:', 'UDI:']) {
      expect(() => parse(text), JSON.stringify(text)).not.toThrow();
    }
  });
});
