// `--format json`: the stable machine-readable result (version 1).
import type { DeviceFacts, DeviceTime } from '../model/facts.js';
import type { HostResult, RunResult } from '../model/result.js';
import { summarise } from './summary.js';

/** The facts most users filter on; the full record is in the captures. */
function factsSummary(facts: DeviceFacts): Record<string, unknown> {
  const installed = facts.trustCode.length === 0 ? null : facts.trustCode.every((entry) => entry.installed);

  return {
    licensingMode: facts.licensingMode,
    transportType: facts.transport.type,
    transportUrl: facts.transport.url,
    csluAddress: facts.transport.csluAddress,
    trustPoint: facts.transport.trustPoint,
    clockSyncedWithNtp: facts.clockSyncedWithNtp,
    currentTime: time(facts.currentTime),
    lastAckReceived: time(facts.usageReporting.lastAckReceived),
    nextAckDeadline: time(facts.usageReporting.nextAckDeadline),
    reportingPushIntervalDays: facts.usageReporting.reportingPushIntervalDays,
    policyInUse: facts.policy.inUse,
    trustCodeInstalled: installed,
    trustCode: facts.trustCode,
    udis: facts.udis,
    agentVersion: facts.agentVersion,
  };
}

function time(value: DeviceTime | null): DeviceTime | null {
  return value === null ? null : { text: value.text, iso: value.iso };
}

export function hostJson(host: HostResult): Record<string, unknown> {
  return {
    name: host.name,
    address: host.address,
    status: host.status,
    error: host.error,
    startedAt: host.startedAt,
    finishedAt: host.finishedAt,
    commands: host.commands.map((command) => ({
      command: command.command,
      failed: command.failure !== null,
      failure: command.failure,
      bytes: command.bytes,
    })),
    facts: host.facts === null ? null : factsSummary(host.facts),
    findings: host.findings,
  };
}

export function formatJson(run: RunResult): string {
  const document = {
    version: run.version,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    hosts: run.hosts.map(hostJson),
    summary: summarise(run),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
