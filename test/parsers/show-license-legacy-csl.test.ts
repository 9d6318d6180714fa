import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseShowLicenseLegacyCsl } from '../../src/parsers/show-license-legacy-csl.js';
import type { CslLicense } from '../../src/parsers/show-license-legacy-csl.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/show-license-legacy-csl/${name}`, import.meta.url), 'utf8');
}

function permanent(index: number, feature: string): CslLicense {
  return {
    index,
    feature,
    periodLeft: 'Life time',
    periodUsed: null,
    licenseType: 'Permanent',
    licenseState: 'Active, In Use',
    inUse: true,
    eulaAccepted: null,
    licenseCount: 'Non-Counted',
    licensePriority: 'Medium',
  };
}

function evalRightToUse(index: number, feature: string, licenseCount = 'Non-Counted'): CslLicense {
  return {
    index,
    feature,
    periodLeft: 'Not Activated',
    periodUsed: '0  minute  0  second',
    licenseType: 'EvalRightToUse',
    licenseState: 'Active, Not in Use, EULA not accepted',
    inUse: false,
    eulaAccepted: false,
    licenseCount,
    licensePriority: 'None',
  };
}

describe('show license on CSL/RTU devices', () => {
  it('reads an ISR4K feature list', () => {
    const { record, unparsed, sources } = parseShowLicenseLegacyCsl(fixture('isr4k-csl-rtu-show-license.txt'));

    expect(record.licensingMode).toBe('none');
    expect(record.licenses).toEqual([
      permanent(1, 'appxk9'),
      evalRightToUse(2, 'uck9'),
      permanent(3, 'securityk9'),
      permanent(4, 'ipbasek9'),
      evalRightToUse(5, 'FoundationSuiteK9'),
      evalRightToUse(6, 'AdvUCSuiteK9'),
      evalRightToUse(7, 'cme-srst', '0/0  (In-use/Violation)'),
      permanent(8, 'hseck9'),
      evalRightToUse(9, 'throughput'),
    ]);
    expect(sources['licenses.0']?.line).toBe(2);
    expect(sources['licenses.8.licensePriority']?.line).toBe(60);
    expect(unparsed).toEqual([]);
  });

  it('reads a feature with no attribute lines', () => {
    // ASR1K prints some features without attributes; the sample is reduced to that shape.
    const text = fixture('isr4k-csl-rtu-show-license.txt').replace(/^ {8}.*\n/gm, '');

    const { record, unparsed } = parseShowLicenseLegacyCsl(text);

    expect(record.licenses).toHaveLength(9);
    expect(record.licenses[2]).toMatchObject({ index: 3, feature: 'securityk9', licenseType: null, inUse: null });
    expect(unparsed).toEqual([]);
  });

  it('does not claim Smart Licensing output', () => {
    const { record, unparsed } = parseShowLicenseLegacyCsl('Smart Licensing is ENABLED\n');

    expect(record.licensingMode).toBeNull();
    expect(unparsed).toEqual([{ line: 1, text: 'Smart Licensing is ENABLED' }]);
  });
});
