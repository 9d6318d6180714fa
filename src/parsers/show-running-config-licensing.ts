// `show running-config | include ^ip http client|^ip name-server|^ip domain|^ntp server|^license smart|^call-home|^crypto pki trustpoint`:
// the global configuration lines that Smart Licensing transport depends on.
//   ip http client secure-trustpoint SLA-TrustPoint
//   ip http client source-interface GigabitEthernet0/0/2
//   ip name-server 172.16.168.183
//   crypto pki trustpoint SLA-TrustPoint
// A device with none of these lines prints nothing, which is a value: nothing is configured.

import { isEchoLine } from './common/echo.js';
import { runParser } from './common/run.js';
import type { ParseResult } from './types.js';

export interface ShowRunningConfigLicensingRecord {
  /** `ip http client secure-trustpoint <name>`: the trustpoint whose certificate the HTTPS client presents. */
  httpClientSecureTrustpoint: string | null;
  /** `ip http client source-interface <interface>`: the interface whose address HTTPS requests leave from. */
  httpClientSourceInterface: string | null;
  /** The DNS servers of every `ip name-server` line, global and per VRF, in order. */
  nameServers: string[];
  /** `ip domain name <name>` or the older `ip domain-name <name>`. */
  domainName: string | null;
  /** The address or host name of every `ntp server` line, in order. */
  ntpServers: string[];
  /** Every `license smart ...` line, as printed. */
  licenseSmart: string[];
  /** True when the `call-home` configuration block exists. */
  callHome: boolean;
  /** The name of every `crypto pki trustpoint` block, in order. */
  trustpoints: string[];
}

const SECURE_TRUSTPOINT = /^ip http client secure-trustpoint (\S+)$/;
const SOURCE_INTERFACE = /^ip http client source-interface (\S+)$/;
const OTHER_HTTP_CLIENT = /^ip http client \S/;
const NAME_SERVER = /^ip name-server (?:vrf \S+ )?(\S.*)$/;
const DOMAIN_NAME = /^ip domain(?: name|-name) (?:vrf \S+ )?(\S+)$/;
const OTHER_DOMAIN = /^ip domain[ -]\S/;
const NTP_SERVER = /^ntp server (?:vrf \S+ )?(?:ip |ipv6 )?(\S+)/;
const LICENSE_SMART = /^license smart \S/;
const CALL_HOME = /^call-home$/;
const TRUSTPOINT = /^crypto pki trustpoint (\S+)/;

// Every configuration pattern above starts with `ip`, `ntp`, `license`,
// `call-home` or `crypto`, so a line with another first letter skips them all.
function mayBeConfiguration(value: string): boolean {
  const first = value.charCodeAt(0);
  return first === LETTER_I || first === LETTER_N || first === LETTER_L || first === LETTER_C;
}

const LETTER_C = 0x63;
const LETTER_I = 0x69;
const LETTER_L = 0x6c;
const LETTER_N = 0x6e;

function emptyRecord(): ShowRunningConfigLicensingRecord {
  return {
    httpClientSecureTrustpoint: null,
    httpClientSourceInterface: null,
    nameServers: [],
    domainName: null,
    ntpServers: [],
    licenseSmart: [],
    callHome: false,
    trustpoints: [],
  };
}

export function parseShowRunningConfigLicensing(text: string): ParseResult<ShowRunningConfigLicensingRecord> {
  return runParser(text, emptyRecord, (lines, context) => {
    const record = emptyRecord();

    for (const line of lines) {
      const value = line.trimmed;
      if (!mayBeConfiguration(value)) {
        if (isEchoLine(line)) {
          context.use(line);
        }
        continue;
      }

      let match: RegExpExecArray | null;
      if ((match = SECURE_TRUSTPOINT.exec(value)) !== null) {
        record.httpClientSecureTrustpoint = match[1]!;
        context.read('httpClientSecureTrustpoint', line);
      } else if ((match = SOURCE_INTERFACE.exec(value)) !== null) {
        record.httpClientSourceInterface = match[1]!;
        context.read('httpClientSourceInterface', line);
      } else if ((match = NAME_SERVER.exec(value)) !== null) {
        // One line may list several servers: `ip name-server 192.0.2.1 192.0.2.2`.
        for (const server of match[1]!.split(/\s+/)) {
          const index = record.nameServers.push(server) - 1;
          context.read(`nameServers.${index}`, line);
        }
      } else if ((match = DOMAIN_NAME.exec(value)) !== null) {
        record.domainName = match[1]!;
        context.read('domainName', line);
      } else if ((match = NTP_SERVER.exec(value)) !== null) {
        const index = record.ntpServers.push(match[1]!) - 1;
        context.read(`ntpServers.${index}`, line);
      } else if (LICENSE_SMART.test(value)) {
        const index = record.licenseSmart.push(value) - 1;
        context.read(`licenseSmart.${index}`, line);
      } else if (CALL_HOME.test(value)) {
        record.callHome = true;
        context.read('callHome', line);
      } else if ((match = TRUSTPOINT.exec(value)) !== null) {
        const index = record.trustpoints.push(match[1]!) - 1;
        context.read(`trustpoints.${index}`, line);
      } else if (OTHER_HTTP_CLIENT.test(value) || OTHER_DOMAIN.test(value) || isEchoLine(line)) {
        // `ip http client connection ...`, `ip domain lookup ...`, `ip domain list ...`: matched by the filter, not needed.
        context.use(line);
      }
    }

    return record;
  });
}
