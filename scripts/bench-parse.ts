// Parse throughput of every registered parser over the whole corpus, beside
// the throughput of merely splitting the same text into lines, with the
// same line-break pattern the parsers split on. Both run in the same process on
// the same texts, in alternating rounds, so the ratio does not depend on the
// machine or on what else it runs at the time.
//
// Usage: npm run bench:parse [-- <seconds per parser, default 2>]
// Exits with 1 when a parser is more than MAX_RATIO times slower than the split.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { PARSERS } from '../src/parsers/index.js';

/** The line breaks splitLines and contentLines split on. */
const LINE_BREAK = /\r\n|\n|\r/;

// Compiled to dist/scripts/, so the repository root is two levels up.
const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

/** A parser passes when its MB/s is at least the split MB/s divided by this. */
const MAX_RATIO = 4;

/** Alternating split and parse rounds per parser; the median of each is reported. */
const ROUNDS = 9;

/** Lists every device capture in the corpus: the `.txt` files of the per-command folders. */
function listCaptures(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return listCaptures(path);
    }

    return entry.name.endsWith('.txt') ? [path] : [];
  });
}

/** Runs `work` over all texts until `seconds` have passed; returns megabytes (10^6 bytes) per second. */
function measure(texts: readonly string[], bytes: number, seconds: number, work: (text: string) => number): number {
  const budget = BigInt(Math.round(seconds * 1e9));
  const started = process.hrtime.bigint();
  let sink = 0;
  let passes = 0;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (const text of texts) {
      sink += work(text);
    }
    passes += 1;
    elapsed = process.hrtime.bigint() - started;
  }

  // Using the results keeps the engine from dropping the work as dead code.
  if (sink === -1) {
    console.log('unreachable');
  }

  return (bytes * passes) / 1e6 / (Number(elapsed) / 1e9);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

interface Figures {
  parse: number;
  split: number;
}

/** Measures split and parse in alternating rounds, after one warm-up pass of each. */
function compare(texts: readonly string[], bytes: number, seconds: number, parse: (text: string) => number): Figures {
  // Only the split: no object per line, which would make the baseline slower than merely splitting.
  const split = (text: string) => text.split(LINE_BREAK).length;
  const slice = seconds / (2 * ROUNDS);
  measure(texts, bytes, slice, split);
  measure(texts, bytes, slice, parse);

  const splitRounds: number[] = [];
  const parseRounds: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    splitRounds.push(measure(texts, bytes, slice, split));
    parseRounds.push(measure(texts, bytes, slice, parse));
  }

  return { parse: median(parseRounds), split: median(splitRounds) };
}

function main(): void {
  const seconds = Number(process.argv[2] ?? '2');
  if (!Number.isFinite(seconds) || seconds <= 0) {
    console.error(`Invalid seconds per parser "${process.argv[2]}": give a positive number such as 2 or 0.5.`);
    process.exitCode = 2;
    return;
  }

  const files = listCaptures(CORPUS).sort();
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const bytes = texts.reduce((total, text) => total + Buffer.byteLength(text, 'utf8'), 0);
  console.log(`corpus: ${files.length} files, ${(bytes / 1024).toFixed(1)} KiB; ${seconds} s per parser; Node.js ${process.version}`);
  console.log(`each parser reads every file; limit: parse at least 1/${MAX_RATIO} of the split MB/s`);
  console.log('');
  console.log(`${'parser'.padEnd(30)} ${'parse MB/s'.padStart(11)} ${'split MB/s'.padStart(11)} ${'split/parse'.padStart(12)}  result`);

  let failures = 0;
  for (const id of Object.keys(PARSERS).sort()) {
    const parser = PARSERS[id];
    if (parser === undefined) {
      continue;
    }

    const figures = compare(texts, bytes, seconds, (text) => parser(text).unparsed.length);
    const ratio = figures.split / figures.parse;
    const passed = ratio <= MAX_RATIO;
    failures += passed ? 0 : 1;
    console.log(
      `${id.padEnd(30)} ${figures.parse.toFixed(1).padStart(11)} ${figures.split.toFixed(1).padStart(11)} ${ratio.toFixed(2).padStart(11)}x  ${passed ? 'PASS' : 'FAIL'}`,
    );
  }

  if (failures > 0) {
    console.log('');
    console.log(`${failures} parser(s) slower than 1/${MAX_RATIO} of the split speed.`);
    process.exitCode = 1;
  }
}

main();
