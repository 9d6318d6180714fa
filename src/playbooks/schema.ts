// Validates a parsed playbook document and turns it into a Playbook,
// collecting every problem instead of stopping at the first.
import { TOPICS, type Topic } from '../model/finding.js';
import { parseLineClues } from './clue-schema.js';
import { parseCondition, parseFieldPath } from './condition-schema.js';
import { describeValue, isRecord, rejectUnknownKeys, type Issues } from './issues.js';
import type { NodePath } from './locate.js';
import { parseTemplate } from './template.js';
import type { Check, CheckLevel, MessageVariant, Playbook, RemedyItem } from './types.js';

const PLAYBOOK_KEYS = ['mnemonic', 'severity', 'text', 'variables', 'explanation', 'checks', 'lineClues'] as const;
const CHECK_KEYS = ['id', 'topic', 'level', 'severity', 'when', 'appliesWhen', 'expect', 'message', 'passMessage', 'evidence', 'remedy'] as const;
const LEVELS: readonly CheckLevel[] = ['fail', 'warn', 'info'];
/** Syslog severities from 5 (notice) up are informational: their checks may only explain. */
const FIRST_INFORMATIONAL_SEVERITY = 5;

/** `FACILITY-SEVERITY-MNEMONIC`, e.g. `SMART_LIC-3-COMM_FAILED`. */
const MNEMONIC_PATTERN = /^[A-Z][A-Z0-9_]*-([0-7])-[A-Z][A-Z0-9_]*$/;
const CHECK_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** The variable fields of the Cisco system message catalog. */
const MESSAGE_VARIABLES = ['char', 'chars', 'dec', 'hex', 'int', 'inet', 'enet', 'node', 't-line', 'clock'];

/**
 * Validates `document` (the plain value of one YAML file). `expectedMnemonic`
 * is the file name without its extension, which must match `mnemonic`.
 */
export function parsePlaybook(document: unknown, file: string, expectedMnemonic: string, issues: Issues): Playbook | null {
  if (!isRecord(document)) {
    issues.add([], `a playbook is a mapping with ${PLAYBOOK_KEYS.join(', ')}; got ${describeValue(document)}`);
    return null;
  }
  const before = issues.list.length;
  rejectUnknownKeys(document, PLAYBOOK_KEYS, [], issues);

  const mnemonic = parseMnemonic(document.mnemonic, expectedMnemonic, issues);
  const severity = parseSeverity(document.severity, ['severity'], issues, true);
  if (mnemonic !== null && severity !== null && Number(MNEMONIC_PATTERN.exec(mnemonic)?.[1]) !== severity) {
    issues.add(['severity'], `severity ${severity} differs from the digit in ${mnemonic}; make them the same`);
  }

  const text = parseText(document.text, ['text'], issues);
  const variables = parseVariables(document.variables, text, issues);
  const explanation = parseText(document.explanation, ['explanation'], issues);
  const checks = parseChecks(document.checks, severity, issues);
  const lineClues = parseLineClues(document.lineClues, variables?.length ?? 0, declaredCheckIds(document.checks), issues);

  if (issues.list.length > before || mnemonic === null || severity === null || text === null || explanation === null) {
    return null;
  }
  return { file, mnemonic, severity, text, variables: variables ?? [], explanation, checks, lineClues };
}

/** Returns the ids the checks declare, valid or not, so a clue naming a check with another problem is not reported twice. */
function declaredCheckIds(raw: unknown): string[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.flatMap((check) => (isRecord(check) && typeof check.id === 'string' ? [check.id] : []));
}

function parseMnemonic(raw: unknown, expected: string, issues: Issues): string | null {
  if (typeof raw !== 'string' || !MNEMONIC_PATTERN.test(raw)) {
    issues.add(['mnemonic'], `expected FACILITY-SEVERITY-MNEMONIC such as SMART_LIC-3-COMM_FAILED, got ${describeValue(raw)}`);
    return null;
  }
  if (raw !== expected) {
    issues.add(['mnemonic'], `the file is named ${expected} but declares ${raw}; rename the file to ${raw}.yaml`);
  }
  return raw;
}

function parseSeverity(raw: unknown, path: NodePath, issues: Issues, required: boolean): number | null {
  if (raw === undefined && !required) {
    return null;
  }
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 7) {
    issues.add(path, `severity is a syslog level from 0 (emergency) to 7 (debugging), got ${describeValue(raw)}`);
    return null;
  }
  return raw;
}

function parseText(raw: unknown, path: NodePath, issues: Issues): string | null {
  if (raw === undefined) {
    issues.add(path.slice(0, -1), `missing "${String(path.at(-1))}"`);
    return null;
  }
  if (typeof raw !== 'string' || raw.trim() === '') {
    issues.add(path, `expected non-empty text, got ${describeValue(raw)}`);
    return null;
  }
  return raw.trim();
}

/** Checks the `[chars]`-style tokens of the message text and the matching `variables` list. */
function parseVariables(raw: unknown, text: string | null, issues: Issues): string[] | null {
  const tokens = text === null ? [] : [...text.matchAll(/\[([a-z-]+)\]/g)].map((match) => match[1] as string);
  for (const token of tokens) {
    if (!MESSAGE_VARIABLES.includes(token)) {
      issues.add(['text'], `unknown message variable [${token}]; known: ${MESSAGE_VARIABLES.map((name) => `[${name}]`).join(' ')}`);
    }
  }

  if (raw === undefined) {
    if (tokens.length > 0) {
      issues.add(['text'], `the text has ${tokens.length} variable(s); list what each carries under "variables"`);
    }
    return [];
  }
  if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string' || item.trim() === '')) {
    issues.add(['variables'], `expected a list of texts, one per variable of the message text, got ${describeValue(raw)}`);
    return null;
  }
  if (raw.length !== tokens.length) {
    issues.add(['variables'], `the text has ${tokens.length} variable(s) but ${raw.length} are described; describe each once, in order`);
  }
  return raw as string[];
}

function parseChecks(raw: unknown, playbookSeverity: number | null, issues: Issues): Check[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.add(['checks'], `expected a non-empty list of checks, got ${describeValue(raw)}`);
    return [];
  }

  const checks: Check[] = [];
  const firstIndexById = new Map<string, number>();
  raw.forEach((item, index) => {
    const check = parseCheck(item, ['checks', index], playbookSeverity, issues);
    if (check === null) {
      return;
    }
    const first = firstIndexById.get(check.id);
    if (first !== undefined) {
      issues.add(['checks', index, 'id'], `duplicate check id "${check.id}", already used by checks[${first}]; give each check its own id`);
      return;
    }
    firstIndexById.set(check.id, index);
    checks.push(check);
  });
  return checks;
}

function parseCheck(raw: unknown, path: NodePath, playbookSeverity: number | null, issues: Issues): Check | null {
  if (!isRecord(raw)) {
    issues.add(path, `a check is a mapping with ${CHECK_KEYS.join(', ')}; got ${describeValue(raw)}`);
    return null;
  }
  const before = issues.list.length;
  rejectUnknownKeys(raw, CHECK_KEYS, path, issues);

  const id = typeof raw.id === 'string' && CHECK_ID_PATTERN.test(raw.id) ? raw.id : null;
  if (id === null) {
    issues.add([...path, 'id'], `expected a lower-case id with dashes such as smart-url, got ${describeValue(raw.id)}`);
  }
  const topic = TOPICS.includes(raw.topic as Topic) ? (raw.topic as Topic) : null;
  if (topic === null) {
    issues.add([...path, 'topic'], `unknown topic ${JSON.stringify(raw.topic) ?? 'nothing'}; expected one of: ${TOPICS.join(', ')}`);
  }
  const level = LEVELS.includes(raw.level as CheckLevel) ? (raw.level as CheckLevel) : null;
  if (level === null) {
    issues.add([...path, 'level'], `expected "fail", "warn" or "info", got ${describeValue(raw.level)}`);
  }

  const severity = parseSeverity(raw.severity, [...path, 'severity'], issues, false);
  if (level !== null) {
    checkLevelAgainstSeverity(level, severity, playbookSeverity, path, issues);
  }
  const when = raw.when === undefined ? null : parseCondition(raw.when, [...path, 'when'], issues);
  const appliesWhen = parseAppliesWhen(raw.appliesWhen, raw.when !== undefined, [...path, 'appliesWhen'], issues);
  const expect = raw.expect === undefined ? missing(issues, path, 'expect') : parseCondition(raw.expect, [...path, 'expect'], issues);
  const message = parseMessage(raw.message, [...path, 'message'], issues);
  const passMessage = raw.passMessage === undefined ? null : parseMessage(raw.passMessage, [...path, 'passMessage'], issues);
  const evidence = parseEvidence(raw.evidence, [...path, 'evidence'], issues);
  const remedy = parseRemedy(raw.remedy, [...path, 'remedy'], issues);

  if (issues.list.length > before || id === null || topic === null || level === null || expect === null || message === null) {
    return null;
  }
  return {
    id,
    topic,
    level,
    severity,
    when,
    appliesWhen,
    expect,
    message: message.text,
    messageVariants: message.variants,
    passMessage: passMessage?.text ?? null,
    passMessageVariants: passMessage?.variants ?? [],
    evidence,
    remedy,
  };
}

/**
 * An informational check (severity 5 to 7, its own or the playbook's) only
 * explains, so it may not yield `fail` or `warn`. A cause that needs action
 * gets its own severity of 4 or lower.
 */
function checkLevelAgainstSeverity(
  level: CheckLevel,
  checkSeverity: number | null,
  playbookSeverity: number | null,
  path: NodePath,
  issues: Issues,
): void {
  const severity = checkSeverity ?? playbookSeverity;
  if (severity === null || severity < FIRST_INFORMATIONAL_SEVERITY || level === 'info') {
    return;
  }
  const source = checkSeverity === null ? 'the playbook severity' : 'its severity';
  issues.add(
    [...path, 'level'],
    `level "${level}" on an informational check (${source} is ${severity}); use level: info, or set severity: 4 or lower on a check whose cause needs action`,
  );
}

/**
 * A message template, or a list of `{when: <condition>, text: <template>}`
 * variants that ends with one template without a condition: the text used
 * when no variant applies.
 */
function parseMessage(raw: unknown, path: NodePath, issues: Issues): { text: string; variants: MessageVariant[] } | null {
  if (!Array.isArray(raw)) {
    const text = parseTemplateText(raw, path, issues);
    return text === null ? null : { text, variants: [] };
  }

  const last: unknown = raw.at(-1);
  const hasFallback = typeof last === 'string';
  if (!hasFallback) {
    issues.add(path, 'end the list with a text without a condition, used when no variant applies');
  }

  const variants: MessageVariant[] = [];
  (hasFallback ? raw.slice(0, -1) : raw).forEach((item, index) => {
    const itemPath = [...path, index];
    if (!isRecord(item)) {
      issues.add(itemPath, `expected {when: <condition>, text: <message>} before the last text, got ${describeValue(item)}`);
      return;
    }
    rejectUnknownKeys(item, ['when', 'text'], itemPath, issues);
    const when = parseCondition(item.when, [...itemPath, 'when'], issues);
    const text = parseTemplateText(item.text, [...itemPath, 'text'], issues);
    if (when !== null && text !== null) {
      variants.push({ when, text });
    }
  });

  const text = hasFallback ? parseTemplateText(last, [...path, raw.length - 1], issues) : null;
  return text === null ? null : { text, variants };
}

/** Reads the plain-words form of `when`. It describes a condition, so a check without `when` cannot have one. */
function parseAppliesWhen(raw: unknown, hasWhen: boolean, path: NodePath, issues: Issues): string | null {
  if (raw === undefined) {
    return null;
  }
  if (typeof raw !== 'string' || raw.trim() === '') {
    issues.add(path, `expected text that completes "applies only when ...", got ${describeValue(raw)}`);
    return null;
  }
  if (!hasWhen) {
    issues.add(path, '"appliesWhen" describes the check\'s "when" condition, and this check has none; add "when" or remove "appliesWhen"', true);
    return null;
  }
  return raw.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
}

function missing(issues: Issues, path: NodePath, key: string): null {
  issues.add(path, `missing "${key}"`);
  return null;
}

function parseTemplateText(raw: unknown, path: NodePath, issues: Issues): string | null {
  const text = parseText(raw, path, issues);
  if (text === null) {
    return null;
  }
  const parsed = parseTemplate(text);
  if ('error' in parsed) {
    issues.add(path, parsed.error);
    return null;
  }
  return text;
}

/** Fact paths whose evidence lines back a failing finding; at least one. */
function parseEvidence(raw: unknown, path: NodePath, issues: Issues): string[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.add(path, `expected a non-empty list of fact paths to quote, such as [facts.transport.url], got ${describeValue(raw)}`);
    return [];
  }
  const paths: string[] = [];
  raw.forEach((item, index) => {
    const field = parseFieldPath(item, [...path, index], issues);
    if (field === null) {
      return;
    }
    if (field.info.source !== 'facts') {
      issues.add([...path, index], `${field.path} is inventory intent; evidence quotes device facts (facts.<path>)`);
      return;
    }
    paths.push(field.path);
  });
  return paths;
}

/** Remedy steps: templates, or {when, steps} groups; at least one unconditional step. */
function parseRemedy(raw: unknown, path: NodePath, issues: Issues): RemedyItem[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.add(path, `expected a non-empty list of remedy steps, got ${describeValue(raw)}`);
    return [];
  }

  const items: RemedyItem[] = [];
  raw.forEach((item, index) => {
    const itemPath = [...path, index];
    if (typeof item === 'string') {
      const step = parseTemplateText(item, itemPath, issues);
      if (step !== null) {
        items.push(step);
      }
      return;
    }
    if (!isRecord(item)) {
      issues.add(itemPath, `expected a step or {when: <condition>, steps: [...]}, got ${describeValue(item)}`);
      return;
    }
    rejectUnknownKeys(item, ['when', 'steps'], itemPath, issues);
    const when = parseCondition(item.when, [...itemPath, 'when'], issues);
    const steps = Array.isArray(item.steps) && item.steps.length > 0 ? item.steps : null;
    if (steps === null) {
      issues.add([...itemPath, 'steps'], `expected a non-empty list of steps, got ${describeValue(item.steps)}`);
      return;
    }
    const parsedSteps = steps.map((step, stepIndex) => parseTemplateText(step, [...itemPath, 'steps', stepIndex], issues));
    if (when !== null && parsedSteps.every((step) => step !== null)) {
      items.push({ when, steps: parsedSteps as string[] });
    }
  });

  if (!raw.some((item) => typeof item === 'string')) {
    issues.add(path, 'add at least one step without a condition, so every failing finding carries a remedy');
  }
  return items;
}
