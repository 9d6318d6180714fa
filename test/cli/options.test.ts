import { describe, expect, it } from 'vitest';

import { parseCommandTimeouts } from '../../src/cli/options.js';

describe('parseCommandTimeouts', () => {
  it('reads one timeout for every command', () => {
    expect(parseCommandTimeouts('--command-timeout', '120')).toEqual({ all: 120_000, byCommand: {} });
  });

  it('reads timeouts per command beside the general one', () => {
    expect(parseCommandTimeouts('--command-timeout', 'show-platform-software-sl-infra-all=1800, 90')).toEqual({
      all: 90_000,
      byCommand: { 'show-platform-software-sl-infra-all': 1_800_000 },
    });
  });

  it('accepts a command by its CLI text', () => {
    expect(parseCommandTimeouts('--command-timeout', 'show license tech support=600').byCommand).toEqual({ 'show-license-tech-support': 600_000 });
  });

  it('rejects a command outside the catalog', () => {
    expect(() => parseCommandTimeouts('--command-timeout', 'configure-terminal=5')).toThrow(
      '--command-timeout names "configure-terminal", which is not a collected command',
    );
  });

  it('rejects a bad number and names the command', () => {
    expect(() => parseCommandTimeouts('--command-timeout', 'show-license-udi=soon')).toThrow(
      '--command-timeout show-license-udi must be a number of seconds above 0 and at most 86400; got "soon"',
    );
  });
});
