// Every built-in playbook on every simulated device of both fleets, read the
// way the simulator answers: listed commands give their real output, every
// other catalog command is rejected. Checks what a user reads in the report.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { CATALOG } from '../../src/commands/catalog.js';
import { buildFacts } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';
import type { Finding } from '../../src/model/finding.js';
import { evaluateBuiltin } from './helpers.js';

const FLEETS = ['fixtures/devices', 'fixtures/devices-extra'];

function deviceDirs(): string[] {
  return FLEETS.flatMap((fleet) =>
    readdirSync(fleet)
      .map((name) => path.join(fleet, name))
      .filter((dir) => existsSync(path.join(dir, 'device.yaml'))),
  );
}

function commandsOf(dir: string): CommandResult[] {
  const profile = parse(readFileSync(path.join(dir, 'device.yaml'), 'utf8')) as { commands: Record<string, string> };
  const files = new Map(Object.entries(profile.commands).map(([cli, file]) => [cli.toLowerCase(), file]));

  return CATALOG.filter((command) => command.purpose === 'collect').map((command) => {
    const file = files.get(command.cli.toLowerCase());
    return {
      id: command.id,
      command: command.cli,
      output: file === undefined ? "% Invalid input detected at '^' marker." : readFileSync(path.join(dir, file), 'utf8'),
      failure: file === undefined ? { marker: '% Invalid input detected', message: 'the device rejected the command' } : null,
      startedAt: '2024-01-01T00:00:00.000Z',
      finishedAt: '2024-01-01T00:00:01.000Z',
    };
  });
}

async function fleetFindings(): Promise<{ device: string; findings: Finding[] }[]> {
  const devices = deviceDirs();
  return Promise.all(devices.map(async (dir) => ({ device: path.basename(dir), findings: await evaluateBuiltin(buildFacts(commandsOf(dir))) })));
}

describe('built-in playbooks on both fleets', () => {
  it('print no empty placeholder', async () => {
    for (const { device, findings } of await fleetFindings()) {
      for (const finding of findings) {
        for (const text of [finding.message, ...finding.remedy]) {
          expect(text, `${device} ${finding.check}`).not.toMatch(/\(none\)|\bnull\b|\bundefined\b|\(not collected\)/);
        }
      }
    }
  });

  it('keep informational checks at pass or skip', async () => {
    for (const { device, findings } of await fleetFindings()) {
      for (const finding of findings.filter((candidate) => candidate.severity >= 5)) {
        expect(['pass', 'skip'], `${device} ${finding.check}`).toContain(finding.result);
      }
    }
  });

  it('match counts and nouns', async () => {
    for (const { device, findings } of await fleetFindings()) {
      for (const finding of findings) {
        expect(finding.message, `${device} ${finding.check}`).not.toMatch(/\b1 (failed attempts|days|UDIs)\b/);
        expect(finding.message, `${device} ${finding.check}`).not.toMatch(/\b([02-9]|\d\d+) (failed attempt|day|UDI)\b(?!-)/);
      }
    }
  });

  it('report each cause once', async () => {
    const byDevice = new Map((await fleetFindings()).map(({ device, findings }) => [device, findings]));
    const c9350 = byDevice.get('access-clock-unsynced-c9350') ?? [];
    const problems = c9350.filter((finding) => finding.result === 'fail' || finding.result === 'warn').map((finding) => finding.check);

    expect(problems).toEqual([
      'authorization-install-failed.ntp-sync',
      'comm-failed.recovered-failures',
      'policy-install-failed.ntp-sync',
      'trust-code-install-failed.ntp-sync',
    ]);
    expect(c9350.find((finding) => finding.check === 'comm-failed.recovered-failures')?.message).toBe(
      '1 failed attempt for Result Polling, the last at Mar 14 22:32:55 2024 UTC, came before a successful exchange at Mar 15 21:01:43 2024 UTC. The device reaches its server again, but those message kinds have not succeeded since.',
    );
  });

  it('name the CSLU host or cslu-local in remedies', async () => {
    const byDevice = new Map((await fleetFindings()).map(({ device, findings }) => [device, findings]));
    const ongoing = byDevice.get('campus-ack-overdue')?.find((finding) => finding.check === 'comm-failed.ongoing-failures');

    expect(ongoing?.result).toBe('fail');
    expect(ongoing?.message).toBe('Communication is failing right now: 30 failed attempts in a row for Hello Message.');
    expect(ongoing?.remedy[0]).toContain('No CSLU address is configured, so the device looks for cslu-local');
  });
});
