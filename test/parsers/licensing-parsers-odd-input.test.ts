import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseShowLicenseAuthorization } from '../../src/parsers/show-license-authorization.js';
import { parseShowLicenseEventlog } from '../../src/parsers/show-license-eventlog.js';
import { parseShowLicenseHistoryMessage } from '../../src/parsers/show-license-history-message.js';
import { parseShowLicenseLegacyCsl } from '../../src/parsers/show-license-legacy-csl.js';
import { parseShowLicenseSummary } from '../../src/parsers/show-license-summary.js';
import { parseShowLicenseUsage } from '../../src/parsers/show-license-usage.js';
import { parseShowLoggingSmartLic } from '../../src/parsers/show-logging-smart-lic.js';
import { parseSlac } from '../../src/parsers/slac.js';
import type { Parser } from '../../src/parsers/types.js';

const PARSERS: Record<string, Parser<unknown>> = {
  summary: parseShowLicenseSummary,
  usage: parseShowLicenseUsage,
  authorization: parseShowLicenseAuthorization,
  eventlog: parseShowLicenseEventlog,
  historyMessage: parseShowLicenseHistoryMessage,
  logging: parseShowLoggingSmartLic,
  legacyCsl: parseShowLicenseLegacyCsl,
  slac: parseSlac,
};

const FOLDERS = [
  'corpus/show-license-summary',
  'corpus/show-license-usage',
  'corpus/show-license-authorization',
  'corpus/show-license-eventlog',
  'corpus/show-license-history-message',
  'corpus/show-logging-smart-lic',
  'corpus/show-license-legacy-csl',
  'slac',
];

// Every sample, fed to every parser, whole and cut at many points: a parser
// must return a result for any of them, even output of another command.
function samples(): string[] {
  const texts: string[] = [];
  for (const folder of FOLDERS) {
    const directory = new URL(`../../fixtures/${folder}/`, import.meta.url);
    for (const name of readdirSync(directory)) {
      if (!name.endsWith('.md')) {
        texts.push(readFileSync(new URL(name, directory), 'utf8'));
      }
    }
  }

  return texts;
}

function cuts(text: string): string[] {
  const pieces = [text, text.replace(/\n/g, '\r'), text.replace(/[()<>:"]/g, '')];
  for (let end = 1; end < text.length; end += 97) {
    pieces.push(text.slice(0, end));
    pieces.push(text.slice(end));
  }

  return pieces;
}

describe('licensing parsers on odd input', () => {
  const texts = samples().flatMap(cuts);

  it('finds the samples', () => {
    expect(texts.length).toBeGreaterThan(100);
  });

  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name} never throws`, () => {
      for (const text of texts) {
        const result = parse(text);

        expect(Array.isArray(result.unparsed)).toBe(true);
        expect(result.record).toBeTypeOf('object');
      }
    });
  }
});
