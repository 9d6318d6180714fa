import { describe, expect, it } from 'vitest';

import { parseInventory } from '../../src/inventory/read.js';
import { problemsOf, where } from './helpers.js';

function syntaxProblems(lines: string[]) {
  return parseInventory('/inventories/fleet.yaml', lines.join('\n')).problems;
}

describe('YAML syntax problems', () => {
  it('misindented host key', async () => {
    const problems = await problemsOf('misindented-key.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('10:1 ');
    expect(problems[0]?.message).toContain('check the indentation');
    expect(problems[0]?.message).not.toContain('never closed');
  });

  it('key indented deeper than the one above', () => {
    const problems = syntaxProblems(['hosts:', '  - name: sw-01', '    hostname: 127.0.0.1', '', '     port: 22', '  - name: sw-02']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('5:6 ');
    expect(problems[0]?.message).toContain('this line is indented deeper than the key on the line above, which already has a value; indent it like the keys next to it');
  });

  it('second key on one line', () => {
    const problems = syntaxProblems(['hosts:', '  - name: sw-01', '    hostname: 127.0.0.1 port: 22']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('3:15 ');
    expect(problems[0]?.message).toContain('invalid YAML (Nested mappings are not allowed in compact mappings)');
  });

  it('unclosed bracket and its echoes', async () => {
    const problems = await problemsOf('unclosed-bracket.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('12:13 ');
    expect(problems[0]?.message).toBe(
      'the [ that starts here is never closed; add ] after the last item; ' +
        '4 more YAML errors on lines 13 and 14 may follow from this one, so fix it first and load the file again',
    );
  });

  it('unclosed quote', async () => {
    const problems = await problemsOf('unclosed-quote.yaml');

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('2:11 ');
    expect(problems[0]?.message).toBe("the ' quote that starts here is never closed; add the closing ' at the end of the value");
  });

  it('unclosed double quote', () => {
    const problems = syntaxProblems(['hosts:', '  - name: sw-01', '    description: "Building A', '    hostname: 127.0.0.1']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('3:18 ');
    expect(problems[0]?.message).toBe('the " quote that starts here is never closed; add the closing " at the end of the value');
  });

  it('unclosed brace at the top', () => {
    const problems = syntaxProblems(['{ hosts: []']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('1:1 ');
    expect(problems[0]?.message).toContain('the { that starts here is never closed; add } after the last item');
  });

  it('closed bracket before a bad line', () => {
    const problems = syntaxProblems(['hosts:', '  - name: sw-01', '    groups: [campus]', '   hostname: 127.0.0.1']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('4:1 ');
    expect(problems[0]?.message).not.toContain('never closed');
  });

  it('missing colon is not a quote', () => {
    const problems = syntaxProblems(['hosts:', '  - name: sw-01', '    hostname 127.0.0.1', '    port: 22']);

    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBe(3);
    expect(problems.map((problem) => problem.message).join('\n')).not.toContain('never closed');
  });

  it('errors before the first derailing one stay', () => {
    const problems = syntaxProblems([
      'defaults:',
      '  username: netops',
      '  username: admin',
      'hosts:',
      '  - name: sw-01',
      '    groups: [campus',
      '  - name: sw-02',
      '    hostname: localhost',
    ]);

    expect(problems.map(where)).toEqual(['3:3 ', '6:13 ']);
    expect(problems[0]?.message).toBe('this key appears twice in the same map; keep one of them');
    expect(problems[1]?.message).toContain('the [ that starts here is never closed');
    expect(problems[1]?.message).toContain('may follow from this one');
  });

  it('one derailing error alone has no note', () => {
    const problems = syntaxProblems(['hosts:', "  - name: 'sw-01"]);

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).not.toContain('may follow');
  });

  it('unresolved alias after a derailing error folds', () => {
    const problems = syntaxProblems(['hosts:', '  - name: sw-01', '   port: 22', '  - name: sw-02', '    hostname: *address']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('3:1 ');
    expect(problems[0]?.message).toContain('; 1 more YAML error on line 5 may follow from this one');
  });

  it('long echo list is shortened', () => {
    const hosts = Array.from({ length: 8 }, (_, index) => [`  - name: sw-${index}`, '    hostname: *address']).flat();
    const problems = syntaxProblems(['hosts:', '  - name: sw-01', '   port: 22', ...hosts]);

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('8 more YAML errors on lines 5, 7, 9, 11, 13 and 3 more may follow from this one');
  });

  it('unresolved alias alone', () => {
    const problems = syntaxProblems(['hosts:', '  - name: sw-02', '    hostname: *address']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('3:15 ');
    expect(problems[0]?.message).toContain('alias *address has no matching anchor &address');
  });
});
