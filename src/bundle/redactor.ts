// Consistent redaction for a whole bundle. Every value is learned first, from
// every device. Then each occurrence is replaced by the same placeholder
// (`SERIAL-0003` is always the same serial number), so UDIs can still be
// compared across files and devices. The mapping back to the original values
// is for the engineer who made the bundle and never goes into the archive.
import { findSensitiveValues } from './sensitive-values.js';
import type { RedactionKind } from './sensitive-values.js';

export interface RedactionEntry {
  kind: RedactionKind;
  original: string;
  placeholder: string;
}

const PLACEHOLDER_PREFIX: Record<RedactionKind, string> = {
  serial: 'SERIAL',
  hostname: 'HOST',
  ip: 'IP',
  account: 'ACCOUNT',
  token: 'TOKEN',
};

export class Redactor {
  private readonly byValue = new Map<string, RedactionEntry>();
  private readonly counters = new Map<RedactionKind, number>();
  private pattern: RegExp | null = null;

  /** Records one value; a value already known keeps its first kind and placeholder. */
  learn(kind: RedactionKind, value: string): void {
    const original = value.trim();
    if (original === '' || this.byValue.has(original)) {
      return;
    }

    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    const prefix = kind === 'ip' && original.includes(':') ? 'IPV6' : PLACEHOLDER_PREFIX[kind];
    this.byValue.set(original, { kind, original, placeholder: `${prefix}-${String(next).padStart(4, '0')}` });
    this.pattern = null;
  }

  /** Records every sensitive value found in a command output. */
  learnText(text: string): void {
    for (const { kind, value } of findSensitiveValues(text)) {
      this.learn(kind, value);
    }
  }

  /** Returns the placeholder for a whole value, redacting inside it when it is not known as a whole. */
  redactValue(value: string): string {
    return this.byValue.get(value.trim())?.placeholder ?? this.redactText(value);
  }

  /**
   * Replaces every learned value in the text. A value counts only as a whole
   * token: `sw1` is not replaced inside `sw10`, and `10.1.1.1` not inside
   * `10.1.1.10`. An IPv6 address in URL brackets loses the brackets, so the
   * placeholder still reads as a URL host.
   */
  redactText(text: string): string {
    const pattern = this.compiledPattern();
    if (pattern === null) {
      return text;
    }

    return text.replace(pattern, (match: string, bracketed: string | undefined, plain: string | undefined) => {
      if (bracketed !== undefined) {
        const entry = this.byValue.get(bracketed);
        if (entry === undefined) {
          return match;
        }
        return entry.kind === 'ip' && bracketed.includes(':') ? entry.placeholder : `[${entry.placeholder}]`;
      }
      return this.byValue.get(plain ?? match)?.placeholder ?? match;
    });
  }

  /** Returns a copy with every string inside arrays and plain objects redacted; keys stay as they are. */
  redactDeep<T>(value: T): T {
    if (typeof value === 'string') {
      return this.redactText(value) as T;
    }
    if (Array.isArray(value)) {
      return value.map((item: unknown) => this.redactDeep(item)) as T;
    }
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.redactDeep(item)])) as T;
    }
    return value;
  }

  /** Returns the mapping in the order the values were learned. */
  entries(): RedactionEntry[] {
    return [...this.byValue.values()];
  }

  private compiledPattern(): RegExp | null {
    if (this.pattern !== null || this.byValue.size === 0) {
      return this.pattern;
    }

    // Longest first, so `core-sw1.example.com` wins over `core-sw1`.
    const alternatives = [...this.byValue.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    const start = '(?<![A-Za-z0-9_])(?<!\\d\\.)';
    const end = '(?![A-Za-z0-9_])(?!\\.\\d)';
    this.pattern = new RegExp(`\\[(${alternatives})\\]|${start}(${alternatives})${end}`, 'g');
    return this.pattern;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
