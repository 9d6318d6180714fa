// Clean-up of raw shell output into a command's output. Everything except
// terminal control residue, the echoed command line and the trailing prompt is
// kept as the device sent it, line endings included.
import type { CommandFailure } from '../model/command.js';

// CSI sequences (ESC [ ... final byte), OSC sequences (ESC ] ... BEL or ESC \),
// and two-byte escapes such as ESC ( B or ESC =.
const ANSI_PATTERN = /\x1b\[[0-9;?]*[ -\/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78cDEHMZ]/g;

/** Removes ANSI escape sequences and applies backspaces the way a terminal would erase characters. */
export function stripTerminalControls(text: string): string {
  let result = text.replace(ANSI_PATTERN, '');
  if (!result.includes('\x08')) {
    return result;
  }

  // Each backspace erases the character before it on the same line.
  const eraseOne = /[^\r\n\x08]\x08/g;
  let previous;
  do {
    previous = result;
    result = result.replace(eraseOne, '');
  } while (result !== previous);

  return result.replace(/\x08/g, '');
}

/**
 * Removes pager prompts together with the erase sequence the device writes
 * after the key press: backspaces, spaces, backspaces, or a carriage return,
 * spaces, carriage return.
 */
// NOTE: the exact erase bytes of IOS XE after ` --More-- ` are not documented.
// Both forms seen on terminals are handled here, and stripTerminalControls
// applies any backspaces left over.
export function removePagingMarkers(text: string, marker: string): string {
  const core = escapeRegExp(marker.trim());
  const pattern = new RegExp(` ?${core} ?(?:\\x08+ *\\x08+|\\r +\\r)?`, 'g');
  return text.replace(pattern, '');
}

/**
 * Returns the output between the echoed command line and the trailing prompt.
 * The echo is dropped only when the first line contains the command text.
 */
export function extractCommandOutput(raw: string, cli: string, prompt: string): string {
  return removeTrailingPrompt(removeEcho(raw, cli), prompt);
}

/** Drops the first line when it contains the command text, the way the device echoes it. */
export function removeEcho(text: string, cli: string): string {
  const firstNewline = text.indexOf('\n');
  if (firstNewline !== -1 && text.slice(0, firstNewline).includes(cli)) {
    return text.slice(firstNewline + 1);
  }
  return text;
}

/** Drops the prompt (with trailing spaces or BEL) at the very end of the text. */
export function removeTrailingPrompt(text: string, prompt: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\x07')) {
    end -= 1;
  }
  return end >= prompt.length && text.startsWith(prompt, end - prompt.length) ? text.slice(0, end - prompt.length) : text;
}

/**
 * Finds the first device error line, e.g. `% Invalid input detected at '^' marker.`
 * A marker counts only at the start of a line, after optional white space.
 * It searches for each marker instead of splitting the output into lines,
 * because almost every output has none.
 */
export function findFailure(output: string, markers: readonly string[]): CommandFailure | null {
  let found: { at: number; marker: string } | null = null;
  for (const marker of markers) {
    const at = indexAtLineStart(output, marker, found?.at ?? output.length);
    if (at !== -1) {
      found = { at, marker };
    }
  }

  if (found === null) {
    return null;
  }
  const rest = output.slice(found.at);
  const end = rest.search(/[\r\n]/);
  return { marker: found.marker, message: (end === -1 ? rest : rest.slice(0, end)).trimEnd() };
}

/** Returns the first index before `limit` where `marker` starts a line, white space aside, or -1. */
function indexAtLineStart(text: string, marker: string, limit: number): number {
  for (let at = text.indexOf(marker); at !== -1 && at < limit; at = text.indexOf(marker, at + 1)) {
    let before = at - 1;
    while (before >= 0 && text[before] !== '\n' && text[before] !== '\r' && /\s/.test(text[before] ?? '')) {
      before -= 1;
    }
    if (before < 0 || text[before] === '\n' || text[before] === '\r') {
      return at;
    }
  }
  return -1;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
