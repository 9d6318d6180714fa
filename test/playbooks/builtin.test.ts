import { describe, expect, it } from 'vitest';

import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';

describe('built-in playbooks', () => {
  it('load without problems', async () => {
    const playbooks = await loadBuiltinPlaybooks();
    const mnemonics = playbooks.map((playbook) => playbook.mnemonic);

    expect(mnemonics).toContain('SMART_LIC-3-COMM_FAILED');
    expect(mnemonics).toContain('SMART_LIC-3-POLICY_INSTALL_FAILED');
    expect(mnemonics).toContain('SMART_LIC-6-REPORTING_REQUIRED');
  });
});
