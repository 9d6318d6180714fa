// `sldiag playbooks validate [dir]`: check a playbook folder and list every
// problem as FILE:LINE:COLUMN: path: message.
import { loadBuiltinPlaybooks, loadPlaybooks } from '../../playbooks/load.js';
import { PlaybookError } from '../../playbooks/types.js';
import { EXIT } from '../exit-codes.js';

export interface ValidatePlaybooksOptions {
  /** The folder to check; null checks the built-in playbooks. */
  dir: string | null;
  write: (text: string) => void;
}

export async function validatePlaybooksCommand(options: ValidatePlaybooksOptions): Promise<number> {
  try {
    const playbooks = options.dir === null ? await loadBuiltinPlaybooks() : await loadPlaybooks(options.dir);
    const checks = playbooks.reduce((total, playbook) => total + playbook.checks.length, 0);
    options.write(`${playbooks.length} playbooks with ${checks} checks are valid\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof PlaybookError)) {
      throw error;
    }
    options.write(`${error.message}\n`);
    options.write(`${error.problems.length} problem(s) found\n`);
    return EXIT.usage;
  }
}
