// The shape of an inventory file, checked with zod. Each message states what a
// value must be, and the caller adds the key path, the position and the bad value.
import { isIP } from 'node:net';
import * as z from 'zod';

import { POLICY_INTENTS } from '../model/intent.js';
import { ALGORITHM_PROFILES } from '../transport/algorithms.js';
import { parseAgentSetting, parseSecretReference } from './secret-reference.js';

export const TRANSPORT_TYPES = ['smart', 'cslu', 'callhome', 'off'] as const;

/** Host and group names become folder names in captures, so they stay path-safe. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const NAME_RULE = "letters, digits, '.', '_' and '-', starting with a letter or digit";

// Node.js timers accept a maximum delay of 2^31-1 ms and fire at once when given more.
const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

const DNS_NAME = /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

/** Builds a zod error option with the message `must be <description>`. */
function mustBe(description: string) {
  return { error: `must be ${description}` };
}

function integerBetween(minimum: number, maximum: number, description: string) {
  return z
    .number(mustBe(description))
    .int(mustBe(description))
    .min(minimum, mustBe(description))
    .max(maximum, mustBe(description));
}

function timeoutSeconds() {
  const description = `a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}`;
  return z.number(mustBe(description)).gt(0, mustBe(description)).max(MAX_TIMEOUT_SECONDS, mustBe(description));
}

function filePath(description: string) {
  return z.string(mustBe(description)).trim().min(1, mustBe(description));
}

function secretReference(key: string) {
  return z.unknown().transform((value, context) => {
    const parsed = parseSecretReference(key, value);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    }

    return parsed.ref;
  });
}

const privateKey = z
  .string(mustBe('the path of a private key file'))
  .trim()
  .min(1, mustBe('the path of a private key file'))
  .refine((value) => !value.includes('-----BEGIN'), {
    error: 'privateKey contains a key, not a path; save the key in a file and write its path here',
  });

const agent = z.unknown().transform((value, context) => {
  const parsed = parseAgentSetting(value);
  if (!parsed.ok) {
    context.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }

  return parsed.ref;
});

const transportUrl = z.string(mustBe('an http:// or https:// URL')).refine(isHttpUrl, mustBe('an http:// or https:// URL'));

const transport = z.strictObject(
  {
    type: z.enum(TRANSPORT_TYPES, mustBe(`one of ${TRANSPORT_TYPES.join(', ')}`)),
    url: transportUrl.optional(),
  },
  mustBe('a map with type and optionally url'),
);

const licensing = z.strictObject(
  {
    transport: transport.optional(),
    slacFile: filePath('the path of a SLAC file').optional(),
    ackWarningDays: integerBetween(1, Number.MAX_SAFE_INTEGER, 'a whole number of days, 1 or more').optional(),
    toleratedFailures: integerBetween(0, Number.MAX_SAFE_INTEGER, 'a whole number of failed attempts, 0 or more').optional(),
    policy: z.enum(POLICY_INTENTS, mustBe(`one of ${POLICY_INTENTS.join(', ')}`)).optional(),
  },
  mustBe('a map of licensing settings'),
);

const ssh = z.strictObject(
  {
    knownHosts: filePath('the path of a known_hosts file').nullable().optional(),
    connectTimeout: timeoutSeconds().optional(),
    commandTimeout: timeoutSeconds().nullable().optional(),
    algorithms: z.enum(ALGORITHM_PROFILES, mustBe(`one of ${ALGORITHM_PROFILES.join(', ')}`)).optional(),
  },
  mustBe('a map of SSH settings'),
);

const name = z.string(mustBe(`a name made of ${NAME_RULE}`)).regex(NAME_PATTERN, mustBe(`a name made of ${NAME_RULE}`));

const hostname = z.string(mustBe('an IP address or DNS name')).trim().superRefine((value, context) => {
  const problem = describeBadHostname(value);
  if (problem !== null) {
    context.addIssue({ code: 'custom', message: problem });
  }
});

/** One jump host: its own address and login, with secrets by reference like the host's own. */
const jumpHop = z
  .strictObject(
    {
      hostname,
      port: integerBetween(1, 65535, 'a TCP port from 1 to 65535').optional(),
      username: z.string(mustBe('a user name')).trim().min(1, mustBe('a user name')),
      password: secretReference('password').optional(),
      privateKey: privateKey.optional(),
      passphrase: secretReference('passphrase').optional(),
      agent: agent.optional(),
    },
    mustBe('a map with hostname, username and a credential'),
  )
  .superRefine((hop, context) => {
    if (hop.password === undefined && hop.privateKey === undefined && (hop.agent === undefined || hop.agent === null)) {
      context.addIssue({ code: 'custom', message: 'the jump host has no credential; set password, privateKey or agent on it' });
    }
    if (hop.passphrase !== undefined && hop.privateKey === undefined) {
      context.addIssue({ code: 'custom', path: ['passphrase'], message: 'passphrase is set but privateKey is not; set privateKey on this jump host, or remove passphrase' });
    }
  });

export type RawJumpHop = z.infer<typeof jumpHop>;

/**
 * `jump:` takes one hop as a map or several as a list, connected in list
 * order like OpenSSH's ProxyJump. Each hop is checked on its own, so every
 * problem keeps its position inside the list.
 */
const jump = z.unknown().transform((value, context): RawJumpHop[] => {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0) {
    context.addIssue({ code: 'custom', message: 'jump is an empty list; list at least one jump host, or write jump: with no value to connect directly' });
    return z.NEVER;
  }

  const hops: RawJumpHop[] = [];
  list.forEach((item, index) => {
    const parsed = jumpHop.safeParse(item);
    if (parsed.success) {
      hops.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      context.addIssue({ ...issue, path: Array.isArray(value) ? [index, ...issue.path] : issue.path } as Parameters<typeof context.addIssue>[0]);
    }
  });
  return hops;
});

/** Settings that defaults, groups and hosts share. null clears an inherited value. */
const settingsShape = {
  port: integerBetween(1, 65535, 'a TCP port from 1 to 65535').optional(),
  username: z.string(mustBe('a user name')).trim().min(1, mustBe('a user name')).optional(),
  password: secretReference('password').nullable().optional(),
  enable: secretReference('enable').nullable().optional(),
  privateKey: privateKey.nullable().optional(),
  passphrase: secretReference('passphrase').nullable().optional(),
  agent: agent.nullable().optional(),
  licensing: licensing.nullable().optional(),
  ssh: ssh.nullable().optional(),
  jump: jump.nullable().optional(),
};

const description = z.string(mustBe('text')).optional();

export const defaultsSchema = z.strictObject(settingsShape, mustBe('a map of settings'));

/** At most this many sessions at once to the group's hosts, e.g. behind one jump host or one AAA server. */
const maxSessions = integerBetween(1, 10_000, 'a whole number of sessions from 1 to 10000').optional();

export const groupSchema = z.strictObject({ description, maxSessions, ...settingsShape }, mustBe('a map of settings'));

const tag = z
  .string(mustBe('a list of tags'))
  .trim()
  .min(1, mustBe('a non-empty tag'))
  .refine((value) => !value.includes(','), { error: 'must be a tag without commas; host filters separate terms with commas' });

export const hostSchema = z.strictObject(
  {
    name,
    hostname: hostname.optional(),
    description,
    groups: z.array(z.string(mustBe('a group name')), mustBe('a list of group names')).optional(),
    tags: z.array(tag, mustBe('a list of tags')).optional(),
    ...settingsShape,
  },
  mustBe('a map with at least name and hostname'),
);

/** The top level; each part is checked with its own schema so valid parts can still be merged. */
export const topSchema = z.strictObject(
  {
    defaults: z.unknown().optional(),
    groups: z.record(z.string(), z.unknown(), mustBe('a map from group name to settings')).nullable().optional(),
    hosts: z.array(z.unknown(), mustBe('a list of hosts')),
  },
  mustBe('a map with defaults, groups and hosts'),
);

export type RawSettings = z.infer<typeof defaultsSchema>;
export type RawGroup = z.infer<typeof groupSchema>;
export type RawHost = z.infer<typeof hostSchema>;
export type RawLicensing = z.infer<typeof licensing>;
export type RawSsh = z.infer<typeof ssh>;

/** Keys that defaults, groups and hosts share, in the order they merge. */
export const SETTING_KEYS = Object.keys(settingsShape) as (keyof RawSettings)[];

/** Keys allowed in each kind of map, for "did you mean" hints. */
export const KNOWN_KEYS = {
  top: Object.keys(topSchema.shape),
  defaults: Object.keys(defaultsSchema.shape),
  group: Object.keys(groupSchema.shape),
  host: Object.keys(hostSchema.shape),
  licensing: Object.keys(licensing.shape),
  transport: Object.keys(transport.shape),
  ssh: Object.keys(ssh.shape),
  jump: Object.keys(jumpHop.shape),
} as const;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function describeBadHostname(value: string): string | null {
  if (isIP(value) !== 0 || DNS_NAME.test(value)) {
    return null;
  }

  if (value.includes('://')) {
    return 'must be an address or DNS name without a scheme such as ssh://';
  }

  if (/^[^:]+:\d+$/.test(value) || /^\[.*\]:\d+$/.test(value)) {
    return 'must be an address or DNS name without a port; write the port under the port key';
  }

  return 'must be an IP address or DNS name';
}
