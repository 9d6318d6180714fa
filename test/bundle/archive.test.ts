// Packing, publishing and unpacking bundle archives, and checking a manifest
// against the files it lists.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { archiveStem, isArchiveName, packFolder, publishFile, TargetExistsError, unpackArchive } from '../../src/bundle/archive.js';
import { hashFile, verifyManifest } from '../../src/bundle/manifest.js';
import type { BundleManifest } from '../../src/bundle/manifest.js';
import { CaptureSourceError, openCaptureSource } from '../../src/bundle/reader.js';

const FIXTURE = path.resolve('fixtures/corpus/show-license-udi/c9350-stack4-ha-udi-list.txt');

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'sldiag-archive-'));
}

/** Stages `<root>/case/sw1/show-license-udi.txt` plus a manifest for it, as a bundle does. */
async function stageBundle(): Promise<{ root: string; manifest: BundleManifest }> {
  const root = await tempDir();
  await mkdir(path.join(root, 'case', 'sw1'), { recursive: true });
  const file = path.join(root, 'case', 'sw1', 'show-license-udi.txt');
  await writeFile(file, await readFile(FIXTURE));

  const { bytes, sha256 } = await hashFile(file);
  const manifest: BundleManifest = {
    format: 'sldiag-bundle',
    version: 1,
    tool: { name: 'sldiag', version: '0.0.0' },
    collectedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    redacted: false,
    interrupted: false,
    commands: ['show license udi'],
    hosts: [
      {
        name: 'sw1',
        address: '127.0.0.1:22',
        folder: 'sw1',
        status: 'passed',
        error: null,
        commands: [
          {
            id: 'show-license-udi',
            command: 'show license udi',
            file: 'sw1/show-license-udi.txt',
            startedAt: '2026-01-01T00:00:00.000Z',
            finishedAt: '2026-01-01T00:00:01.000Z',
            bytes,
            sha256,
            failed: false,
            failure: null,
          },
        ],
      },
    ],
  };
  await writeFile(path.join(root, 'case', 'manifest.json'), JSON.stringify(manifest));
  return { root, manifest };
}

describe('archive names', () => {
  it('accepts .tar.gz and .tgz only', () => {
    expect(isArchiveName('case.tar.gz')).toBe(true);
    expect(isArchiveName('case.TGZ')).toBe(true);
    expect(isArchiveName('case.tar')).toBe(false);
    expect(isArchiveName('case.zip')).toBe(false);
  });

  it('derives the top folder name', () => {
    expect(archiveStem('/tmp/out/case-42.tar.gz')).toBe('case-42');
    expect(archiveStem('case.tgz')).toBe('case');
  });
});

describe('publishFile', () => {
  it('keeps an existing file without force', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'case.tar.gz');
    const temporary = path.join(dir, 'case.tar.gz.1.partial');
    await writeFile(target, 'earlier bundle');
    await writeFile(temporary, 'new bundle');

    await expect(publishFile(temporary, target, false)).rejects.toBeInstanceOf(TargetExistsError);
    expect(await readFile(target, 'utf8')).toBe('earlier bundle');
  });

  it('replaces an existing file with force', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'case.tar.gz');
    const temporary = path.join(dir, 'case.tar.gz.1.partial');
    await writeFile(target, 'earlier bundle');
    await writeFile(temporary, 'new bundle');

    await publishFile(temporary, target, true);
    expect(await readFile(target, 'utf8')).toBe('new bundle');
    expect(await readdir(dir)).toEqual(['case.tar.gz']);
  });

  it('leaves only the final name', async () => {
    const dir = await tempDir();
    const temporary = path.join(dir, 'case.tar.gz.1.partial');
    await writeFile(temporary, 'bundle');

    await publishFile(temporary, path.join(dir, 'case.tar.gz'), false);
    expect(await readdir(dir)).toEqual(['case.tar.gz']);
  });
});

describe('pack and unpack', () => {
  it('round-trips a staged bundle byte for byte', async () => {
    const { root } = await stageBundle();
    const archive = path.join(await tempDir(), 'case.tar.gz');
    await packFolder(root, 'case', archive);

    const unpacked = await unpackArchive(archive);
    const restored = await readFile(path.join(unpacked.dir, 'case', 'sw1', 'show-license-udi.txt'));
    expect(restored.equals(await readFile(FIXTURE))).toBe(true);

    await unpacked.dispose();
    await expect(readdir(unpacked.dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('rejects a file that is not an archive', async () => {
    const file = path.join(await tempDir(), 'broken.tar.gz');
    await writeFile(file, await readFile(FIXTURE));
    await expect(openCaptureSource(file)).rejects.toBeInstanceOf(CaptureSourceError);
  });

  it('opens the folder with the manifest', async () => {
    const { root } = await stageBundle();
    const archive = path.join(await tempDir(), 'case.tar.gz');
    await packFolder(root, 'case', archive);

    const source = await openCaptureSource(archive);
    expect(path.basename(source.dir)).toBe('case');
    expect((await readdir(source.dir)).sort()).toEqual(['manifest.json', 'sw1']);
    await source.dispose();
  });

  it('names a missing source', async () => {
    await expect(openCaptureSource(path.join(os.tmpdir(), 'sldiag-no-such-bundle.tar.gz'))).rejects.toThrow(/does not exist/);
  });
});

describe('verifyManifest', () => {
  it('passes untouched files', async () => {
    const { root, manifest } = await stageBundle();
    expect(await verifyManifest(path.join(root, 'case'), manifest)).toEqual([]);
  });

  it('reports a changed file', async () => {
    const { root, manifest } = await stageBundle();
    await writeFile(path.join(root, 'case', 'sw1', 'show-license-udi.txt'), 'edited\n');

    const problems = await verifyManifest(path.join(root, 'case'), manifest);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('sw1/show-license-udi.txt');
    expect(problems[0]!.problem).toContain('found 7 bytes');
  });

  it('reports a missing file', async () => {
    const { root, manifest } = await stageBundle();
    const empty = path.join(root, 'empty');
    await mkdir(empty);
    expect(await verifyManifest(empty, manifest)).toEqual([{ file: 'sw1/show-license-udi.txt', problem: 'missing' }]);
  });
});
