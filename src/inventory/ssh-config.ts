// OpenSSH client configuration (ssh_config(5)) as a source of connection
// settings the inventory leaves out: HostName, User, Port, IdentityFile and
// ProxyJump. Parsing and Host/Match evaluation come from the `ssh-config`
// package; sldiag never runs a command from the file.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import SSHConfig, { LineType, type Line } from 'ssh-config';
import ssh2 from 'ssh2';

import { silentLogger, type Logger } from '../log/logger.js';

/** Settings ssh_config gives one host name, before the inventory is applied. */
export interface SshConfigHost {
  hostName: string | null;
  port: string | null;
  user: string | null;
  identityFiles: string[];
  /** The ProxyJump value as written; `none` turns off a jump set by an earlier block. */
  proxyJump: string | null;
}

/** A parsed ssh_config file. */
export class SshConfig {
  private constructor(
    readonly file: string,
    private readonly config: SSHConfig,
  ) {}

  /**
   * Parses ssh_config text. `Match exec` blocks count as not matching,
   * because running their commands is not sldiag's to do, and
   * `CanonicalizeHostName` is dropped, because the package resolves it by
   * running nslookup. Both are logged at debug level.
   */
  static parse(file: string, text: string, logger: Logger = silentLogger): SshConfig {
    const config = SSHConfig.parse(text);
    removeCanonicalisation(config, file, logger);

    for (const line of config) {
      if (line.type === LineType.DIRECTIVE && /^match$/i.test(line.param) && 'criteria' in line) {
        const criteria = Object.keys(line.criteria).map((key) => key.toLowerCase());
        if (criteria.includes('exec')) {
          logger.debug('ssh_config Match exec is never run; its block counts as not matching', { file });
        }
      }
      if (line.type === LineType.DIRECTIVE && /^include$/i.test(line.param)) {
        // NOTE: the ssh-config package (5.3) does not follow Include, so settings in included files are not applied.
        logger.debug('ssh_config Include is not followed; settings in the included files are not applied', { file });
      }
    }

    return new SshConfig(file, config);
  }

  /** Returns the settings ssh_config gives `host`, evaluated as `ssh host` would, minus Match exec. */
  lookup(host: string): SshConfigHost {
    const computed = this.config.compute(host, { ignoreCase: true, matchExec: false });
    const first = (key: string): string | null => {
      const value = computed[key];
      const text = Array.isArray(value) ? value[0] : value;
      return text === undefined || text === '' ? null : text;
    };
    const identityFiles = computed['identityfile'];

    return {
      hostName: first('hostname'),
      port: first('port'),
      user: first('user'),
      identityFiles: identityFiles === undefined ? [] : ([] as string[]).concat(identityFiles),
      proxyJump: first('proxyjump'),
    };
  }
}

/**
 * Reads the ssh_config file at `file`. A missing default file is no error
 * (most machines have none); a missing file named on the command line is.
 */
export async function readSshConfig(file: string, options: { required: boolean; logger?: Logger }): Promise<SshConfig | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !options.required) {
      options.logger?.debug('no ssh_config file; connection settings come from the inventory only', { file });
      return null;
    }
    throw new Error(`ssh_config file ${file} could not be read (${code ?? (error as Error).message}); check the path given to --ssh-config, or pass --no-ssh-config`);
  }

  return SshConfig.parse(file, text, options.logger);
}

/** Returns the default ssh_config path of the user running sldiag. */
export function defaultSshConfigPath(): string {
  return path.join(os.homedir(), '.ssh', 'config');
}

/**
 * Expands `~` and the ssh_config(5) tokens sldiag can know in an
 * IdentityFile path: %d (home folder), %u (local user), %h (remote host
 * name), %r (remote user) and %%. Returns null when the path uses another
 * token.
 */
export function expandIdentityFile(value: string, context: { host: string; user: string }): string | null {
  let unknownToken = false;
  const home = os.homedir();
  const expanded = value.replace(/%(.)/g, (token, letter: string) => {
    switch (letter) {
      case '%':
        return '%';
      case 'd':
        return home;
      case 'u':
        return os.userInfo().username;
      case 'h':
        return context.host;
      case 'r':
        return context.user;
      default:
        unknownToken = true;
        return token;
    }
  });
  if (unknownToken) {
    return null;
  }

  if (expanded === '~' || expanded.startsWith('~/')) {
    return path.join(home, expanded.slice(1));
  }
  // ssh(1) resolves a relative IdentityFile against the working folder.
  return path.resolve(expanded);
}

/**
 * Returns the first IdentityFile that exists and is a private key ssh2 can
 * read without a passphrase, because ssh(1) skips missing files and sldiag
 * cannot ask for a passphrase. Returns null when none qualifies.
 */
export function firstUsableIdentityFile(values: readonly string[], context: { host: string; user: string }): string | null {
  for (const value of values) {
    const file = expandIdentityFile(value, context);
    if (file !== null && isUnencryptedPrivateKey(file)) {
      return file;
    }
  }
  return null;
}

function isUnencryptedPrivateKey(file: string): boolean {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return false;
  }

  const parsed = ssh2.utils.parseKey(content);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  return key !== undefined && !(key instanceof Error) && key.isPrivateKey();
}

function removeCanonicalisation(config: SSHConfig, file: string, logger: Logger): void {
  const isCanonicalisation = (line: Line): boolean => line.type === LineType.DIRECTIVE && /^canonicalizehostname$/i.test(line.param);

  for (let index = config.length - 1; index >= 0; index -= 1) {
    const line = config[index];
    if (line === undefined) {
      continue;
    }
    if (isCanonicalisation(line)) {
      config.splice(index, 1);
      logger.debug('ssh_config CanonicalizeHostName is ignored', { file });
      continue;
    }
    if ('config' in line) {
      removeCanonicalisation(line.config, file, logger);
    }
  }
}

/**
 * Reads the ssh_config a command-line run requests: `false` for none
 * (--no-ssh-config), a path for that file, which must exist (--ssh-config),
 * or null for ~/.ssh/config when it exists.
 */
export async function sshConfigForRun(option: string | false | null, logger?: Logger): Promise<SshConfig | null> {
  if (option === false) {
    return null;
  }
  if (option === null) {
    return readSshConfig(defaultSshConfigPath(), { required: false, logger });
  }
  return readSshConfig(option, { required: true, logger });
}
