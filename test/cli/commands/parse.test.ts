import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseCommand } from '../../../src/cli/commands/parse.js';
import { UsageError } from '../../../src/errors.js';

const UDI_FILE = path.resolve('fixtures', 'corpus', 'show-license-udi', 'c9350-stack4-ha-udi-list.txt');

/** Runs `sldiag parse` in process and returns what it wrote, or the usage error it raised. */
async function parse(command: string, file: string | null): Promise<{ output: string; error: UsageError | null }> {
  let output = '';
  try {
    await parseCommand({ command, file, unparsed: false, readStdin: async () => '', write: (text) => (output += text) });
    return { output, error: null };
  } catch (error) {
    if (error instanceof UsageError) {
      return { output, error };
    }
    throw error;
  }
}

describe('parseCommand', () => {
  it('suggests the closest command slug', async () => {
    const { error } = await parse('show license statuss', UDI_FILE);

    expect(error?.message).toContain('no parser for "show license statuss" (did you mean "show-license-status"?)');
    expect(error?.message).toContain('or slac for a SLAC file');
  });

  it('lists slugs without a close one', async () => {
    const { error } = await parse('show running-config', UDI_FILE);

    expect(error?.message).toContain('no parser for "show running-config"; give one of show-call-home-profile-all,');
    expect(error?.message).not.toContain('did you mean');
  });

  it('names a missing file', async () => {
    const missing = path.join(os.tmpdir(), 'sldiag-no-such-output.txt');
    const { error } = await parse('show-license-udi', missing);

    expect(error?.message).toBe(`file ${missing} not found; give the path of a saved output, or leave the file out to read standard input`);
  });

  it('names a folder given as the file', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'sldiag-parse-'));
    const { error } = await parse('show-license-udi', folder);

    expect(error?.message).toBe(`${folder} is a folder; give the path of one saved output file`);
  });

  it('prints the record of a readable file', async () => {
    const { output, error } = await parse('show-license-udi', UDI_FILE);

    expect(error).toBeNull();
    expect(JSON.parse(output)).toHaveProperty('udis');
  });
});
