// Evaluates playbook checks over one device's facts and licensing intent.
// Pure: no I/O and no clock, the evaluation time is an input.
import type { DeviceFacts, Evidence, LoggedMessage } from '../model/facts.js';
import type { Finding } from '../model/finding.js';
import type { LicensingIntent } from '../model/intent.js';
import { evaluateCondition, isUnknown, type Truth } from './conditions.js';
import { describeCondition } from './describe.js';
import { fieldInfo } from './fields.js';
import { renderTemplate } from './render.js';
import type { Check, Condition, MessageVariant, Playbook } from './types.js';

export interface EvaluationContext {
  facts: DeviceFacts;
  intent: LicensingIntent;
  /** The evaluation time; dates compare with `facts.currentTime` instead when the device printed it. */
  now: Date;
}

/**
 * Returns one finding per check of every playbook, in playbook and check
 * order. Every finding of a playbook whose message the device logged carries
 * `observed`. Those that decided something (not a skip for a missing fact or
 * a check that does not apply) also quote the last logged line first and
 * state how often it was logged.
 */
export function evaluatePlaybooks(playbooks: Playbook[], context: EvaluationContext): Finding[] {
  return playbooks.flatMap((playbook) => {
    const logged = context.facts.log.messages.find((message) => message.name === playbook.mnemonic);
    return playbook.checks.map((check) => {
      const { finding, decided } = decideCheck(playbook, check, context);
      return logged === undefined ? finding : markObserved(finding, logged, decided);
    });
  });
}

function markObserved(finding: Finding, logged: LoggedMessage, decided: boolean): Finding {
  const observed = { count: logged.count, line: logged.last.text };
  if (!decided) {
    return { ...finding, observed };
  }

  const times = logged.count === 1 ? 'once' : `${logged.count} times`;
  return {
    ...finding,
    message: `${finding.message} Observed: the device logged ${logged.name} ${times}.`,
    evidence: [logged.last, ...finding.evidence],
    observed,
  };
}

/**
 * On a device with registration-based Smart Licensing, the checks of Smart
 * Licensing Using Policy do not apply; only `licensing-mode` checks run there.
 */
function legacySkip(check: Check, context: EvaluationContext): string | null {
  if (context.facts.licensingMode !== 'legacy' || check.topic === 'licensing-mode') {
    return null;
  }
  return 'Not applicable: the device uses registration-based Smart Licensing, not Smart Licensing Using Policy.';
}

/** `SMART_LIC-3-COMM_FAILED` gives `comm-failed`. */
export function playbookShortName(mnemonic: string): string {
  const name = mnemonic.split('-').slice(2).join('-');
  return name.toLowerCase().replaceAll('_', '-');
}

export function evaluateCheck(playbook: Playbook, check: Check, context: EvaluationContext): Finding {
  return decideCheck(playbook, check, context).finding;
}

/**
 * Evaluates one check. `decided` is false for a skip because a fact was not
 * collected or the check does not apply, and true for every verdict on the
 * device's state, including the `skip` of an `info` check that explains it.
 */
function decideCheck(playbook: Playbook, check: Check, context: EvaluationContext): { finding: Finding; decided: boolean } {
  const base = {
    mnemonic: playbook.mnemonic,
    check: `${playbookShortName(playbook.mnemonic)}.${check.id}`,
    topic: check.topic,
    severity: check.severity ?? playbook.severity,
    observed: null,
  };
  const skip = (message: string) => ({ finding: { ...base, result: 'skip' as const, message, evidence: [], remedy: [] }, decided: false });

  const legacy = legacySkip(check, context);
  if (legacy !== null) {
    return skip(legacy);
  }

  if (check.when !== null) {
    const applies = evaluateCondition(check.when, context);
    if (isUnknown(applies)) {
      return skip(`Not checked: ${applies.reason}.`);
    }
    if (!applies) {
      return skip(`Not applicable: applies only when ${check.appliesWhen ?? describeCondition(check.when)}.`);
    }
  }

  const healthy: Truth = evaluateCondition(check.expect, context);
  if (isUnknown(healthy)) {
    return skip(`Not checked: ${healthy.reason}.`);
  }

  const evidence = collectEvidence(check, context);
  if (healthy) {
    const passTemplate = chooseTemplate(check.passMessageVariants, check.passMessage, context);
    const message = passTemplate === null ? `Passed: ${describeCondition(check.expect)}.` : renderTemplate(passTemplate, context);
    return { finding: { ...base, result: 'pass', message, evidence, remedy: [] }, decided: true };
  }

  const message = renderTemplate(chooseTemplate(check.messageVariants, check.message, context), context);
  if (check.level === 'info') {
    // An informational check explains the state and names the command that shows it; it never asks for action.
    return { finding: { ...base, result: 'skip', message, evidence, remedy: [] }, decided: true };
  }
  return { finding: { ...base, result: check.level, message, evidence, remedy: renderRemedy(check, context) }, decided: true };
}

/** Returns the text of the first variant whose condition holds, else `fallback`. */
function chooseTemplate<T extends string | null>(variants: MessageVariant[], fallback: T, context: EvaluationContext): string | T {
  const chosen = variants.find((variant) => evaluateCondition(variant.when, context) === true);
  return chosen === undefined ? fallback : chosen.text;
}

/**
 * Collects the evidence lines the check lists. When the facts have none of
 * them, it collects the lines of every fact the check reads.
 */
function collectEvidence(check: Check, context: EvaluationContext): Evidence[] {
  const listed = evidenceFor(check.evidence, context);
  if (listed.length > 0) {
    return listed;
  }
  const read = [check.when, check.expect].flatMap((condition) => (condition === null ? [] : factPathsOf(condition)));
  // NOTE: a failing finding has no evidence when the facts give a value without
  // an evidence line. Facts built from device output have both.
  return evidenceFor(read, context);
}

function evidenceFor(paths: string[], context: EvaluationContext): Evidence[] {
  const lines: Evidence[] = [];
  for (const path of new Set(paths)) {
    const key = fieldInfo(path)?.key;
    const line = key === undefined ? undefined : context.facts.evidence[key];
    if (line !== undefined && !lines.includes(line)) {
      lines.push(line);
    }
  }
  return lines;
}

function factPathsOf(condition: Condition): string[] {
  switch (condition.op) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap(factPathsOf);
    case 'not':
      return factPathsOf(condition.condition);
    default:
      return condition.path.startsWith('facts.') ? [condition.path] : [];
  }
}

function renderRemedy(check: Check, context: EvaluationContext): string[] {
  const steps: string[] = [];
  for (const item of check.remedy) {
    if (typeof item === 'string') {
      steps.push(renderTemplate(item, context));
    } else if (evaluateCondition(item.when, context) === true) {
      steps.push(...item.steps.map((step) => renderTemplate(step, context)));
    }
  }
  return steps;
}
