// The built executable under plain node: help, parse and configuration errors.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCli } from './harness.js';

const FIXTURES = path.resolve('fixtures');

describe('sldiag --help', () => {
  it('lists the commands with an example', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['check', 'parse', 'sim']) {
      expect(run.stdout).toContain(command);
    }
    expect(run.stdout).toContain('$ sldiag check -i inventory.yaml');
  });

  it('lists every check option with its unit and default', async () => {
    const run = await runCli(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(default: "inventory.yaml")');
    expect(run.stdout).toContain('devices checked at the same time (default: "50")');
    expect(run.stdout).toContain('--command-timeout <seconds>');
    expect(run.stdout).toContain('--fail-on <level>');
    expect(run.stdout).toContain('Exit codes:');
    expect(run.stdout).toContain('Examples:');
  });

  it('exits 2 on an unknown option', async () => {
    const run = await runCli(['check', '--no-such-option']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--no-such-option'");
  });

  it('exits 2 on a bad option value and names it', async () => {
    const run = await runCli(['check', '--concurrency', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--concurrency must be a whole number from 1 to 2000; got "many"');
  });
});

describe('sldiag check with a bad inventory', () => {
  const cases: Array<[string, string]> = [
    ['unknown-key.yaml', ':7:5: hosts[0].usernme: unknown key "usernme"; did you mean "username"?'],
    ['missing-hostname.yaml', ':7:5: hosts[1].hostname: hostname is missing'],
    ['unclosed-quote.yaml', ":2:11: the ' quote that starts here is never closed; add the closing ' at the end of the value"],
    ['clear-password.yaml', ':6:15: hosts[0].password: password is written in clear text; use ${env:NAME} or ${file:PATH}'],
  ];

  for (const [file, expected] of cases) {
    it(`exits 2 for ${file} with file, line and column`, async () => {
      const inventory = path.join(FIXTURES, 'inventory', file);
      const run = await runCli(['check', '-i', inventory, '--no-capture']);

      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${inventory}${expected}`);
      expect(run.stdout).toBe('');
    });
  }

  it('never echoes the clear-text password', async () => {
    const run = await runCli(['check', '-i', path.join(FIXTURES, 'inventory', 'clear-password.yaml'), '--no-capture']);
    expect(run.stderr).not.toContain('Cisco123!');
  });

  it('exits 2 before connecting when a password variable is unset', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-cli-'));
    const inventory = path.join(dir, 'inventory.yaml');
    await writeFile(
      inventory,
      ['defaults:', '  username: netops', '  password: ${env:SLDIAG_UNSET_PASSWORD}', 'hosts:', '  - name: sw-01', '    hostname: 127.0.0.1', ''].join('\n'),
    );

    const run = await runCli(['check', '-i', inventory, '--no-capture'], { env: { SLDIAG_UNSET_PASSWORD: undefined } });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${inventory}:3:13: defaults.password: environment variable SLDIAG_UNSET_PASSWORD is not set`);
    expect(run.stderr).toContain('(host sw-01 uses it)');
    expect(run.stdout).toBe('');
  });

  it('exits 2 for a missing inventory file', async () => {
    const run = await runCli(['check', '-i', path.join(FIXTURES, 'inventory', 'does-not-exist.yaml'), '--no-capture']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does-not-exist.yaml');
  });
});

describe('sldiag parse', () => {
  const udiFile = path.join(FIXTURES, 'corpus', 'show-license-udi', 'c9350-stack4-ha-udi-list.txt');

  it('prints the UDIs of a stack', async () => {
    const run = await runCli(['parse', 'show license udi', udiFile]);
    const record = JSON.parse(run.stdout) as { udis: Array<{ role: string | null; pid: string; sn: string }> };

    expect(run.code).toBe(0);
    expect(record.udis.map((udi) => udi.sn)).toContain('FOC2705Y8X0');
    expect(record.udis.some((udi) => udi.role === 'Member')).toBe(true);
  });

  it('reads standard input when no file is given', async () => {
    const run = await runCli(['parse', 'show-license-udi'], { input: await readFile(udiFile, 'utf8') });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse((await runCli(['parse', 'show-license-udi', udiFile])).stdout));
  });

  it('lists the lines it did not understand with --unparsed', async () => {
    const run = await runCli(['parse', 'show-license-status', '--unparsed'], { input: 'Smart Licensing is ENABLED\nthis line means nothing\n' });
    const parsed = JSON.parse(run.stdout) as { unparsed: Array<{ line: number; text: string }> };
    expect(parsed.unparsed).toContainEqual({ line: 2, text: 'this line means nothing' });
  });

  it('exits 2 for a command without a parser', async () => {
    const run = await runCli(['parse', 'show running-config', udiFile]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no parser for "show running-config"');
  });
});
