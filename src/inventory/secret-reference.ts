// Syntax of secret references in the inventory: `${env:NAME}` and `${file:PATH}`.
// Secrets are never written in the inventory itself, so anything else is rejected
// and the rejected text is never repeated in a message.
import type { AgentRef, SecretRef } from './types.js';

export const REFERENCE_HINT = 'use ${env:NAME} or ${file:PATH}';

const REFERENCE = /^\$\{([A-Za-z]*):(.*)\}$/s;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type ParsedReference = { ok: true; ref: SecretRef } | { ok: false; reason: string };

/**
 * Parses the value of a secret key such as `password`. The reason on failure
 * starts with the key name, and quotes the value only when it is a reference,
 * so a clear-text secret never reaches a message or log.
 */
export function parseSecretReference(key: string, value: unknown): ParsedReference {
  if (typeof value !== 'string') {
    if (typeof value === 'object') {
      return { ok: false, reason: `${key} must be a reference; ${REFERENCE_HINT}` };
    }

    return { ok: false, reason: `${key} is written in clear text; ${REFERENCE_HINT}` };
  }

  const match = REFERENCE.exec(value.trim());
  if (match === null) {
    if (value.trim().startsWith('${')) {
      return { ok: false, reason: `${key} is a malformed reference; ${REFERENCE_HINT}` };
    }

    return { ok: false, reason: `${key} is written in clear text; ${REFERENCE_HINT}` };
  }

  const source = match[1] ?? '';
  const target = (match[2] ?? '').trim();

  if (source === 'env') {
    if (!ENV_NAME.test(target)) {
      return {
        ok: false,
        reason: `${key} reference ${value.trim()} has an invalid variable name; use letters, digits and _, not starting with a digit`,
      };
    }

    return { ok: true, ref: { kind: 'env', name: target } };
  }

  if (source === 'file') {
    if (target === '') {
      return { ok: false, reason: `${key} reference \${file:} has no path; write \${file:PATH}` };
    }

    return { ok: true, ref: { kind: 'file', path: target } };
  }

  return { ok: false, reason: `${key} reference uses the unknown source "${source}"; ${REFERENCE_HINT}` };
}

/** Parses `agent`: true means SSH_AUTH_SOCK, false turns an inherited agent off. */
export function parseAgentSetting(value: unknown): { ok: true; ref: AgentRef | null } | { ok: false; reason: string } {
  if (value === true) {
    return { ok: true, ref: { kind: 'env', name: 'SSH_AUTH_SOCK' } };
  }

  if (value === false) {
    return { ok: true, ref: null };
  }

  const parsed = parseSecretReference('agent', value);
  if (parsed.ok && parsed.ref.kind === 'env') {
    return { ok: true, ref: parsed.ref };
  }

  return {
    ok: false,
    reason: 'agent must be true (use SSH_AUTH_SOCK), false, or ${env:NAME} naming the variable that holds the agent socket path',
  };
}
