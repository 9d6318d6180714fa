// Accumulates shell output and lets one caller at a time wait for a condition
// on it (a prompt, a password prompt), with a timeout.

/** How many characters at the end of the buffer the prompt checks look at. */
const TAIL_LENGTH = 2048;

export type WaitOutcome = { kind: 'matched' } | { kind: 'timeout' } | { kind: 'closed'; error: Error };

interface Waiter {
  condition: (buffer: ReadBuffer) => boolean;
  resolve: (outcome: WaitOutcome) => void;
  timer: NodeJS.Timeout;
}

export class ReadBuffer {
  private chunks: string[] = [];
  private tailText = '';
  private size = 0;
  private waiter: Waiter | null = null;
  private closedError: Error | null = null;

  /** Characters received since the last clear(). */
  get length(): number {
    return this.size;
  }

  text(): string {
    const joined = this.chunks.join('');
    this.chunks = [joined];
    return joined;
  }

  /** Returns the last characters received, enough for prompt and pager checks. */
  tail(): string {
    return this.tailText;
  }

  clear(): void {
    this.chunks = [];
    this.tailText = '';
    this.size = 0;
  }

  append(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    this.tailText = (this.tailText + text).slice(-TAIL_LENGTH);
    this.check();
  }

  /** Marks the stream as ended: the current and any later wait ends with `closed`. */
  close(error: Error): void {
    this.closedError = error;
    this.finish({ kind: 'closed', error });
  }

  /** Waits until `condition` is true (checked now and after each append), the timeout passes, or the stream closes. */
  waitFor(condition: (buffer: ReadBuffer) => boolean, timeoutMs: number): Promise<WaitOutcome> {
    if (this.waiter !== null) {
      throw new Error('ReadBuffer supports one wait at a time');
    }
    if (this.closedError !== null) {
      return Promise.resolve({ kind: 'closed', error: this.closedError });
    }
    if (condition(this)) {
      return Promise.resolve({ kind: 'matched' });
    }

    return new Promise((resolve) => {
      const timer = setTimeout(() => this.finish({ kind: 'timeout' }), timeoutMs);
      this.waiter = { condition, resolve, timer };
    });
  }

  private check(): void {
    if (this.waiter !== null && this.waiter.condition(this)) {
      this.finish({ kind: 'matched' });
    }
  }

  private finish(outcome: WaitOutcome): void {
    const waiter = this.waiter;
    if (waiter === null) {
      return;
    }
    this.waiter = null;
    clearTimeout(waiter.timer);
    waiter.resolve(outcome);
  }
}
