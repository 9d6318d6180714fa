import { describe, expect, it } from 'vitest';

import { hasTextAt } from '../../../src/parsers/common/text-at.js';

// Lines cut out of a capture, as the parsers see them: slices of the whole text.
const CAPTURE = 'Trust Code Installed: <none>\r\n  Next ACK deadline: Jan 12 12:10:32 2022 UTC\r\nFail=3, Total=12\r\n';
const [TRUST_CODE = '', NEXT_ACK = '', ATTEMPTS = ''] = CAPTURE.split(/\r\n|\n|\r/).map((line) => line.trim());

describe('hasTextAt', () => {
  it('matches startsWith for any search length', () => {
    const searches = ['T', 'Trust', 'Trust Code I', 'Trust Code In', 'Trust Code Installed', 'Trust Code Installed: <none>', 'Trust Code Installed: <none>!', 'Trust code'];
    for (const search of searches) {
      expect(hasTextAt(TRUST_CODE, search), search).toBe(TRUST_CODE.startsWith(search));
    }
  });

  it('ignores a long search later on', () => {
    expect(hasTextAt(NEXT_ACK, 'Next ACK deadline')).toBe(true);
    expect(hasTextAt(NEXT_ACK, 'Jan 12 12:10:32 2022')).toBe(false);
    expect(hasTextAt(NEXT_ACK, 'Jan 12 12:10:32 2022', NEXT_ACK.indexOf('Jan'))).toBe(true);
  });

  it('compares at a given position', () => {
    const equals = ATTEMPTS.indexOf('=', 10);
    expect(hasTextAt(ATTEMPTS, 'Total', equals - 'Total'.length)).toBe(true);
    expect(hasTextAt(ATTEMPTS, 'Fail', equals - 'Fail'.length)).toBe(false);
    expect(hasTextAt(ATTEMPTS, 'Fail', 0)).toBe(true);
  });

  it('rejects a search past the end', () => {
    expect(hasTextAt('Fail', 'Failure')).toBe(false);
    expect(hasTextAt('Last Success', 'Last Success Time')).toBe(false);
    expect(hasTextAt(ATTEMPTS, 'Total=12', ATTEMPTS.length - 4)).toBe(false);
  });
});
