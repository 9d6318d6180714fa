// Cleans one command's raw shell output while it arrives, so a caller can
// write a large output (sl-infra dumps run to many MB) to disk as it comes.
//
// Every clean-up step works within one line: ANSI sequences, backspace erases
// and the pager marker with its erase sequence never contain a line feed. So
// cleaning complete lines one batch at a time gives the same text as cleaning
// the whole output at once. The text after the last line feed is held back,
// because it may be a pager prompt or the final exec prompt.
import { removeEcho, removePagingMarkers, removeTrailingPrompt, stripTerminalControls } from './output.js';

export interface OutputStreamOptions {
  /** The CLI text sent, to recognise its echo on the first line. */
  cli: string;
  /** The exec prompt that ends the output. */
  prompt: string;
  pagingMarker: string;
  /** Receives each cleaned piece; the pieces joined are the command's output. */
  onData?: (chunk: string) => void;
}

export class CommandOutputStream {
  private pending = '';
  private echoChecked = false;
  private readonly pieces: string[] = [];
  private handlerError: Error | null = null;

  constructor(private readonly options: OutputStreamOptions) {}

  /** The first error thrown by onData; later pieces are no longer passed to it. */
  get error(): Error | null {
    return this.handlerError;
  }

  /** Adds raw device text and passes on the complete lines it finishes. */
  push(raw: string): void {
    this.pending += raw;
    const lastNewline = this.pending.lastIndexOf('\n');
    if (lastNewline === -1) {
      return;
    }

    const complete = this.pending.slice(0, lastNewline + 1);
    this.pending = this.pending.slice(lastNewline + 1);

    let cleaned = this.clean(complete);
    if (!this.echoChecked) {
      this.echoChecked = true;
      cleaned = removeEcho(cleaned, this.options.cli);
    }
    this.emit(cleaned);
  }

  /** Cleans the held-back rest, without the trailing prompt, and returns the whole output. */
  finish(): string {
    let cleaned = this.clean(this.pending);
    this.pending = '';
    if (!this.echoChecked) {
      this.echoChecked = true;
      cleaned = removeEcho(cleaned, this.options.cli);
    }
    this.emit(removeTrailingPrompt(cleaned, this.options.prompt));

    return this.pieces.join('');
  }

  private clean(raw: string): string {
    return stripTerminalControls(removePagingMarkers(raw, this.options.pagingMarker));
  }

  private emit(piece: string): void {
    if (piece === '') {
      return;
    }
    this.pieces.push(piece);

    if (this.options.onData === undefined || this.handlerError !== null) {
      return;
    }
    try {
      this.options.onData(piece);
    } catch (error) {
      this.handlerError = error instanceof Error ? error : new Error(String(error));
    }
  }
}
