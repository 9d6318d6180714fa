// `SUMMARY.md`: the page a TAC engineer reads first. It names the devices,
// what failed on each with the evidence line, which commands the device
// rejected, and how to verify and re-check the bundle.
import type { Finding } from '../model/finding.js';
import type { HostResult, RunResult } from '../model/result.js';
import { interruptedHosts } from './interruption.js';
import type { BundleManifest } from './manifest.js';

/** Builds SUMMARY.md, reading the results back from the run twice: once for the table, once for the findings. */
export async function formatSummary(run: RunResult, manifest: BundleManifest, archiveName: string): Promise<string> {
  const lines: string[] = [
    '# sldiag TAC bundle',
    '',
    `Collected by sldiag ${manifest.tool.version} from ${plural(run.hosts.length, 'device')}, ${manifest.collectedAt} to ${manifest.finishedAt}.`,
  ];

  lines.push(...formatInterruption(run, manifest.redacted));

  if (manifest.redacted) {
    lines.push(
      '',
      'Redacted: serial numbers, host names, IP addresses, account names and tokens are placeholders',
      'such as `SERIAL-0001` or `HOST-0002`. The same value always has the same placeholder, in every file.',
      'The sender kept the mapping to the original values.',
    );
  }

  lines.push('', '| Device | Status | Fail | Warn | Not collected |', '|---|---|---|---|---|');
  for await (const host of run.results()) {
    lines.push(tableRow(host, manifest.commands));
  }

  lines.push('', '## Findings');
  const problems = run.hosts.filter((host) => host.error !== null || host.findings.fail > 0 || host.findings.warn > 0);
  if (problems.length === 0) {
    lines.push('', 'Every check passed on every device.');
  }
  for await (const host of run.results()) {
    // A device the interruption kept from starting is listed once, at the top.
    const notStarted = host.error?.kind === 'interrupted' && host.commands.length === 0;
    if (notStarted || (host.error === null && !host.findings.some(isProblem))) {
      continue;
    }
    lines.push('', `### ${host.name}`, '');
    if (host.error !== null) {
      lines.push(`- Collection error (${host.error.kind}): ${host.error.message}`);
    }
    for (const finding of host.findings.filter(isProblem)) {
      lines.push(...formatFinding(finding));
    }
  }

  lines.push(
    '',
    '## Files',
    '',
    '- `manifest.json`: per device and command the CLI text, start and end time, size in bytes, SHA-256, and the device\'s error marker when it failed.',
    '- `report.json`: the full check result, as `sldiag check --format json` prints it.',
    '- `<device>/<command>.txt`: the output as the device sent it; `<device>/commands.json` lists the commands of that device.',
    ...partialOutputLines(manifest),
    '',
    'Verify a file: `sha256sum <device>/<command>.txt` and compare with `manifest.json`.',
    `Re-check every playbook without a device: \`sldiag check --from ${archiveName}\`.`,
  );

  return lines.join('\n') + '\n';
}

/** States that the bundle is incomplete and lists each device the interruption kept out. Returns no lines for a complete run. */
function formatInterruption(run: RunResult, redacted: boolean): string[] {
  const interrupted = interruptedHosts(run);
  if (interrupted.length === 0) {
    return [];
  }

  const lines = [
    '',
    `**Incomplete bundle: the run was interrupted (Ctrl-C).** ${plural(interrupted.length, 'device')} of ${run.hosts.length} ${interrupted.length === 1 ? 'was' : 'were'} not collected or collected only in part:`,
    '',
  ];
  for (const host of interrupted) {
    lines.push(`- ${host.name}: ${host.error?.message ?? 'interrupted'}`);
  }
  // Redacted names are placeholders, which only the sender's redaction mapping turns back into device names.
  const limit = redacted ? '<device names from the redaction mapping>' : interrupted.map((host) => host.name).join(',');
  lines.push('', `The sender can collect them with \`sldiag bundle --limit ${limit}\`.`);
  return lines;
}

/** Describes the cut-off outputs kept in the bundle, if there are any. */
function partialOutputLines(manifest: BundleManifest): string[] {
  const files = manifest.hosts.flatMap((host) => (host.partialOutputs ?? []).map((output) => output.file));
  if (files.length === 0) {
    return [];
  }

  return [
    `- \`<device>/<command>.txt.partial\`: what arrived of an output before a timeout, a dropped session or Ctrl-C cut it off; no check reads it, and \`manifest.json\` lists its size and SHA-256 under \`partialOutputs\`. In this bundle: ${files.map((file) => `\`${file}\``).join(', ')}.`,
  ];
}

function tableRow(host: HostResult, requested: readonly string[]): string {
  const fail = host.findings.filter((finding) => finding.result === 'fail').length;
  const warn = host.findings.filter((finding) => finding.result === 'warn').length;
  const cells = [host.name, host.status, String(fail), String(warn), notCollected(host, requested)];
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/**
 * Lists the commands without an output. Those the device rejected are
 * grouped by its error marker (`show ntp status, show clock detail (% Invalid
 * input detected)`). Those never sent or cut off when the collection stopped
 * follow, with the reason.
 */
function notCollected(host: HostResult, requested: readonly string[]): string {
  const parts: string[] = [];

  const byMarker = new Map<string, string[]>();
  for (const command of host.commands) {
    if (command.failure !== null) {
      byMarker.set(command.failure.marker, [...(byMarker.get(command.failure.marker) ?? []), command.command]);
    }
  }
  parts.push(...[...byMarker].map(([marker, commands]) => `${commands.join(', ')} (${marker})`));

  const collected = new Set(host.commands.map((command) => command.command));
  const missing = requested.filter((command) => !collected.has(command));
  if (missing.length > 0 && host.error !== null) {
    const reason = host.error.kind;
    parts.push(missing.length === requested.length ? `${requested.length === 1 ? 'the command' : `all ${requested.length} commands`} (${reason})` : `${missing.join(', ')} (${reason})`);
  }

  return parts.length === 0 ? '-' : parts.join('; ');
}

function formatFinding(finding: Finding): string[] {
  const lines = [`- **${finding.result.toUpperCase()}** %${finding.mnemonic} \`${finding.check}\`: ${finding.message}`];
  for (const evidence of finding.evidence) {
    lines.push(`  - evidence: ${evidence.command}, line ${evidence.line}: \`${evidence.text.trim()}\``);
  }
  if (finding.remedy.length > 0) {
    lines.push(`  - remedy: ${finding.remedy.map((step) => `\`${step}\``).join(', ')}`);
  }
  return lines;
}

function isProblem(finding: Finding): boolean {
  return finding.result === 'fail' || finding.result === 'warn';
}

/** Markdown table cells end at `|` and at a line break. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
