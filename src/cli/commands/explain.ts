// `sldiag explain`: print what a SMART_LIC message means, its variables,
// causes and remedies, from the built-in playbooks (and a user folder).
import { UsageError } from '../../errors.js';
import { findExplanation, formatExplanation } from '../../playbooks/explain.js';
import { loadBuiltinPlaybooks, loadPlaybooks } from '../../playbooks/load.js';
import { mergePlaybooks } from '../../playbooks/merge.js';

export interface ExplainCommandOptions {
  /** A mnemonic such as SMART_LIC-3-COMM_FAILED or COMM_FAILED, or a whole syslog line. */
  query: string;
  playbooks: string | null;
  write: (text: string) => void;
}

export async function explainCommand(options: ExplainCommandOptions): Promise<number> {
  const builtin = await loadBuiltinPlaybooks();
  const playbooks = options.playbooks === null ? builtin : mergePlaybooks(builtin, await loadPlaybooks(options.playbooks));

  const explanation = findExplanation(playbooks, options.query);
  if (explanation === null) {
    const known = playbooks.map((playbook) => playbook.mnemonic).join(', ');
    throw new UsageError(`no playbook explains "${options.query}"; give a mnemonic or a logged %SMART_LIC line. Known: ${known}`);
  }

  options.write(formatExplanation(explanation));
  return 0;
}
