// The UDI spellings of Smart Licensing output: `PID:C9300-24UX,SN:FCW2303D16Y`,
// the short `P:C9300-24UX,S:FCW2303D16Y`, and either one after a role
// (`Active:PID:...` without a space in HA UDI lists, `Active: PID:...` with one
// in trust code and authorization blocks).

import type { Udi } from '../../model/facts.js';

const UDI_TEXT = /^(?:PID|P):([^,\s]+),\s*(?:SN|S):([^,\s]+)$/;
const ROLE_UDI = /^([A-Za-z][A-Za-z ]*?)\s*:\s*((?:PID|P):[^,\s]+,\s*(?:SN|S):[^,\s]+)$/;

/** Parses `PID:X,SN:Y` or `P:X,S:Y` into a UDI without a role; null for anything else. */
export function parseUdi(text: string): Udi | null {
  if (!mayHoldUdi(text)) {
    return null;
  }

  const match = UDI_TEXT.exec(text.trim());
  if (match === null) {
    return null;
  }

  return { role: null, pid: match[1] ?? '', sn: match[2] ?? '' };
}

/** Parses `Role:PID:X,SN:Y` or `Role: PID:X,SN:Y`; null for anything else. */
export function parseRoleUdi(text: string): Udi | null {
  if (!mayHoldUdi(text)) {
    return null;
  }

  const match = ROLE_UDI.exec(text.trim());
  if (match === null) {
    return null;
  }

  const udi = parseUdi(match[2] ?? '');
  return udi === null ? null : { role: match[1] ?? null, pid: udi.pid, sn: udi.sn };
}

// Both patterns need a comma and `P:` or `PID:`; most lines have neither, and
// these searches are much cheaper than the patterns.
function mayHoldUdi(text: string): boolean {
  return text.includes(',') && (text.includes('P:') || text.includes('ID:'));
}
