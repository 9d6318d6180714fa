// Host results on disk. Each HostResult is appended to a results file as one
// JSON line as soon as its host finishes. Only a small summary per host stays
// in memory, so memory does not grow with the findings of the whole fleet.
// Reporters read the full results back one at a time, in inventory order,
// whatever order the hosts finished in.
import { createReadStream, existsSync, rmSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import type { Logger } from '../log/logger.js';
import { summariseHost } from '../model/result.js';
import type { HostError, HostResult, HostStatus, HostSummary, RunResult } from '../model/result.js';

/** Name of the results file in a capture directory. */
export const RESULTS_FILE = 'results.jsonl';

/** The results file could not be created or written. */
export class ResultStoreError extends Error {
  override readonly name = 'ResultStoreError';
}

interface Slot {
  summary: HostSummary;
  /** Byte offset of the line in the file; -1 until it is written. */
  offset: number;
  /** Length of the line in bytes, newline included. */
  length: number;
  /** The line as UTF-8 until it is written. After a failed write it stays here, so no result is lost. */
  line: Buffer | null;
}

export interface ResultStoreOptions {
  logger: Logger;
  /** Whether close() removes the file and its folder, for runs that keep no capture directory. */
  temporary?: boolean;
}

export class ResultStore {
  private readonly slots: Slot[] = [];
  /** Slots whose lines are not in the file yet, in the order they were added, which is the order they are written in. */
  private readonly unwritten: Slot[] = [];
  private size = 0;
  private writes: Promise<void> = Promise.resolve();
  private failure: ResultStoreError | null = null;
  private closed = false;

  private constructor(
    /** The results file. */
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly logger: Logger,
    /** Folder removed on close; null when the file stays. */
    private readonly temporaryDir: string | null,
  ) {}

  /**
   * Creates the results file and the folders above it. An existing results
   * file is never replaced: it belongs to an earlier run whose outputs share
   * the folder, and replacing it would lose that run's results. A path that
   * is not a regular file, such as a device file, is opened as it is.
   */
  static async create(file: string, options: ResultStoreOptions): Promise<ResultStore> {
    let handle: FileHandle;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      handle = await open(file, 'wx+').catch(async (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST' && !(await stat(file)).isFile()) {
          return open(file, 'w+');
        }
        throw error;
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(file)) {
        throw new ResultStoreError(`the results file ${file} already exists, so ${path.dirname(file)} contains an earlier run; choose another --capture-dir, or move that folder away first`);
      }
      throw new ResultStoreError(`could not create the results file ${file}: ${(error as Error).message}; check that the folder is writable, or choose another --capture-dir`);
    }
    return new ResultStore(file, handle, options.logger, options.temporary === true ? path.dirname(file) : null);
  }

  /** Creates the results file in a new private folder under the system temporary folder; close() removes both. */
  static async createTemporary(options: Omit<ResultStoreOptions, 'temporary'>): Promise<ResultStore> {
    let dir: string;
    try {
      dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-results-'));
    } catch (error) {
      throw new ResultStoreError(`could not create a temporary folder for the results in ${os.tmpdir()}: ${(error as Error).message}; set TMPDIR to a writable folder`);
    }
    return ResultStore.create(path.join(dir, RESULTS_FILE), { ...options, temporary: true });
  }

  /**
   * Stores the result of the host at this position of the inventory. The
   * line is written in the background; only its summary stays in memory.
   */
  add(position: number, result: HostResult): void {
    if (this.closed) {
      throw new ResultStoreError(`the results file ${this.file} is already closed, so the result of ${result.name} cannot be added`);
    }
    if (this.slots[position] !== undefined) {
      throw new ResultStoreError(`inventory position ${position} already has the result of ${this.slots[position].summary.name}, so ${result.name} cannot take it`);
    }

    // Encoded once, straight from the JSON text: a result is about 20 KB, and a fleet run adds thousands of them.
    const json = JSON.stringify(result);
    const line = Buffer.allocUnsafe(Buffer.byteLength(json) + 1);
    line.write(json);
    line[line.length - 1] = 0x0a;
    const slot: Slot = { summary: summariseHost(result), offset: -1, length: line.length, line };
    this.slots[position] = slot;
    this.unwritten.push(slot);

    // One write at a time, so a failed write can be cut off the end of the file and no line is left half written.
    this.writes = this.writes.then(() => this.write(slot));
  }

  /** The summaries of every stored host, in inventory order. */
  get summaries(): HostSummary[] {
    return this.slots.filter((slot) => slot !== undefined).map((slot) => slot.summary);
  }

  /** The first write that failed; null while every line reached the file. */
  get writeError(): ResultStoreError | null {
    return this.failure;
  }

  /** Builds the run over the stored hosts: summaries from memory, full results read back from the file. */
  toRun(startedAt: string, finishedAt: string): RunResult {
    return { version: 1, startedAt, finishedAt, hosts: this.summaries, results: () => this.results() };
  }

  /** Waits until every added result is written (or kept in memory after a failed write). */
  async flush(): Promise<void> {
    await this.writes;
  }

  /** Reads every stored result back, one at a time, in inventory order. */
  async *results(): AsyncGenerator<HostResult> {
    await this.flush();
    let buffer = Buffer.alloc(64 * 1024);

    for (const slot of this.slots) {
      if (slot === undefined) {
        continue;
      }
      if (slot.line !== null) {
        yield JSON.parse(slot.line.toString('utf8')) as HostResult;
        continue;
      }

      if (buffer.length < slot.length) {
        buffer = Buffer.alloc(slot.length * 2);
      }
      await this.readAt(buffer, slot);
      yield JSON.parse(buffer.toString('utf8', 0, slot.length)) as HostResult;
    }
  }

  /** Writes what is pending and closes the file. A temporary file is removed, also when closing failed. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;

    try {
      await this.flush();
      await this.handle.close();
    } finally {
      if (this.temporaryDir !== null) {
        await rm(this.temporaryDir, { recursive: true, force: true });
      }
    }
  }

  /**
   * Writes the queued lines at once, in order. It is synchronous, so it works
   * in a process exit handler. A second Ctrl-C ends the process without
   * waiting for the background writes, which would lose the results of
   * devices that finished. A line whose background write is still running is
   * written again at the same offset with the same bytes.
   */
  writePendingSync(): void {
    if (this.closed || this.failure !== null) {
      return;
    }

    let offset = this.size;
    for (const slot of this.unwritten) {
      if (slot.line === null) {
        continue;
      }
      let written = 0;
      while (written < slot.line.length) {
        written += writeSync(this.handle.fd, slot.line, written, slot.line.length - written, offset + written);
      }
      offset += slot.length;
    }
  }

  /** Removes a temporary file at once. It is synchronous, so it also works in a process exit handler. */
  removeTemporarySync(): void {
    if (this.temporaryDir !== null) {
      rmSync(this.temporaryDir, { recursive: true, force: true });
    }
  }

  private async write(slot: Slot): Promise<void> {
    if (this.failure !== null || slot.line === null) {
      return;
    }

    const bytes = slot.line;
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written, this.size + written);
        written += bytesWritten;
      }
    } catch (error) {
      await this.keepInMemory(slot, error as Error);
      return;
    }

    slot.offset = this.size;
    this.size += slot.length;
    slot.line = null;
    this.unwritten.shift();
  }

  /**
   * Handles a failed write. The half-written line is cut off, and this and
   * every later result stay in memory, so the report still lists every host.
   * The error is logged once.
   */
  private async keepInMemory(slot: Slot, error: Error): Promise<void> {
    this.failure = new ResultStoreError(
      `could not write to the results file ${this.file}: ${error.message}. The results from ${slot.summary.name} on are kept in memory, so the report still lists every device, but the file lacks them. Free disk space, or choose another --capture-dir for the next run.`,
    );
    this.logger.error(this.failure.message, { file: this.file, host: slot.summary.name });

    await this.handle.truncate(this.size).catch((caught: Error) => {
      this.logger.error('could not cut a half-written line off the results file', { file: this.file, error: caught.message });
    });
  }

  private async readAt(buffer: Buffer, slot: Slot): Promise<void> {
    let read = 0;
    while (read < slot.length) {
      const { bytesRead } = await this.handle.read(buffer, read, slot.length - read, slot.offset + read);
      if (bytesRead === 0) {
        throw new ResultStoreError(
          `the results file ${this.file} ends at byte ${slot.offset + read}, inside the result of ${slot.summary.name}; it was changed during the run, run the check again`,
        );
      }
      read += bytesRead;
    }
  }
}

/** The collection status of one host as its results file line records it, without the findings. */
export interface SavedHostStatus {
  name: string;
  address: string;
  status: HostStatus;
  error: HostError | null;
}

/** One line of a results file: the host's status, or why the line could not be read. */
export type SavedResultLine = { line: number; host: SavedHostStatus } | { line: number; problem: string };

const HOST_STATUSES: ReadonlySet<string> = new Set<HostStatus>(['passed', 'failed', 'unreachable', 'error']);

/**
 * Reads a results file one line at a time and yields each host's name,
 * address, status and error. The findings are dropped at once, so memory does
 * not grow with them. A line that is not a host result (cut off by a crash,
 * edited by hand) is yielded as a problem, and the lines after it are still read.
 */
export async function* readSavedStatuses(file: string): AsyncGenerator<SavedResultLine> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });

  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === '') {
      continue;
    }
    yield parseSavedLine(text, number);
  }
}

function parseSavedLine(text: string, line: number): SavedResultLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { line, problem: `invalid JSON (${(error as Error).message})` };
  }

  const host = savedHostStatus(parsed);
  return typeof host === 'string' ? { line, problem: host } : { line, host };
}

/**
 * Reads the name, address, status and error of a host result, or of a host
 * entry of the JSON report, which has the same fields. A returned string is
 * the reason the value is not one.
 */
export function savedHostStatus(value: unknown): SavedHostStatus | string {
  const result = value as Partial<HostResult> | null;
  if (result === null || typeof result !== 'object' || typeof result.name !== 'string' || typeof result.status !== 'string' || !HOST_STATUSES.has(result.status)) {
    return 'not a host result (expected an object with name and status)';
  }

  const error = result.error;
  const validError = error === null || error === undefined || (typeof error === 'object' && typeof error.kind === 'string' && typeof error.message === 'string');
  if (!validError) {
    return `the error of ${result.name} is not {kind, message}`;
  }

  return {
    name: result.name,
    address: typeof result.address === 'string' ? result.address : '',
    status: result.status,
    error: error === null || error === undefined ? null : { kind: error.kind, message: error.message },
  };
}
