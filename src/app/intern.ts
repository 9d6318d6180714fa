// One copy of each text that many run results repeat. A fleet run keeps every
// host's findings until the report is written, and most messages, remedies and
// check names are the same on thousands of devices. An evidence line cut from
// a device output would also keep that whole output in memory, because V8
// keeps the parent string of a slice alive. So each text is stored once, as
// its own copy.
import type { Finding } from '../model/finding.js';

const pool = new Map<string, string>();

export function intern(text: string): string {
  let shared = pool.get(text);
  if (shared === undefined) {
    shared = Buffer.from(text, 'utf8').toString('utf8');
    pool.set(shared, shared);
  }
  return shared;
}

export function internFinding(finding: Finding): Finding {
  return {
    ...finding,
    mnemonic: intern(finding.mnemonic),
    check: intern(finding.check),
    message: intern(finding.message),
    evidence: finding.evidence.map((line) => ({ command: intern(line.command), line: line.line, text: intern(line.text) })),
    remedy: finding.remedy.map(intern),
    observed: finding.observed === null ? null : { count: finding.observed.count, line: intern(finding.observed.line) },
  };
}
