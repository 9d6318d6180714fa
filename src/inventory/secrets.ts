// Reads secrets at connect time from where the inventory points: an environment
// variable or a file. Error messages name the variable or file, never the value.
import { readFile } from 'node:fs/promises';

import { systemErrorCode } from '../errors.js';

import type { SecretRef } from './types.js';

/** Host and key that a secret belongs to, named in error messages. */
export interface SecretOwner {
  host: string;
  key: string;
}

export class SecretError extends Error {
  override readonly name = 'SecretError';
}

/**
 * Returns the secret that `ref` points to. A file's content loses one final
 * newline (LF or CRLF) and nothing else. Throws SecretError when the variable
 * is unset or empty, or the file cannot be read or is empty.
 */
export async function resolveSecret(
  ref: SecretRef,
  env: NodeJS.ProcessEnv = process.env,
  owner?: SecretOwner,
): Promise<string> {
  const prefix = owner === undefined ? '' : `host ${owner.host}: ${owner.key}: `;

  if (ref.kind === 'env') {
    const value = env[ref.name];
    if (value === undefined) {
      throw new SecretError(`${prefix}environment variable ${ref.name} is not set; export it before running sldiag`);
    }
    if (value === '') {
      throw new SecretError(`${prefix}environment variable ${ref.name} is empty; set it to the secret`);
    }
    return value;
  }

  let content: string;
  try {
    content = await readFile(ref.path, 'utf8');
  } catch (error) {
    const code = systemErrorCode(error);
    throw new SecretError(`${prefix}${secretFileProblem(ref.path, code)}`);
  }

  const secret = content.replace(/\r?\n$/, '');
  if (secret === '') {
    throw new SecretError(`${prefix}secret file ${ref.path} is empty; write the secret into it`);
  }
  return secret;
}

/** Says why a secret file could not be read, in words for the usual causes and with the system's code for the rest. */
function secretFileProblem(path: string, code: string): string {
  switch (code) {
    case 'ENOENT':
      return `secret file ${path} not found; check the path, or create the file with the secret in it`;
    case 'EACCES':
    case 'EPERM':
      return `secret file ${path} is not readable by this user (${code}); give the user read permission, for example chmod 600 as its owner`;
    case 'EISDIR':
      return `secret file ${path} is a folder; give the path of the file that contains the secret`;
    default:
      return `cannot read secret file ${path} (${code || 'read failed'}); check the path and its permissions`;
  }
}
