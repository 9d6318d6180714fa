// `--format json`: the stable machine-readable result (version 1).
import type { HostResult, RunResult } from '../model/result.js';
import { summarise } from './summary.js';

export function hostJson(host: HostResult): Record<string, unknown> {
  return {
    name: host.name,
    address: host.address,
    status: host.status,
    error: host.error,
    startedAt: host.startedAt,
    finishedAt: host.finishedAt,
    commands: host.commands.map((command) => ({
      command: command.command,
      failed: command.failure !== null,
      failure: command.failure,
      bytes: command.bytes,
    })),
    facts: host.facts,
    findings: host.findings,
  };
}

/**
 * Writes the version 1 document host by host, so a report of thousands of
 * devices is never built as one string. The text is the same as
 * JSON.stringify of the whole document with an indent of two.
 */
export function writeJson(run: RunResult, write: (text: string) => void): void {
  write(`{\n  "version": ${run.version},\n  "startedAt": ${JSON.stringify(run.startedAt)},\n  "finishedAt": ${JSON.stringify(run.finishedAt)},\n  "hosts": [`);
  run.hosts.forEach((host, index) => {
    write(`${index === 0 ? '' : ','}\n    ${indent(JSON.stringify(hostJson(host), null, 2), 4)}`);
  });
  write(`${run.hosts.length === 0 ? '' : '\n  '}],\n  "summary": ${indent(JSON.stringify(summarise(run), null, 2), 2)}\n}\n`);
}

export function formatJson(run: RunResult): string {
  const parts: string[] = [];
  writeJson(run, (text) => parts.push(text));
  return parts.join('');
}

function indent(json: string, spaces: number): string {
  return json.split('\n').join('\n' + ' '.repeat(spaces));
}
