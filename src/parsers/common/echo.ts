// The prompt-and-command line some captures start with (`R1#show ntp status`).
// contentLines drops it only for `show license` commands, so parsers of other
// commands mark it as understood themselves.

import type { Line } from './lines.js';

const ECHO = /^[\w.:/()-]+[#>]\s*sh(?:o|ow)?\s+\S/i;

export function isEchoLine(line: Line): boolean {
  return ECHO.test(line.trimmed);
}
