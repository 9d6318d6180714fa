// Errors from the SSH layer, classified into the kinds the report shows.
import type { ErrorKind } from '../model/result.js';

export class TransportError extends Error {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
    this.kind = kind;
  }
}

/** ssh2 adds `level` (and Node adds `code`) to the errors it emits. */
interface Ssh2ErrorFields {
  level?: string;
  code?: string;
}

/**
 * Classifies an error emitted by the ssh2 client. `endpoint` is `host:port`
 * for the message. Host key failures are classified by the verifier, which
 * records why it rejected the key, so they do not pass through here.
 */
export function classifySshError(error: Error, endpoint: string): TransportError {
  const { level, code } = error as Error & Ssh2ErrorFields;

  if (code === 'ECONNREFUSED') {
    return new TransportError('refused', `connection to ${endpoint} was refused: nothing listens on that port, or a firewall or ACL rejects it`, { cause: error });
  }

  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransportError('refused', `host name in ${endpoint} does not resolve (${code}); check the hostname in the inventory and the DNS servers of this machine`, { cause: error });
  }

  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return new TransportError('refused', `${endpoint} cannot be reached (${code}): no route to the device from this machine`, { cause: error });
  }

  if (level === 'client-timeout') {
    return new TransportError('timeout', `SSH connection to ${endpoint} timed out: ${error.message}`, { cause: error });
  }

  if (level === 'client-authentication') {
    return new TransportError('auth', `authentication to ${endpoint} failed: the device rejected every configured method (check the username and the credential; sldiag does not retry, so an AAA account is not locked)`, { cause: error });
  }

  if (code === 'ECONNRESET' || code === 'EPIPE' || /connection lost/i.test(error.message)) {
    return new TransportError('disconnected', `connection to ${endpoint} was closed by the peer: ${error.message}`, { cause: error });
  }

  return new TransportError('protocol', `SSH error from ${endpoint}: ${error.message}${level === undefined ? '' : ` (${level})`}`, { cause: error });
}
