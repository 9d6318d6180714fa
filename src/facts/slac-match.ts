// Compares the device's UDIs with the UDIs of the SLAC file that the
// inventory names. Every UDI of an HA pair or stack must be in the file, every
// UDI of the file must belong to the device, and the file's `P:` must equal the
// device's `PID:` for the same serial number; otherwise the authorization code
// does not install.

import type { DeviceFacts, Evidence } from '../model/facts.js';
import { parseSlac } from '../parsers/slac.js';
import { udiText } from './summaries.js';

/** The SLAC file as read for one device: its text, or why it could not be read. */
export type SlacInput = { file: string; text: string } | { file: string; error: string };

export function applySlacMatch(facts: DeviceFacts, slac: SlacInput): void {
  if ('error' in slac) {
    facts.unavailable['slac-file'] = `the SLAC file ${slac.file} could not be read: ${slac.error}`;
    return;
  }

  const parsed = parseSlac(slac.text);
  const fileUdis = parsed.record.udis;
  if (fileUdis.length === 0) {
    facts.unavailable['slac-file'] = `the SLAC file ${slac.file} lists no <udi>P:<pid>,SN:<sn></udi> entry`;
    return;
  }
  if (facts.udis.length === 0) {
    // Without the device's UDIs there is nothing to compare; the UDI facts name their command.
    return;
  }

  const fileLine = (index: number): Evidence => ({
    command: slac.file,
    line: fileUdis[index]!.line,
    text: parsed.sources[`udis.${index}`]?.text ?? fileUdis[index]!.text,
  });
  const deviceBySn = new Map(facts.udis.map((udi) => [udi.sn, udi]));
  const fileBySn = new Map(fileUdis.map((udi) => [udi.sn, udi]));

  const missingIndexes = facts.udis.flatMap((udi, index) => (fileBySn.has(udi.sn) ? [] : [index]));
  const foreignIndexes = fileUdis.flatMap((udi, index) => (deviceBySn.has(udi.sn) ? [] : [index]));
  const mismatchIndexes = fileUdis.flatMap((udi, index) => {
    const device = deviceBySn.get(udi.sn);
    return device !== undefined && device.pid !== udi.pid ? [index] : [];
  });

  const match = facts.slacMatch;
  match.missingFromFile = missingIndexes.length === 0 ? null : missingIndexes.map((index) => udiText(facts.udis[index]!)).join('; ');
  match.foreignInFile = foreignIndexes.length === 0 ? null : foreignIndexes.map((index) => `P:${fileUdis[index]!.pid},SN:${fileUdis[index]!.sn}`).join('; ');
  match.pidMismatches =
    mismatchIndexes.length === 0
      ? null
      : mismatchIndexes.map((index) => {
          const udi = fileUdis[index]!;
          return `SN ${udi.sn} (file P:${udi.pid}, device PID:${deviceBySn.get(udi.sn)?.pid ?? ''})`;
        }).join('; ');

  facts.evidence['slacMatch'] = fileLine(0);
  const deviceLine = missingIndexes[0] === undefined ? undefined : facts.evidence[`udis.${missingIndexes[0]}`];
  facts.evidence['slacMatch.missingFromFile'] = deviceLine ?? fileLine(0);
  facts.evidence['slacMatch.foreignInFile'] = fileLine(foreignIndexes[0] ?? 0);
  facts.evidence['slacMatch.pidMismatches'] = fileLine(mismatchIndexes[0] ?? 0);
}
