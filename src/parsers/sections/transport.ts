// The `Transport:` section.

import type { ParseContext } from '../common/context.js';
import type { Section } from '../common/blocks.js';
import { booleanOrNull, FieldTable, IgnoredKeys, readFields, type FieldReader } from '../common/fields.js';
import { isSentinel, valueOrNull } from '../common/lines.js';
import type { TransportRecord } from './records.js';

/** Maps the printed transport type to its lower-case name; `Transport Off` becomes `off`. */
export function normaliseTransportType(printed: string): string | null {
  const value = valueOrNull(printed);
  if (value === null) {
    return null;
  }

  const lower = value.toLowerCase().replace(/\s+/g, ' ');
  if (lower === 'transport off' || lower === 'off') {
    return 'off';
  }

  return lower.replace(/ /g, '-');
}

function proxyFieldReader(field: 'address' | 'port'): FieldReader<TransportRecord> {
  const path = `transport.proxy.${field}`;
  return (transport, value, line, context) => {
    transport.proxy ??= { address: null, port: null };
    transport.proxy[field] = valueOrNull(value);
    context.read(path, line);
    if (!context.has('transport.proxy')) {
      context.read('transport.proxy', line);
    }
  };
}

const FIELDS: FieldTable<TransportRecord> = new FieldTable([
  [
    'Type',
    (transport, value, line, context) => {
      transport.type = normaliseTransportType(value);
      context.read('transport.type', line);
    },
  ],
  [
    'URL',
    (transport, value, line, context) => {
      transport.url = valueOrNull(value);
      context.read('transport.url', line);
    },
  ],
  [
    'Cslu address',
    (transport, value, line, context) => {
      transport.csluAddress = valueOrNull(value);
      context.read('transport.csluAddress', line);
    },
  ],
  [
    'Proxy',
    (transport, _value, line, context) => {
      transport.proxy = null;
      context.read('transport.proxy', line);
    },
  ],
  ['Address', proxyFieldReader('address')],
  ['Port', proxyFieldReader('port')],
  [
    'Server Identity Check',
    (transport, value, line, context) => {
      transport.serverIdentityCheck = booleanOrNull(value);
      context.read('transport.serverIdentityCheck', line);
    },
  ],
  [
    'VRF',
    (transport, value, line, context) => {
      transport.vrf = valueOrNull(value);
      context.read('transport.vrf', line);
    },
  ],
  [
    'IP Mode',
    (transport, value, line, context) => {
      transport.ipMode = valueOrNull(value);
      context.read('transport.ipMode', line);
    },
  ],
  [
    'Trust Point',
    (transport, value, line, context) => {
      transport.trustPoint = valueOrNull(value);
      context.read('transport.trustPoint', line);
    },
  ],
]);

/**
 * Proxy credentials under `Proxy:`. The record keeps only the proxy address
 * and port, and a diagnosis tool should not carry a password.
 */
const IGNORED = new IgnoredKeys(['Username', 'Password']);

/**
 * Reads `Type`, `URL`, `Cslu address`, the `Proxy:` block, `Server Identity
 * Check`, `VRF` (inline or with `Not Configured` below), `IP Mode` and
 * `Trust Point`.
 */
export function parseTransport(section: Section, transport: TransportRecord, context: ParseContext): void {
  const left = readFields(section.lines, context, FIELDS, transport, IGNORED);

  // A `Not Configured` line below `Proxy:` or `VRF:` leaves that field null,
  // which it already is, so the line only needs marking as understood.
  for (const line of left) {
    if (isSentinel(line.trimmed)) {
      context.use(line);
    }
  }

  // `Address: <empty>` and `Port: <empty>` describe no proxy at all.
  if (transport.proxy !== null && transport.proxy.address === null && transport.proxy.port === null) {
    transport.proxy = null;
  }
}
