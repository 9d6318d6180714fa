// The terminal report: per device its status, then every failed or warning
// check with the mnemonic, what is wrong, the evidence line and the remedy.
import type { Finding } from '../model/finding.js';
import type { HostResult, HostStatus, RunResult } from '../model/result.js';
import { summarise } from './summary.js';

export interface TableOptions {
  /** Also list passed and skipped checks. */
  verbose: boolean;
}

const STATUS_LABEL: Record<HostStatus, string> = {
  passed: 'PASSED',
  failed: 'FAILED',
  unreachable: 'UNREACHABLE',
  error: 'ERROR',
};

const RESULT_LABEL: Record<Finding['result'], string> = { fail: 'FAIL', warn: 'WARN', pass: 'pass', skip: 'skip' };

const RESULT_ORDER: Record<Finding['result'], number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

/** Writes the report one device at a time, reading each result back from the run, then the summary line. */
export async function writeTable(run: RunResult, options: TableOptions, write: (text: string) => void): Promise<void> {
  for await (const host of run.results()) {
    write(formatHost(host, options).join('\n') + '\n\n');
  }
  write(formatSummaryLine(run) + '\n');
}

/** Returns the whole report as one string, for small runs and tests. */
export async function formatTable(run: RunResult, options: TableOptions): Promise<string> {
  const parts: string[] = [];
  await writeTable(run, options, (text) => parts.push(text));
  return parts.join('');
}

function formatHost(host: HostResult, options: TableOptions): string[] {
  const counts = { fail: 0, warn: 0, pass: 0, skip: 0 };
  for (const finding of host.findings) {
    counts[finding.result] += 1;
  }
  const actionable = host.findings.filter((finding) => finding.result === 'fail' || finding.result === 'warn');
  const causes = groupByCause(actionable).length;

  const lines = [`${host.name} (${host.address})  ${STATUS_LABEL[host.status]}  ${interruptedNote(host)}${countsText(counts, causes)}`];

  if (host.error !== null) {
    lines.push(`  error [${host.error.kind}]: ${host.error.message}`);
  }

  for (const [marker, commands] of groupFailedCommands(host)) {
    lines.push(`  not collected: ${commands.join(', ')} (${marker})`);
  }

  const shown = host.findings
    .filter((finding) => options.verbose || finding.result === 'fail' || finding.result === 'warn')
    .sort((a, b) => RESULT_ORDER[a.result] - RESULT_ORDER[b.result] || a.severity - b.severity);

  for (const cause of groupByCause(shown)) {
    const [first = [], ...others] = groupByRemedy(cause);
    lines.push(...formatFinding(first, null));
    for (const other of others) {
      lines.push(...formatFinding(other, first[0] ?? null));
    }
  }
  return lines;
}

/**
 * Groups findings by cause. One cause often explains several messages: an unsynchronised clock breaks
 * policy, authorization and trust code installs alike. Failed and warning
 * findings with the same result, topic and evidence lines are one cause. It
 * prints once for each remedy its checks give, with the other messages it
 * explains named under the lead.
 */
function groupByCause(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();

  for (const finding of findings) {
    const actionable = finding.result === 'fail' || finding.result === 'warn';
    const key = actionable ? causeKey(finding) : `${finding.check}\u0000${groups.size}`;
    const group = groups.get(key) ?? [];
    group.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => [...group].sort(byLeadOrder));
}

/**
 * The messages in the order Cisco's troubleshooting guide lists them; within
 * one cause the earlier, more general message leads. An unsynchronised clock
 * then reads as a policy install problem first, not as a SLAC problem on a
 * device that needs no SLAC.
 */
const LEAD_ORDER = [
  'SMART_LIC-3-POLICY_INSTALL_FAILED',
  'SMART_LIC-3-AUTHORIZATION_INSTALL_FAILED',
  'SMART_LIC-3-COMM_FAILED',
  'SMART_LIC-3-COMM_RESTORED',
  'SMART_LIC-3-POLICY_REMOVED',
  'SMART_LIC-3-TRUST_CODE_INSTALL_FAILED',
  'SMART_LIC-4-REPORTING_NOT_SUPPORTED',
];

function byLeadOrder(a: Finding, b: Finding): number {
  const rank = (finding: Finding): number => {
    const index = LEAD_ORDER.indexOf(finding.mnemonic);
    return index === -1 ? LEAD_ORDER.length : index;
  };
  return a.severity - b.severity || rank(a) - rank(b);
}

function causeKey(finding: Finding): string {
  const evidence = finding.evidence.map((line) => `${line.command}:${line.line}`).sort();
  return [finding.result, finding.topic, ...evidence].join('\u0000');
}

/**
 * Splits one cause, already in lead order, by remedy. Only the lead of each
 * part prints its remedy, so a check that gives other steps for the same
 * evidence leads a part of its own instead of hiding behind another check's
 * remedy. The part with the cause's lead comes first.
 */
function groupByRemedy(cause: Finding[]): Finding[][] {
  const parts = new Map<string, Finding[]>();

  for (const finding of cause) {
    const key = JSON.stringify(finding.remedy);
    const part = parts.get(key) ?? [];
    part.push(finding);
    parts.set(key, part);
  }
  return [...parts.values()];
}

/** Commands the device refused, grouped by its error marker so one cause reads as one line. */
function groupFailedCommands(host: HostResult): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const command of host.commands) {
    if (command.failure === null) {
      continue;
    }
    const commands = groups.get(command.failure.marker) ?? [];
    commands.push(shortCommand(command.command));
    groups.set(command.failure.marker, commands);
  }
  return groups;
}

/** Cuts the long pattern of a filtered command: `show running-config | include …`. */
function shortCommand(cli: string): string {
  const pipe = cli.match(/^(.*? \| include )(.{0,20})(.*)$/);
  return pipe === null || pipe[3] === '' ? cli : `${pipe[1]}${pipe[2]}…`;
}

/**
 * Formats a group of findings with one cause and one remedy: the lead in full,
 * the others as the messages it also explains. `sameEvidenceAs` is the lead
 * printed just above when this group has the same evidence but another remedy.
 */
function formatFinding([finding, ...alsoExplains]: Finding[], sameEvidenceAs: Finding | null): string[] {
  if (finding === undefined) {
    return [];
  }

  const lines = [`  ${RESULT_LABEL[finding.result].padEnd(4)}  %${finding.mnemonic}  ${finding.check}  [${finding.topic}]`];
  if (alsoExplains.length > 0) {
    lines.push(`        also explains: ${alsoExplains.map((other) => `%${other.mnemonic} (${other.check})`).join(', ')}`);
  }
  if (sameEvidenceAs !== null) {
    lines.push(`        same evidence as %${sameEvidenceAs.mnemonic} (${sameEvidenceAs.check}) above, with a different remedy`);
  }
  lines.push(`        ${finding.message}`);

  if (finding.result === 'fail' || finding.result === 'warn') {
    for (const evidence of finding.evidence) {
      lines.push(`        evidence: ${evidence.command}, line ${evidence.line}: ${evidence.text.trim()}`);
    }
    for (const step of finding.remedy) {
      lines.push(`        remedy:   ${step}`);
    }
  }
  return lines;
}

/**
 * Returns the device line's note that its counts come from a partial collection.
 * An interrupted device keeps the status `error`, which the summary line counts
 * apart from `failed`, so without the note its FAIL lines seem to contradict it.
 */
function interruptedNote(host: HostResult): string {
  if (host.error?.kind !== 'interrupted' || host.findings.length === 0) {
    return '';
  }
  return 'interrupted; checked on the outputs collected before the interruption: ';
}

function countsText(counts: Record<Finding['result'], number>, causes: number): string {
  const parts: string[] = [];
  if (counts.fail > 0) parts.push(`${counts.fail} failed`);
  if (counts.warn > 0) parts.push(`${counts.warn} warning${counts.warn === 1 ? '' : 's'}`);
  if (causes > 0 && causes < counts.fail + counts.warn) parts.push(`from ${causes} cause${causes === 1 ? '' : 's'}`);
  parts.push(`${counts.pass} passed`);
  if (counts.skip > 0) parts.push(`${counts.skip} not applicable or not collected`);
  return parts.join(', ');
}

function formatSummaryLine(run: RunResult): string {
  const summary = summarise(run);
  const status = summary.byStatus;
  const devices = summary.hosts === 1 ? '1 device' : `${summary.hosts} devices`;
  const interrupted = summary.interrupted > 0 ? ` (${summary.interrupted} of them interrupted)` : '';
  return `${devices}: ${status.passed} passed, ${status.failed} failed, ${status.unreachable} unreachable, ${status.error} error${interrupted}`;
}
