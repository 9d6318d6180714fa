// The simulated IOS XE CLI on one shell channel: echo, line editing, enable,
// terminal length/width, paging, `% Invalid input` with its caret line, and
// profile outputs written in chunks.
import type { ServerChannel } from 'ssh2';

import { normaliseCli, type DeviceProfile } from './profile.js';

const PAGER_MARKER = ' --More-- ';
const PAGER_ERASE = '\b'.repeat(PAGER_MARKER.length) + ' '.repeat(PAGER_MARKER.length) + '\b'.repeat(PAGER_MARKER.length);
/** Bytes per write; odd on purpose so chunks end at arbitrary places. */
const CHUNK_BYTES = 777;
/** IOS prompts for the enable secret three times before `% Bad secrets`. */
const ENABLE_ATTEMPTS = 3;
/** Page length before `terminal length 0`; the IOS default is 24 lines. */
const DEFAULT_TERMINAL_LENGTH = 24;

const BUILTIN_COMMANDS = ['enable', 'disable', 'terminal length', 'terminal width', 'exit', 'logout'];

export interface CliShellOptions {
  latencyMs: number;
  /** Called with each line the device receives; the enable secret is reported as `<secret>`. */
  onLine(line: string): void;
  /** Called on `exit`, `logout` and the profile's drop commands: the connection ends. */
  onExit(): void;
  /** Called on the profile's reset commands, after half the output: the TCP connection is reset. */
  onReset(): void;
  /** Called on the profile's freeze commands: the connection stops reading and answering, keepalives included. */
  onFreeze(): void;
}

type InputMode = 'command' | 'enable-secret' | 'pager';

export class CliShell {
  private privileged: boolean;
  private mode: InputMode = 'command';
  private line = '';
  private pending = '';
  /** Echo of the input read so far, written in one piece as a device echoes what arrived in one read. */
  private echo = '';
  private busy = false;
  private lastWasCarriageReturn = false;
  private enableAttempts = 0;
  private terminalLength = DEFAULT_TERMINAL_LENGTH;
  private pagerLines: string[] = [];
  private closed = false;

  constructor(
    private readonly channel: ServerChannel,
    private readonly profile: DeviceProfile,
    private readonly options: CliShellOptions,
  ) {
    this.privileged = profile.enableSecret === undefined;
    channel.on('data', (data: Buffer) => {
      this.pending += data.toString('utf8');
      this.drain();
    });
    channel.on('close', () => {
      this.closed = true;
    });
  }

  get prompt(): string {
    return `${this.profile.hostname}${this.privileged ? '#' : '>'}`;
  }

  /** Writes the MOTD and the first prompt. */
  start(): void {
    void this.respond(async () => {
      if (this.profile.motd !== undefined) {
        await this.writeChunked(`\r\n${this.profile.motd.replace(/\r?\n/g, '\r\n')}\r\n`);
      }
      if (this.profile.silentShell === true) {
        // A device stuck after login: input is held back and no prompt ever comes.
        await new Promise<void>(() => undefined);
      }
      await this.writePrompt();
    });
  }

  private drain(): void {
    while (!this.busy && !this.closed && this.pending.length > 0) {
      const key = this.pending[0] ?? '';
      this.pending = this.pending.slice(1);
      this.handleKey(key);
    }
    this.flushEcho();
  }

  private flushEcho(): void {
    if (this.echo.length > 0 && !this.closed) {
      this.channel.write(this.echo);
    }
    this.echo = '';
  }

  private handleKey(key: string): void {
    if (this.mode === 'pager') {
      this.handlePagerKey(key);
      return;
    }

    // `\r\n` is one Enter.
    if (key === '\n' && this.lastWasCarriageReturn) {
      this.lastWasCarriageReturn = false;
      return;
    }
    this.lastWasCarriageReturn = key === '\r';

    const hidden = this.mode === 'enable-secret';
    if (key === '\r' || key === '\n') {
      const line = this.line;
      this.line = '';
      // The line break goes out with the echo, before the latency of the response.
      this.echo += '\r\n';
      void this.respond(() => (hidden ? this.checkEnableSecret(line) : this.execute(line)));
      return;
    }

    if (key === '\x7f' || key === '\b') {
      if (this.line.length > 0) {
        this.line = this.line.slice(0, -1);
        if (!hidden) {
          this.echo += '\b \b';
        }
      }
      return;
    }

    if (key < ' ') {
      return;
    }

    this.line += key;
    if (!hidden) {
      this.echo += key;
    }
  }

  /** Runs one answer with input held back until it is written, as a terminal line would. */
  private async respond(answer: () => Promise<void>): Promise<void> {
    this.flushEcho();
    this.busy = true;
    try {
      await answer();
    } finally {
      this.busy = false;
    }
    this.drain();
  }

  private async execute(typed: string): Promise<void> {
    this.options.onLine(typed);
    await this.delay();

    const cli = normaliseCli(typed);
    const terminal = /^terminal (length|width) (\d+)$/.exec(cli);

    if (cli === '') {
      await this.writePrompt();
    } else if (cli === 'enable') {
      await this.startEnable();
    } else if (cli === 'disable') {
      this.privileged = this.profile.enableSecret === undefined;
      await this.writePrompt();
    } else if (cli === 'exit' || cli === 'logout' || (this.profile.dropCommands ?? []).some((drop) => normaliseCli(drop) === cli)) {
      this.options.onExit();
    } else if (terminal !== null && terminal[1] === 'length' && this.profile.pagingLocked === true) {
      await this.writeInvalidInput(typed);
    } else if (terminal !== null) {
      if (terminal[1] === 'length') {
        this.terminalLength = Number(terminal[2]);
      }
      await this.writePrompt();
    } else if ((this.profile.hangCommands ?? []).some((hang) => normaliseCli(hang) === cli)) {
      // The device never answers: input stays held back until the client gives up.
      await new Promise<void>(() => undefined);
    } else if ((this.profile.freezeCommands ?? []).some((freeze) => normaliseCli(freeze) === cli)) {
      this.options.onFreeze();
    } else if ((this.profile.resetCommands ?? []).some((reset) => normaliseCli(reset) === cli)) {
      const output = this.profile.commands[cli] ?? '';
      await this.writeChunked(output.slice(0, Math.floor(output.length / 2)));
      this.options.onReset();
    } else if (this.profile.commands[cli] !== undefined) {
      await this.writeOutput(this.profile.commands[cli] ?? '');
    } else {
      await this.writeInvalidInput(typed);
    }
  }

  private async startEnable(): Promise<void> {
    if (this.privileged) {
      await this.writePrompt();
      return;
    }
    if (this.profile.enableSecret === undefined) {
      await this.write('% No password set\r\n\r\n');
      await this.writePrompt();
      return;
    }

    this.mode = 'enable-secret';
    this.enableAttempts = 0;
    await this.write(this.enablePrompt());
  }

  private async checkEnableSecret(secret: string): Promise<void> {
    this.options.onLine('<secret>');
    await this.delay();

    if (secret === this.profile.enableSecret) {
      this.mode = 'command';
      this.privileged = true;
      await this.writePrompt();
      return;
    }

    this.enableAttempts += 1;
    if (this.enableAttempts < ENABLE_ATTEMPTS) {
      await this.write(this.enablePrompt());
      return;
    }

    this.mode = 'command';
    await this.write('% Bad secrets\r\n\r\n');
    await this.writePrompt();
  }

  /** IOS prints a caret under the first word it could not parse, counted from the start of the prompt. */
  private async writeInvalidInput(typed: string): Promise<void> {
    const known = [...BUILTIN_COMMANDS, ...Object.keys(this.profile.commands), ...(this.profile.hangCommands ?? [])].map((cli) => normaliseCli(cli).split(' '));
    const words = [...typed.matchAll(/\S+/g)];

    let badWord = words.length;
    for (let index = 0; index < words.length; index += 1) {
      const prefix = words.slice(0, index + 1).map((word) => word[0].toLowerCase());
      if (!known.some((command) => prefix.every((word, position) => command[position] === word))) {
        badWord = index;
        break;
      }
    }

    if (badWord === words.length) {
      await this.write('% Incomplete command.\r\n\r\n');
      await this.writePrompt();
      return;
    }

    const column = this.prompt.length + (words[badWord]?.index ?? 0);
    await this.writeChunked(`${' '.repeat(column)}^\r\n% Invalid input detected at '^' marker.\r\n\r\n`);
    await this.writePrompt();
  }

  /** Writes a profile output, paged when terminal length is not 0, then the prompt. */
  private async writeOutput(output: string): Promise<void> {
    const lines = output.split(/(?<=\n)/);
    if (this.terminalLength === 0 || lines.length < this.terminalLength) {
      await this.writeChunked(output);
      await this.writePrompt();
      return;
    }

    this.pagerLines = lines;
    await this.writePage(this.terminalLength - 1);
  }

  private async writePage(lineCount: number): Promise<void> {
    const page = this.pagerLines.splice(0, lineCount);
    await this.writeChunked(page.join(''));

    if (this.pagerLines.length === 0) {
      this.mode = 'command';
      await this.writePrompt();
      return;
    }

    this.mode = 'pager';
    await this.write(PAGER_MARKER);
  }

  private handlePagerKey(key: string): void {
    void this.respond(async () => {
      await this.write(PAGER_ERASE);
      if (key === ' ') {
        await this.writePage(this.terminalLength - 1);
      } else if (key === '\r' || key === '\n') {
        await this.writePage(1);
      } else {
        this.pagerLines = [];
        this.mode = 'command';
        await this.writePrompt();
      }
    });
  }

  /** Writes the prompt in two pieces so a client cannot rely on it arriving whole. */
  private async writePrompt(): Promise<void> {
    const prompt = this.prompt;
    await this.write(prompt.slice(0, -1));
    await this.write(prompt.slice(-1));
  }

  private enablePrompt(): string {
    return this.profile.enablePrompt ?? 'Password: ';
  }

  private async writeChunked(text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    const chunkBytes = this.profile.chunkBytes ?? CHUNK_BYTES;
    for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
      await this.write(bytes.subarray(offset, offset + chunkBytes));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async write(data: string | Buffer): Promise<void> {
    if (this.closed || data.length === 0) {
      return;
    }
    if (!this.channel.write(data)) {
      await new Promise((resolve) => this.channel.once('drain', resolve));
    }
  }

  private async delay(): Promise<void> {
    if (this.options.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    }
  }
}
