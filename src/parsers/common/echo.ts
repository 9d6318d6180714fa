// The prompt-and-command line some captures start with (`R1#show ntp status`).
// contentLines drops it only for `show license` commands, so parsers of other
// commands mark it as understood themselves.

import type { Line } from './lines.js';

const ECHO = /^[\w.:/()-]+[#>]\s*sh(?:o|ow)?\s+\S/i;

export function isEchoLine(line: Line): boolean {
  // Parsers call this on nearly every line, and almost no line has a prompt.
  // The prompt characters cannot be `#` or `>`, so the first character after
  // them must be one for ECHO to match.
  const trimmed = line.trimmed;
  const end = promptEnd(trimmed);
  if (end === 0 || end === trimmed.length) {
    return false;
  }

  const next = trimmed.charCodeAt(end);
  return (next === HASH || next === GREATER_THAN) && ECHO.test(trimmed);
}

/** Returns the length of the run of `[\w.:/()-]` characters at the start of `text`. */
function promptEnd(text: string): number {
  let end = 0;
  while (end < text.length && isPromptCharacter(text.charCodeAt(end))) {
    end += 1;
  }

  return end;
}

// `\w` without the `u` flag is ASCII only, also under the `i` flag.
function isPromptCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x2d && code <= 0x3a) || // - . / 0-9 :
    code === 0x5f || // _
    code === 0x28 || // (
    code === 0x29 // )
  );
}

const HASH = 0x23;
const GREATER_THAN = 0x3e;
