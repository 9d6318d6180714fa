// Finds the values a redacted bundle must not contain: serial numbers, host
// names, IP addresses, Smart Account and Virtual Account names, and tokens.
// Each finder reads one spelling seen in IOS XE output. A value found once is
// then replaced everywhere it occurs, also where no label points to it.
import net from 'node:net';

export type RedactionKind = 'serial' | 'hostname' | 'ip' | 'account' | 'token';

export interface SensitiveValue {
  kind: RedactionKind;
  value: string;
}

/** Label values that mean "nothing here" rather than naming anything. */
const EMPTY_VALUES = new Set(['<none>', '<empty>', 'none', 'n/a', 'na', 'yes', 'no', 'true', 'false', 'enabled', 'disabled']);

interface Finder {
  kind: RedactionKind;
  pattern: RegExp;
  /** When set, a candidate counts only if it passes. */
  accept?: (value: string) => boolean;
}

const hasDigit = (value: string): boolean => /\d/.test(value);

const FINDERS: readonly Finder[] = [
  // `PID:C9300-24UX,SN:FCW2134L00C`, `P:C9350-24U,S:FOC2705Y8X0`, `SN: FOC...`.
  { kind: 'serial', pattern: /\b(?:SN|S)\s*:\s*([A-Za-z0-9][A-Za-z0-9_-]*)/g, accept: hasDigit },
  // `Serial Number: FOC...`, `serial number FOC...`, `Serial #: FOC...`.
  { kind: 'serial', pattern: /\bserial\s*(?:number|num|no\.?|#)\s*[:=]?\s*([A-Za-z0-9][A-Za-z0-9_-]{3,})/gi, accept: hasDigit },
  // RUM reports and API payloads: `<sn>FOC...</sn>`, `"sn":"FOC..."`.
  { kind: 'serial', pattern: /<(?:sn|serial_?number)>\s*([^<\s]+)\s*</gi, accept: hasDigit },
  { kind: 'serial', pattern: /"(?:sn|serial_?number)"\s*:\s*"([^"\s]+)"/gi, accept: hasDigit },
  // Legacy slot table rows `*  ASR1006  NWG1512050G  ASR1006:NWG1512050G`: the UDI column is PID:SN.
  { kind: 'serial', pattern: /^.*?(\S+)\s+(\S+)\s+\1:(\2)\s*$/gm },

  // `Hostname: Promethium-L1` (usage and RUM details) and `hostname edge-01` (configuration).
  { kind: 'hostname', pattern: /^\s*(?:host\s?name|device name)\s*:\s*'?([^'\s]+)'?\s*$/gim },
  { kind: 'hostname', pattern: /^hostname\s+(\S+)\s*$/gm },

  // `Smart Account: BU Production Test As of Mar 15 21:01:33 2024 UTC`, `Virtual Account Name: 'nullPtr'`.
  { kind: 'account', pattern: /^\s*(?:smart|virtual)\s+account(?:\s+name)?\s*:\s*'?(.+?)'?(?:\s+As of .*)?\s*$/gim },
  // The SSM On-Prem tenant in a CSLU address, usually the local virtual account: `/cslu/v1/pi/<tenant>`.
  { kind: 'account', pattern: /\/cslu\/v1\/pi\/([^\s/?#]+)/g },

  // `license smart trust idtoken <token> ...`, `ID Token: ...`, `token=...`.
  { kind: 'token', pattern: /\b(?:id\s?token|token)\b\s*[:=]?\s*([A-Za-z0-9+/=%_-]{16,})/gi },
];

const IPV4_CANDIDATE = /(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?![\w]|\.\d)/g;
const IPV6_CANDIDATE = /(?<![\w:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%[\w.]+)?)(?![\w:])/g;
/** `XOS version: 0.12.0.0` is a version number, not an address. */
const VERSION_BEFORE = /version\s*:?\s*$/i;

/** Returns every sensitive value in the text, in order of first appearance. */
export function findSensitiveValues(text: string): SensitiveValue[] {
  const found: Array<SensitiveValue & { index: number }> = [];

  for (const finder of FINDERS) {
    for (const match of text.matchAll(finder.pattern)) {
      const value = lastGroup(match).trim();
      if (value === '' || EMPTY_VALUES.has(value.toLowerCase()) || (finder.accept !== undefined && !finder.accept(value))) {
        continue;
      }
      found.push({ kind: finder.kind, value, index: match.index });
    }
  }

  for (const { value, index } of findIpAddresses(text)) {
    found.push({ kind: 'ip', value, index });
  }

  return found.sort((a, b) => a.index - b.index).map(({ kind, value }) => ({ kind, value }));
}

/** Returns the IPv4 and IPv6 addresses in the text with their offsets; version numbers are skipped. */
export function findIpAddresses(text: string): Array<{ value: string; index: number }> {
  const addresses: Array<{ value: string; index: number }> = [];

  for (const match of text.matchAll(IPV4_CANDIDATE)) {
    const value = match[1]!;
    const before = text.slice(Math.max(0, match.index - 16), match.index);
    if (net.isIPv4(value) && !VERSION_BEFORE.test(before)) {
      addresses.push({ value, index: match.index });
    }
  }

  for (const match of text.matchAll(IPV6_CANDIDATE)) {
    const value = match[1]!;
    const address = value.split('%')[0]!;
    if (/[0-9A-Fa-f]/.test(address) && net.isIPv6(address)) {
      addresses.push({ value, index: match.index });
    }
  }

  return addresses;
}

/** Returns `ip` for an inventory `hostname` that is an address, `hostname` for a DNS name. */
export function kindOfAddress(value: string): RedactionKind {
  return net.isIP(value) === 0 ? 'hostname' : 'ip';
}

function lastGroup(match: RegExpMatchArray): string {
  for (let index = match.length - 1; index > 0; index -= 1) {
    if (match[index] !== undefined) {
      return match[index]!;
    }
  }
  return '';
}
