// Parse throughput of every registered parser over the whole corpus, beside
// the throughput of only splitting the same text into lines, measured in the
// same run so the ratio does not depend on the machine.
//
// Usage: npm run bench:parse [-- <seconds per measurement, default 1>]

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { splitLines } from '../src/parsers/common/lines.js';
import { PARSERS } from '../src/parsers/index.js';

// Compiled to dist/scripts/, so the repository root is two levels up.
const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Runs `work` over all texts until `seconds` have passed; returns megabytes (10^6 bytes) per second. */
function measure(texts: readonly string[], bytes: number, seconds: number, work: (text: string) => number): number {
  let sink = 0;
  for (const text of texts) {
    sink += work(text);
  }

  const budget = BigInt(Math.round(seconds * 1e9));
  const started = process.hrtime.bigint();
  let rounds = 0;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (const text of texts) {
      sink += work(text);
    }
    rounds += 1;
    elapsed = process.hrtime.bigint() - started;
  }

  if (sink === -1) {
    console.log('unreachable');
  }

  return (bytes * rounds) / 1e6 / (Number(elapsed) / 1e9);
}

function main(): void {
  const seconds = Number(process.argv[2] ?? '1');
  if (!Number.isFinite(seconds) || seconds <= 0) {
    console.error(`Invalid seconds per measurement "${process.argv[2]}": give a positive number such as 1 or 0.5.`);
    process.exitCode = 2;
    return;
  }

  const files = listFiles(CORPUS).sort();
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const bytes = texts.reduce((total, text) => total + Buffer.byteLength(text, 'utf8'), 0);
  console.log(`corpus: ${files.length} files, ${(bytes / 1024).toFixed(1)} KiB; ${seconds} s per measurement; Node.js ${process.version}`);
  console.log('');
  console.log(`${'parser'.padEnd(30)} ${'parse MB/s'.padStart(11)} ${'split MB/s'.padStart(11)} ${'split/parse'.padStart(12)}`);

  for (const id of Object.keys(PARSERS).sort()) {
    const parse = PARSERS[id];
    if (parse === undefined) {
      continue;
    }

    // The baseline is measured right before each parser, so both see the same machine state.
    const split = measure(texts, bytes, seconds, (text) => splitLines(text).length);
    const parsed = measure(texts, bytes, seconds, (text) => parse(text).unparsed.length);
    console.log(`${id.padEnd(30)} ${parsed.toFixed(1).padStart(11)} ${split.toFixed(1).padStart(11)} ${(split / parsed).toFixed(1).padStart(11)}x`);
  }
}

main();
