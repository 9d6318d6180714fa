// Cisco IOS XE CLI behaviour as data: the session code reads these patterns
// and never branches on the platform itself.

export interface PlatformProfile {
  name: string;
  /** Matches the whole last line of output when it is an exec prompt; group 1 is the hostname, group 2 `>` or `#`. */
  promptPattern: RegExp;
  /** Device-side error lines, matched at the start of a line of command output. */
  failureMarkers: readonly string[];
  /** Matches the tail of output when the device prompts for the enable secret. */
  enablePasswordPattern: RegExp;
  /** The pager prompt shown when paging is still on. */
  pagingMarker: string;
  /** The key that shows the next page. */
  pagingContinue: string;
  /** Catalog ids run right after the prompt (and enable), in this order; the echo of the first confirms the login prompt. */
  onOpenCommands: readonly string[];
  /** Line terminator sent after each command. */
  newline: string;
}

export const IOSXE: PlatformProfile = Object.freeze({
  name: 'cisco-iosxe',

  // A hostname of 1-63 word characters and `. - @ / : ( )`, then `>` (user
  // exec) or `#` (privileged exec), optional trailing spaces or BEL.
  // Parentheses are part of names such as `Switch(standby)` here; this tool
  // never enters configuration mode.
  promptPattern: /^([\w.\-@/:()]{1,63})([>#])[ \x07]*$/,

  failureMarkers: Object.freeze([
    '% Invalid input detected',
    '% Incomplete command',
    '% Ambiguous command',
    '% Authorization failed',
    'Command authorization failed',
    '% Unknown command',
    '% Bad IP address or host name',
    '% Permission denied',
  ]),

  enablePasswordPattern: /(?:^|\n)\s*(?:Enable password|Local_Password|Password):\s*$/i,

  pagingMarker: ' --More-- ',
  pagingContinue: ' ',

  onOpenCommands: Object.freeze(['terminal-length-0', 'terminal-width-0']),

  newline: '\n',
});
