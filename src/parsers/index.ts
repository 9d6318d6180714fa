// Parsers by catalog id. Callers look a parser up by the id of the command
// whose output they hold.

import type { Parser } from './types.js';

export const PARSERS: Record<string, Parser<unknown>> = {};
