// Writing a bundle's content from a run: what an interruption leaves in the
// manifest and summary, and what a redacted bundle does with an output that
// was cut off.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openCaptureStream, writeHostManifest } from '../../src/app/capture.js';
import { evaluateHost } from '../../src/app/host-pipeline.js';
import { ResultStore } from '../../src/app/result-store.js';
import { verifyManifest } from '../../src/bundle/manifest.js';
import type { BundleManifest } from '../../src/bundle/manifest.js';
import { bundlePaths, createStaging, discardStaging, learnRedactions, writeBundleContent } from '../../src/bundle/writer.js';
import type { Staging } from '../../src/bundle/writer.js';
import { silentLogger } from '../../src/log/logger.js';
import type { CommandResult } from '../../src/model/command.js';
import { NO_LICENSING_INTENT } from '../../src/model/intent.js';
import type { HostError, RunResult } from '../../src/model/result.js';
import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';

const WHOLE_OUTPUT = path.resolve('fixtures/corpus/show-license-udi/cbr8-ha-same-chassis-udi.txt');
/** Its serial numbers appear nowhere in WHOLE_OUTPUT. */
const CUT_OUTPUT = path.resolve('fixtures/corpus/show-license-udi/c9350-stack4-ha-udi-list.txt');


const INTERRUPTED: HostError = { kind: 'interrupted', message: 'the run was interrupted after 1 command on this device' };
const NOT_STARTED: HostError = { kind: 'interrupted', message: 'not collected: the run was interrupted before this device was started' };

interface HostSetup {
  name: string;
  /** Whole outputs saved under their final names. */
  commands: CommandResult[];
  error: HostError | null;
}

const cleanUps: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0)) {
    await cleanUp();
  }
});

/** Returns the whole `show license udi` output as the host pipeline records it. */
async function udiCommand(): Promise<CommandResult> {
  return {
    id: 'show-license-udi',
    command: 'show license udi',
    output: await readFile(WHOLE_OUTPUT, 'utf8'),
    failure: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
  };
}

/**
 * Saves each host's outputs into the staging capture folder the way the host
 * pipeline does, evaluates it, and returns the run read back from a result store.
 */
async function stageRun(staging: Staging, hosts: HostSetup[]): Promise<RunResult> {
  const store = await ResultStore.createTemporary({ logger: silentLogger });
  cleanUps.push(() => store.close());
  const playbooks = await loadBuiltinPlaybooks();

  for (const [position, host] of hosts.entries()) {
    for (const command of host.commands) {
      const capture = await openCaptureStream(staging.captureDir, host.name, command.id);
      capture.write(command.output);
      await capture.finish();
    }
    if (host.commands.length > 0) {
      await writeHostManifest(staging.captureDir, { name: host.name, address: '127.0.0.1', commands: host.commands });
    }

    const result = evaluateHost({
      name: host.name,
      address: '127.0.0.1:22',
      commands: host.commands,
      error: host.error,
      host: { licensing: NO_LICENSING_INTENT },
      playbooks,
      now: new Date('2026-01-01T00:00:02.000Z'),
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    store.add(position, result);
  }

  await store.flush();
  return store.toRun('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:02.000Z');
}

async function newStaging(name: string, redact: boolean): Promise<Staging> {
  const paths = bundlePaths(path.resolve(`${name}.tar.gz`));
  const staging = await createStaging(paths.archive, redact);
  cleanUps.push(async () => discardStaging(staging, paths));
  return staging;
}

async function writeContent(run: RunResult, staging: Staging, redact: boolean): Promise<BundleManifest> {
  const redactor = redact ? await learnRedactions(run, [], staging.captureDir) : null;
  return writeBundleContent({ run, staging, redactor, toolVersion: '0.0.0', commands: ['show license udi'], archiveName: 'case.tar.gz' });
}

/** Lists every file below a folder, as paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('writeBundleContent after an interruption', () => {
  it('marks the manifest and summary incomplete', async () => {
    const staging = await newStaging('case', false);
    const run = await stageRun(staging, [
      { name: 'sw1', commands: [await udiCommand()], error: null },
      { name: 'sw2', commands: [await udiCommand()], error: INTERRUPTED },
      { name: 'sw3', commands: [], error: NOT_STARTED },
    ]);

    const manifest = await writeContent(run, staging, false);

    expect(manifest.interrupted).toBe(true);
    expect(manifest.hosts.map((host) => [host.name, host.error?.kind ?? null])).toEqual([
      ['sw1', null],
      ['sw2', 'interrupted'],
      ['sw3', 'interrupted'],
    ]);
    const summary = await readFile(path.join(staging.contentDir, 'SUMMARY.md'), 'utf8');
    expect(summary).toContain('**Incomplete bundle: the run was interrupted (Ctrl-C).** 2 devices of 3 were not collected or collected only in part:');
    expect(summary).toContain(`- sw2: ${INTERRUPTED.message}`);
    expect(summary).toContain(`- sw3: ${NOT_STARTED.message}`);
    expect(summary).toContain('`sldiag bundle --limit sw2,sw3`');
  });

  it('names no device in the --limit hint when redacting', async () => {
    const staging = await newStaging('case', true);
    const run = await stageRun(staging, [
      { name: 'sw1', commands: [await udiCommand()], error: null },
      { name: 'sw2', commands: [], error: NOT_STARTED },
    ]);

    await writeContent(run, staging, true);

    const summary = await readFile(path.join(staging.contentDir, 'SUMMARY.md'), 'utf8');
    expect(summary).toContain('`sldiag bundle --limit <device names from the redaction mapping>`');
  });

  it('lists the commands an interruption kept out', async () => {
    const staging = await newStaging('case', false);
    const run = await stageRun(staging, [
      { name: 'sw1', commands: [await udiCommand()], error: INTERRUPTED },
      { name: 'sw2', commands: [], error: NOT_STARTED },
    ]);

    await writeBundleContent({ run, staging, redactor: null, toolVersion: '0.0.0', commands: ['show license udi', 'show license all', 'show license status'], archiveName: 'case.tar.gz' });

    const summary = await readFile(path.join(staging.contentDir, 'SUMMARY.md'), 'utf8');
    expect(summary).toContain('| sw1 | error | 0 | 0 | show license all, show license status (interrupted) |');
    expect(summary).toContain('| sw2 | error | 0 | 0 | all 3 commands (interrupted) |');
    expect(summary).toContain('### sw1');
    expect(summary).not.toContain('### sw2');
  });

  it('says nothing of it for a complete run', async () => {
    const staging = await newStaging('case', false);
    const run = await stageRun(staging, [{ name: 'sw1', commands: [await udiCommand()], error: null }]);

    const manifest = await writeContent(run, staging, false);

    expect(manifest.interrupted).toBe(false);
    expect(await readFile(path.join(staging.contentDir, 'SUMMARY.md'), 'utf8')).not.toContain('Incomplete');
  });

  it('leaves a cut-off output out when redacting', async () => {
    const staging = await newStaging('case', true);
    const run = await stageRun(staging, [{ name: 'sw1', commands: [await udiCommand()], error: INTERRUPTED }]);
    // The next command was cut off in the middle of a serial number, as Ctrl-C or a timeout leaves it.
    const cut = await readFile(CUT_OUTPUT, 'utf8');
    const partial = path.join(staging.captureDir, 'sw1', 'show-license-all.txt.partial');
    await writeFile(partial, cut.slice(0, cut.indexOf('FOC2718Y66X') + 'FOC2718Y6'.length));

    await writeContent(run, staging, true);

    const files = await listFiles(staging.contentDir);
    expect(files.filter((file) => file.endsWith('.partial'))).toEqual([]);
    for (const file of files) {
      const content = await readFile(path.join(staging.contentDir, file), 'utf8');
      for (const serial of ['FOC2705Y8X0', 'FOC2718Y6', 'FXS2220Q20A']) {
        expect(content.includes(serial), `${serial} in ${file}`).toBe(false);
      }
    }
  });

  it('keeps a cut-off output in a plain bundle', async () => {
    const staging = await newStaging('case', false);
    const run = await stageRun(staging, [{ name: 'sw1', commands: [await udiCommand()], error: INTERRUPTED }]);
    await writeFile(path.join(staging.captureDir, 'sw1', 'show-license-all.txt.partial'), (await readFile(CUT_OUTPUT, 'utf8')).slice(0, 40));

    await writeContent(run, staging, false);

    expect((await listFiles(staging.contentDir)).sort()).toEqual(
      ['SUMMARY.md', 'manifest.json', 'report.json', 'sw1/commands.json', 'sw1/show-license-all.txt.partial', 'sw1/show-license-udi.txt'].sort(),
    );
  });

  it('lists a cut-off output in the manifest', async () => {
    const staging = await newStaging('case', false);
    const run = await stageRun(staging, [{ name: 'sw1', commands: [await udiCommand()], error: INTERRUPTED }]);
    const cut = (await readFile(CUT_OUTPUT, 'utf8')).slice(0, 40);
    await writeFile(path.join(staging.captureDir, 'sw1', 'show-license-all.txt.partial'), cut);

    const manifest = await writeContent(run, staging, false);

    const [host] = manifest.hosts;
    expect(host?.partialOutputs).toEqual([
      {
        id: 'show-license-all',
        file: 'sw1/show-license-all.txt.partial',
        bytes: Buffer.byteLength(cut),
        sha256: createHash('sha256').update(cut).digest('hex'),
      },
    ]);
    expect(await verifyManifest(staging.contentDir, manifest)).toEqual([]);
    const summary = await readFile(path.join(staging.contentDir, 'SUMMARY.md'), 'utf8');
    expect(summary).toContain('In this bundle: `sw1/show-license-all.txt.partial`.');
  });

  it('finds a changed cut-off output on verify', async () => {
    const staging = await newStaging('case', false);
    const run = await stageRun(staging, [{ name: 'sw1', commands: [await udiCommand()], error: INTERRUPTED }]);
    const partial = path.join(staging.contentDir, 'sw1', 'show-license-all.txt.partial');
    await writeFile(partial, (await readFile(CUT_OUTPUT, 'utf8')).slice(0, 40));
    const manifest = await writeContent(run, staging, false);

    await writeFile(partial, 'edited after collection\n');

    const problems = await verifyManifest(staging.contentDir, manifest);
    expect(problems.map((problem) => problem.file)).toEqual(['sw1/show-license-all.txt.partial']);
    expect(problems[0]?.problem).toMatch(/^expected 40 bytes with SHA-256 [0-9a-f]{64}, found 24 bytes/);
  });

  it('lists no cut-off output when redacting', async () => {
    const staging = await newStaging('case', true);
    const run = await stageRun(staging, [{ name: 'sw1', commands: [await udiCommand()], error: INTERRUPTED }]);
    await writeFile(path.join(staging.captureDir, 'sw1', 'show-license-all.txt.partial'), (await readFile(CUT_OUTPUT, 'utf8')).slice(0, 40));

    const manifest = await writeContent(run, staging, true);

    expect(manifest.hosts[0]?.partialOutputs).toEqual([]);
    expect(await readFile(path.join(staging.contentDir, 'SUMMARY.md'), 'utf8')).not.toContain('.txt.partial');
  });
});
