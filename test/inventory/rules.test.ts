import { describe, expect, it } from 'vitest';

import { problemsOf, where } from './helpers.js';

// One fixture per kind of problem: [file, expected `LINE:COL path`, expected message].
const SINGLE_PROBLEMS: [string, string, string][] = [
  [
    'misplaced-hostname.yaml',
    '4:3 defaults.hostname',
    'hostname can only be set on a host, not in defaults; move it to each host under hosts',
  ],
  [
    'hostname-with-port.yaml',
    '6:15 hosts[0].hostname',
    'must be an address or DNS name without a port, not "192.0.2.10:22"; write the port under the port key',
  ],
  [
    'no-credential.yaml',
    '4:5 hosts[0].password',
    'no SSH credential is set; set password, privateKey or agent on the host, one of its groups or defaults',
  ],
  ['no-username.yaml', '4:5 hosts[0].username', 'username is missing; set it on the host, one of its groups or defaults'],
  [
    'passphrase-without-key.yaml',
    '6:5 hosts[0].passphrase',
    'passphrase is set but privateKey is not; set privateKey on the host, one of its groups or defaults, or remove passphrase',
  ],
  [
    'transport-off-with-url.yaml',
    '8:36 hosts[0].licensing.transport.url',
    'transport.url is set but transport.type is off; remove the url or set the type it belongs to',
  ],
  ['group-named-like-host.yaml', '5:3 groups.sw-01', 'group name "sw-01" is also a host name; rename the group or the host'],
  [
    'private-key-content.yaml',
    '6:17 hosts[0].privateKey',
    'privateKey contains a key, not a path; save the key in a file and write its path here',
  ],
  ['unresolved-alias.yaml', '1:11 ', 'alias *shared has no matching anchor &shared; define the anchor before this point'],
  ['duplicate-key.yaml', '7:5 ', 'this key appears twice in the same map; keep one of them'],
  ['two-documents.yaml', '4:1 ', 'the file contains more than one YAML document; keep one and remove the extra --- line'],
  ['top-level-list.yaml', '1:1 ', 'must be a map with defaults, groups and hosts, not a list'],
];

describe('inventory rules', () => {
  for (const [file, position, message] of SINGLE_PROBLEMS) {
    it(`${file.replace('.yaml', '')} located`, async () => {
      const problems = await problemsOf(file);

      expect(problems).toHaveLength(1);
      expect(where(problems[0])).toBe(position);
      expect(problems[0]?.message).toBe(message);
    });
  }

  it('malformed references never echo values', async () => {
    const problems = await problemsOf('bad-references.yaml');

    expect(problems.map(where)).toEqual(['3:13 defaults.password', '4:11 defaults.enable', '5:10 defaults.agent', '9:17 hosts[0].passphrase']);
    expect(problems[0]?.message).toContain('${env:bad-name} has an invalid variable name');
    expect(problems[1]?.message).toContain('unknown source "vault"');
    expect(problems[2]?.message).toContain('agent must be true');
    expect(problems[3]?.message).toBe('passphrase is a malformed reference; use ${env:NAME} or ${file:PATH}');
    expect(problems[3]?.message).not.toContain('UNCLOSED');
  });

  it('private key content never echoed', async () => {
    const problems = await problemsOf('private-key-content.yaml');

    expect(problems[0]?.message).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
  });

  it('bad host entries each reported', async () => {
    const problems = await problemsOf('bad-host-entries.yaml');

    expect(problems.map(where)).toEqual(['4:1 host', '7:5 hosts[0]', '8:11 hosts[1].name', '10:20 hosts[1].tags[1]']);
    expect(problems[0]?.message).toBe('unknown key "host"; did you mean "hosts"?');
    expect(problems[1]?.message).toBe('must be a map with at least name and hostname, not "sw-01"');
    expect(problems[2]?.message).toContain('not "core/01"');
    expect(problems[3]?.message).toBe('must be a tag without commas, not "a,b"; host filters separate terms with commas');
  });
});
