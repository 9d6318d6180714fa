// The `Transport:` section.

import type { ParseContext } from '../common/context.js';
import type { Section } from '../common/blocks.js';
import { booleanOrNull, readFields } from '../common/fields.js';
import { isSentinel, valueOrNull, type Line } from '../common/lines.js';
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

/**
 * Reads `Type`, `URL`, `Cslu address`, the `Proxy:` block, `Server Identity
 * Check`, `VRF` (inline or with `Not Configured` below), `IP Mode` and
 * `Trust Point`.
 */
export function parseTransport(section: Section, transport: TransportRecord, context: ParseContext): void {
  const readProxyField = (field: 'address' | 'port') => (value: string, line: Line) => {
    transport.proxy ??= { address: null, port: null };
    transport.proxy[field] = valueOrNull(value);
    context.read(`transport.proxy.${field}`, line);
    if (!context.has('transport.proxy')) {
      context.read('transport.proxy', line);
    }
  };

  const left = readFields(
    section.lines,
    context,
    {
      Type: (value, line) => {
        transport.type = normaliseTransportType(value);
        context.read('transport.type', line);
      },
      URL: (value, line) => {
        transport.url = valueOrNull(value);
        context.read('transport.url', line);
      },
      'Cslu address': (value, line) => {
        transport.csluAddress = valueOrNull(value);
        context.read('transport.csluAddress', line);
      },
      Proxy: (_value, line) => {
        transport.proxy = null;
        context.read('transport.proxy', line);
      },
      Address: readProxyField('address'),
      Port: readProxyField('port'),
      'Server Identity Check': (value, line) => {
        transport.serverIdentityCheck = booleanOrNull(value);
        context.read('transport.serverIdentityCheck', line);
      },
      VRF: (value, line) => {
        transport.vrf = valueOrNull(value);
        context.read('transport.vrf', line);
      },
      'IP Mode': (value, line) => {
        transport.ipMode = valueOrNull(value);
        context.read('transport.ipMode', line);
      },
      'Trust Point': (value, line) => {
        transport.trustPoint = valueOrNull(value);
        context.read('transport.trustPoint', line);
      },
    },
    true,
  );

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
