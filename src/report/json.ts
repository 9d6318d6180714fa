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
 * Writes the version 1 document host by host, reading each result back from
 * the run, so a report of thousands of devices is never built or held as a
 * whole. The text is the same as JSON.stringify of the whole document with an
 * indent of two.
 */
export async function writeJson(run: RunResult, write: (text: string) => void): Promise<void> {
  write(`{\n  "version": ${run.version},\n  "startedAt": ${JSON.stringify(run.startedAt)},\n  "finishedAt": ${JSON.stringify(run.finishedAt)},\n  "hosts": [`);

  let first = true;
  for await (const host of run.results()) {
    write(`${first ? '' : ','}\n    ${indent(JSON.stringify(hostJson(host), null, 2), 4)}`);
    first = false;
  }

  write(`${first ? '' : '\n  '}],\n  "summary": ${indent(JSON.stringify(summarise(run), null, 2), 2)}\n}\n`);
}

/** Returns the whole document as one string, for small runs such as a bundle's report. */
export async function formatJson(run: RunResult): Promise<string> {
  const parts: string[] = [];
  await writeJson(run, (text) => parts.push(text));
  return parts.join('');
}

function indent(json: string, spaces: number): string {
  return json.split('\n').join('\n' + ' '.repeat(spaces));
}
