import { describe, expect, it } from 'vitest';

import { exitCodeForRun } from '../../src/cli/exit-codes.js';
import type { Finding } from '../../src/model/finding.js';
import { summariseHost } from '../../src/model/result.js';
import type { HostResult, HostStatus, RunResult } from '../../src/model/result.js';

function finding(result: Finding['result']): Finding {
  return {
    mnemonic: 'SMART_LIC-3-COMM_FAILED',
    check: 'comm-failed.smart-url',
    topic: 'transport-url',
    severity: 3,
    result,
    message: 'test finding',
    evidence: [],
    remedy: [],
  };
}

function host(status: HostStatus, findings: Finding[] = []): HostResult {
  return {
    name: `host-${status}`,
    address: '127.0.0.1:22',
    status,
    error: status === 'unreachable' ? { kind: 'refused', message: 'connection refused' } : null,
    commands: [],
    facts: null,
    findings,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
  };
}

/** The exit code is decided from the per-host summaries alone, so no results file is needed here. */
function run(...hosts: HostResult[]): Pick<RunResult, 'hosts'> {
  return { hosts: hosts.map(summariseHost) };
}

describe('exitCodeForRun', () => {
  it('returns 0 when every check passed', () => {
    expect(exitCodeForRun(run(host('passed', [finding('pass'), finding('skip')])), 'warn')).toBe(0);
  });

  it('returns 1 for a warning under --fail-on warn', () => {
    expect(exitCodeForRun(run(host('passed', [finding('warn')])), 'warn')).toBe(1);
  });

  it('ignores a warning under --fail-on fail', () => {
    expect(exitCodeForRun(run(host('passed', [finding('warn')])), 'fail')).toBe(0);
  });

  it('returns 1 for a failure under --fail-on fail', () => {
    expect(exitCodeForRun(run(host('failed', [finding('fail')])), 'fail')).toBe(1);
  });

  it('returns 0 for a failure under --fail-on never', () => {
    expect(exitCodeForRun(run(host('failed', [finding('fail')])), 'never')).toBe(0);
  });

  it('prefers 3 over 1 when a device was not collected', () => {
    expect(exitCodeForRun(run(host('failed', [finding('fail')]), host('unreachable')), 'warn')).toBe(3);
    expect(exitCodeForRun(run(host('passed'), host('error')), 'never')).toBe(3);
  });
});
