import { describe, expect, it } from 'vitest';

import { CATALOG, CHECK_COMMANDS, findCommand, requireCommand, slugOf } from '../../src/commands/catalog.js';

describe('command catalog', () => {
  it('holds only read-only commands', () => {
    for (const command of CATALOG) {
      expect(command.cli, command.id).toMatch(/^(show |terminal (length|width) 0$|enable$)/);
    }
  });

  it('gives every command a unique, file-safe id', () => {
    const ids = CATALOG.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('uses the slug of the CLI text as id unless the command has a pipe', () => {
    for (const command of CATALOG.filter((c) => !c.cli.includes('|'))) {
      expect(command.id).toBe(slugOf(command.cli));
    }
  });

  it('finds a command by id or by CLI text', () => {
    expect(findCommand('show-license-status')?.cli).toBe('show license status');
    expect(findCommand('show   license status')?.id).toBe('show-license-status');
    expect(findCommand('show logging | include SMART_LIC')?.id).toBe('show-logging-smart-lic');
    expect(findCommand('show-logging-smart-lic')?.cli).toBe('show logging | include SMART_LIC');
  });

  it('rejects anything outside the catalog', () => {
    expect(findCommand('configure terminal')).toBeUndefined();
    expect(findCommand('license smart sync all')).toBeUndefined();
    expect(() => requireCommand('write memory')).toThrow('"write memory" is not in the read-only command catalog');
  });

  it('collects the four licensing commands for check', () => {
    expect(CHECK_COMMANDS.map((id) => requireCommand(id).cli)).toEqual([
      'show license tech support',
      'show license status',
      'show license udi',
      'show license all',
    ]);
  });
});
