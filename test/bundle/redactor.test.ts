// Redaction on real device outputs: every serial number, host name, address,
// account name and token is replaced, the same value always by the same
// placeholder, and what is not sensitive stays byte for byte.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseShowLicenseTechSupport } from '../../src/parsers/show-license-tech-support.js';
import { Redactor } from '../../src/bundle/redactor.js';
import { findIpAddresses, findSensitiveValues } from '../../src/bundle/sensitive-values.js';

const fixture = (relative: string): Promise<string> => readFile(path.resolve('fixtures', relative), 'utf8');

const STACK_TECH_SUPPORT = 'devices/access-clock-unsynced-c9350/show-license-tech-support.txt';
const STACK_UDI = 'devices/access-clock-unsynced-c9350/show-license-udi.txt';
const CSLU_ALL = 'devices/branch-cslu-no-port/show-license-all.txt';
const SLOT_TABLE = 'corpus/show-license-udi/asr1006-legacy-slot-table.txt';

function redactorFor(...texts: string[]): Redactor {
  const redactor = new Redactor();
  for (const text of texts) {
    redactor.learnText(text);
  }
  return redactor;
}

describe('findSensitiveValues', () => {
  it('finds every stack member serial', async () => {
    const values = findSensitiveValues(await fixture(STACK_TECH_SUPPORT));
    const serials = new Set(values.filter((value) => value.kind === 'serial').map((value) => value.value));
    expect([...serials].sort()).toEqual(['FOC2705Y8X0', 'FOC2705Y8XF', 'FOC2718Y66X', 'FOC2719YOHR']);
  });

  it('finds account names without the as-of time', async () => {
    const values = findSensitiveValues(await fixture(STACK_TECH_SUPPORT));
    const accounts = values.filter((value) => value.kind === 'account').map((value) => value.value);
    expect(accounts).toContain('BU Production Test');
    expect(accounts).toContain('Cat9K-FranklinDT');
    expect(accounts.some((account) => account.includes('As of'))).toBe(false);
  });

  it('finds the proxy address', async () => {
    const values = findSensitiveValues(await fixture(STACK_TECH_SUPPORT));
    expect(values).toContainEqual({ kind: 'ip', value: '173.36.224.109' });
  });

  it('skips a version number shaped like an address', async () => {
    const text = await fixture(STACK_TECH_SUPPORT);
    expect(text).toContain('XOS version: 0.12.0.0');
    expect(findIpAddresses(text).map((address) => address.value)).not.toContain('0.12.0.0');
  });

  it('finds the hostname, tenant and CSLU address', async () => {
    const values = findSensitiveValues(await fixture(CSLU_ALL));
    expect(values).toContainEqual({ kind: 'hostname', value: 'Promethium-L1' });
    expect(values).toContainEqual({ kind: 'ip', value: '8.39.22.48' });
    expect(values).toContainEqual({ kind: 'account', value: 'CUBE%20Regression%20Mirabile-1' });
    expect(values.some((value) => value.value === '<none>' || value.value === 'yes')).toBe(false);
  });

  it('finds the serial in a legacy slot table', async () => {
    const values = findSensitiveValues(await fixture(SLOT_TABLE));
    expect(values).toContainEqual({ kind: 'serial', value: 'NWG1512050G' });
  });

  it('reads IPv6 addresses but not times', () => {
    const text = 'Cslu address: http://[2001:db8:10::5]:8182/cslu/v1/pi\nCurrent time: Mar 15 21:13:41 2024 UTC\n';
    expect(findIpAddresses(text).map((address) => address.value)).toEqual(['2001:db8:10::5']);
  });

  it('finds an idtoken on a configuration line', () => {
    const values = findSensitiveValues('license smart trust idtoken NjAzOWJkYzQtZTc1Ny00ZjM3LWI2YjYt local force\n');
    expect(values).toEqual([{ kind: 'token', value: 'NjAzOWJkYzQtZTc1Ny00ZjM3LWI2YjYt' }]);
  });
});

describe('Redactor', () => {
  it('removes every learned value from the output', async () => {
    const text = await fixture(STACK_TECH_SUPPORT);
    const redactor = redactorFor(text);
    const redacted = redactor.redactText(text);

    for (const entry of redactor.entries()) {
      expect(redacted, entry.original).not.toContain(entry.original);
    }
    expect(redacted).toContain('Active: PID:C9350-24U,SN:SERIAL-0001');
  });

  it('maps a serial to one placeholder across files', async () => {
    const techSupport = await fixture(STACK_TECH_SUPPORT);
    const udi = await fixture(STACK_UDI);
    const redactor = redactorFor(techSupport, udi);

    const placeholder = redactor.entries().find((entry) => entry.original === 'FOC2719YOHR')!.placeholder;
    expect(redactor.redactText(techSupport)).toContain(`PID:C9350-24U,SN:${placeholder}`);
    expect(redactor.redactText(udi)).toContain(`PID:C9350-24U,SN:${placeholder}`);
  });

  it('keeps the UDIs a parser reads', async () => {
    const text = await fixture(STACK_TECH_SUPPORT);
    const redacted = redactorFor(text).redactText(text);

    const original = parseShowLicenseTechSupport(text).record.udis;
    const parsed = parseShowLicenseTechSupport(redacted).record.udis;
    expect(parsed.map((udi) => udi.pid)).toEqual(original.map((udi) => udi.pid));
    expect(parsed.map((udi) => udi.role)).toEqual(original.map((udi) => udi.role));
    expect(new Set(parsed.map((udi) => udi.sn)).size).toBe(new Set(original.map((udi) => udi.sn)).size);
    expect(parsed.every((udi) => udi.sn.startsWith('SERIAL-'))).toBe(true);
  });

  it('changes nothing but the learned values', async () => {
    const text = await fixture(STACK_TECH_SUPPORT);
    const redactor = redactorFor(text);
    const redacted = redactor.redactText(text);

    let restored = redacted;
    for (const entry of redactor.entries()) {
      restored = restored.split(entry.placeholder).join(entry.original);
    }
    expect(restored).toBe(text);
  });

  it('replaces whole tokens only', () => {
    const redactor = new Redactor();
    redactor.learn('hostname', 'sw1');
    redactor.learn('ip', '10.1.1.1');

    expect(redactor.redactText('sw1 sw10 sw1.example.com')).toBe('HOST-0001 sw10 HOST-0001.example.com');
    expect(redactor.redactText('10.1.1.1 10.1.1.10 110.1.1.1')).toBe('IP-0001 10.1.1.10 110.1.1.1');
  });

  it('drops URL brackets around an IPv6 placeholder', () => {
    const text = 'Cslu address: http://[2001:db8:10::5]:8182/cslu/v1/pi';
    const redacted = redactorFor(text).redactText(text);
    expect(redacted).toBe('Cslu address: http://IPV6-0001:8182/cslu/v1/pi');
  });

  it('keeps the first kind of a value', () => {
    const redactor = new Redactor();
    redactor.learn('hostname', 'core-sw1');
    redactor.learn('account', 'core-sw1');
    expect(redactor.entries()).toEqual([{ kind: 'hostname', original: 'core-sw1', placeholder: 'HOST-0001' }]);
  });

  it('redacts strings inside objects', () => {
    const redactor = new Redactor();
    redactor.learn('serial', 'FOC2705Y8X0');
    const report = { name: 'sw', udis: [{ pid: 'C9350-24U', sn: 'FOC2705Y8X0' }], count: 4, when: null };
    expect(redactor.redactDeep(report)).toEqual({ name: 'sw', udis: [{ pid: 'C9350-24U', sn: 'SERIAL-0001' }], count: 4, when: null });
    expect(report.udis[0]!.sn).toBe('FOC2705Y8X0');
  });
});
