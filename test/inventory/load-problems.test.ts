import { describe, expect, it } from 'vitest';

import { loadInventory } from '../../src/inventory/load.js';
import { InventoryError } from '../../src/inventory/types.js';
import { fixture, problemsOf, where } from './helpers.js';

describe('loadInventory problems', () => {
  it('unknown key with suggestion', async () => {
    const problems = await problemsOf('unknown-key.yaml');

    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(fixture('unknown-key.yaml'));
    expect(where(problems[0])).toBe('7:5 hosts[0].usernme');
    expect(problems[0]?.message).toBe('unknown key "usernme"; did you mean "username"?');
  });

  it('maxSessions out of range and on a host', async () => {
    const problems = await problemsOf('bad-max-sessions.yaml');

    expect(problems.map(where)).toEqual(['6:18 groups.jumped.maxSessions', '11:5 hosts[0].maxSessions']);
    expect(problems[0]?.message).toContain('a whole number of sessions from 1 to 10000');
    expect(problems[1]?.message).toContain('unknown key "maxSessions"');
  });

  it('missing hostname', async () => {
    const problems = await problemsOf('missing-hostname.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('7:5 hosts[1].hostname');
    expect(problems[0]?.message).toContain('hostname is missing');
  });

  it('tab in indentation', async () => {
    const problems = await problemsOf('tab-indent.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('4:1 ');
    expect(problems[0]?.message).toContain('replace the tab with spaces');
  });

  it('password in clear text', async () => {
    const problems = await problemsOf('clear-password.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('6:15 hosts[0].password');
    expect(problems[0]?.message).toBe('password is written in clear text; use ${env:NAME} or ${file:PATH}');
  });

  it('clear-text secret never echoed', async () => {
    const error = await loadInventory(fixture('clear-password.yaml')).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InventoryError);
    expect(String((error as InventoryError).message)).not.toContain('Cisco123');
  });

  it('unknown group with suggestion', async () => {
    const problems = await problemsOf('unknown-group.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('9:22 hosts[0].groups[1]');
    expect(problems[0]?.message).toBe('unknown group "campsu"; did you mean "campus"?');
  });

  it('duplicate name names both lines', async () => {
    const problems = await problemsOf('duplicate-name.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('9:11 hosts[2].name');
    expect(problems[0]?.message).toBe('name "sw-01" is already used by the host at line 5; give each host a unique name');
  });

  it('port out of range', async () => {
    const problems = await problemsOf('bad-port.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('7:11 hosts[0].port');
    expect(problems[0]?.message).toBe('must be a TCP port from 1 to 65535, not 70000');
  });

  it('unknown transport type', async () => {
    const problems = await problemsOf('bad-transport.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('5:24 defaults.licensing.transport.type');
    expect(problems[0]?.message).toBe('must be one of smart, cslu, callhome, off, not "smrt"');
  });

  it('empty file', async () => {
    const problems = await problemsOf('empty.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('1:1 ');
    expect(problems[0]?.message).toContain('the inventory is empty');
  });

  it('empty hosts list', async () => {
    const problems = await problemsOf('no-hosts.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('3:8 hosts');
    expect(problems[0]?.message).toBe('hosts is empty; add at least one host');
  });

  it('missing file names the path', async () => {
    const missing = fixture('does-not-exist.yaml');
    const error = await loadInventory(missing).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InventoryError);
    expect((error as InventoryError).message).toContain(`inventory file not found: ${missing}`);
  });

  it('every problem in one file', async () => {
    const problems = await problemsOf('many-problems.yaml');

    expect(problems.map(where)).toEqual([
      '4:3 defaults.sshh',
      '11:14 groups.campus.licensing.transport.url',
      '15:11 hosts[0].port',
      '16:13 hosts[0].enable',
      '17:5 hosts[1].hostname',
      '18:14 hosts[1].groups[0]',
      '19:11 hosts[2].name',
    ]);
    expect(problems[0]?.message).toBe('unknown key "sshh"; did you mean "ssh"?');
    expect(problems[1]?.message).toBe('must be an http:// or https:// URL, not "smartreceiver"');
    expect(problems[3]?.message).toBe('enable is written in clear text; use ${env:NAME} or ${file:PATH}');
    expect(problems[5]?.message).toContain('unknown group "core"');
  });

  it('group setting indented as a group', async () => {
    const problems = await problemsOf('group-setting-as-group.yaml');

    expect(problems.map(where)).toEqual(['7:5 groups.licensing.transport']);
    expect(problems[0]?.message).toBe('"licensing" is read as the name of a group, because it is indented like one; indent it under the group it belongs to');
  });

  it('error message lists every problem', async () => {
    const error = await loadInventory(fixture('many-problems.yaml')).catch((caught: unknown) => caught);
    const lines = (error as InventoryError).message.split('\n');

    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(`${fixture('many-problems.yaml')}:4:3: defaults.sshh: unknown key "sshh"; did you mean "ssh"?`);
    expect((error as InventoryError).message).not.toContain('letmein');
  });
});
