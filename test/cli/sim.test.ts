import { describe, expect, it } from 'vitest';

import { simCommand } from '../../src/cli/commands/sim.js';
import { UsageError } from '../../src/errors.js';

describe('simCommand', () => {
  it('rejects a missing profile folder as usage', async () => {
    const run = simCommand({ devices: '/nonexistent-sldiag-profiles', knownHostsOut: null, write: () => {}, untilStopped: async () => {} });

    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow('device profile folder /nonexistent-sldiag-profiles could not be read');
    await expect(run).rejects.toThrow('pass --devices with a folder of device profiles');
  });
});
