// COMM_FAILED remedies when the inventory's transport type or URL differs
// from the device, on unmodified corpus captures read through the facts
// builder. A device on another transport type gets one finding with the whole
// change, and no URL check sets the URL of the wrong transport type.
import { describe, expect, it } from 'vitest';

import { buildFacts } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';
import type { Finding } from '../../src/model/finding.js';
import type { LicensingIntent } from '../../src/model/intent.js';
import { corpusCapture, evaluateBuiltin, findingOf, intent, LATE_EVALUATION_TIME } from './helpers.js';

async function findingsOf(result: CommandResult, licensingIntent: LicensingIntent): Promise<Finding[]> {
  return evaluateBuiltin(buildFacts([result]), licensingIntent, LATE_EVALUATION_TIME);
}

/** Returns the checks whose failing or warning finding requires a change of the transport type or URL. */
function transportChanges(findings: Finding[]): string[] {
  return findings
    .filter((finding) => finding.result === 'fail' || finding.result === 'warn')
    .filter((finding) => finding.remedy.some((step) => /^license smart (transport|url) /.test(step)))
    .map((finding) => finding.check);
}

/** Collects the remedy steps of the failing and warning findings. */
function remedySteps(findings: Finding[]): string[] {
  return findings.filter((finding) => finding.result === 'fail' || finding.result === 'warn').flatMap((finding) => finding.remedy);
}

const tech = (file: string) => corpusCapture('show-license-tech-support', file);

// A smart device sending to Cisco's development receiver https://smartreceiver-dev.cisco.com/licservice/license.
const SMART_DEV = tech('c9500x-svl-smart-dev-insufficient-trust-sa5.7.15.txt');
// A CSLU device at http://172.19.180.22:8182/cslu/v1/pi.
const CSLU_ADDRESSED = tech('c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt');
// A CSLU device without an address, relying on cslu-local discovery.
const CSLU_EMPTY = tech('c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt');
// A device with the transport off while the Cisco default policy requires an ACK.
const TRANSPORT_OFF = corpusCapture('show-license-status', 'transport-off-ack-received-no-trust.txt');

const PRODUCTION_RECEIVER = 'https://smartreceiver.cisco.com/licservice/license';
const DEV_RECEIVER = 'https://smartreceiver-dev.cisco.com/licservice/license';
const CSLU_ADDRESS = 'http://cslu.example.net:8182/cslu/v1/pi';
const CALL_HOME_SERVICE = 'https://tools.cisco.com/its/service/oddce/services/DDCEService';

describe('smart device meant for cslu', () => {
  const meantForCslu = intent({ transportType: 'cslu', transportUrl: CSLU_ADDRESS });

  it('gives the whole change in one finding', async () => {
    const findings = await findingsOf(SMART_DEV, meantForCslu);
    const finding = findingOf(findings, 'comm-failed.intent-transport-type');

    expect(finding.result).toBe('fail');
    expect(finding.message).toBe(`The device uses transport smart, but the inventory expects cslu with ${CSLU_ADDRESS}.`);
    expect(finding.remedy).toEqual([
      'configure terminal',
      'license smart transport cslu',
      `license smart url cslu ${CSLU_ADDRESS}`,
      'end',
      'If the device is right and the inventory is out of date, correct the inventory instead.',
    ]);
    expect(transportChanges(findings)).toEqual(['comm-failed.intent-transport-type']);
  });

  it('sets no smart URL', async () => {
    const findings = await findingsOf(SMART_DEV, meantForCslu);

    expect(remedySteps(findings).filter((step) => step.startsWith('license smart url smart'))).toEqual([]);
    expect(findingOf(findings, 'comm-failed.intent-url').result).toBe('skip');
    expect(findingOf(findings, 'comm-failed.smart-url').result).toBe('skip');
    expect(findingOf(findings, 'comm-failed.smart-url-onprem').result).toBe('skip');
  });

  it('says why the URL checks do not apply', async () => {
    const findings = await findingsOf(SMART_DEV, meantForCslu);

    expect(findingOf(findings, 'comm-failed.smart-url').message).toBe(
      'Not applicable: applies only when the transport is smart and the inventory names neither another transport type nor a transport URL for smart.',
    );
    expect(findingOf(findings, 'comm-failed.intent-url').message).toContain('the inventory expects that transport type');
  });
});

describe('cslu device meant for smart', () => {
  const meantForSmart = intent({ transportType: 'smart', transportUrl: PRODUCTION_RECEIVER });

  it('gives the whole change in one finding', async () => {
    const findings = await findingsOf(CSLU_ADDRESSED, meantForSmart);
    const finding = findingOf(findings, 'comm-failed.intent-transport-type');

    expect(finding.result).toBe('fail');
    expect(finding.remedy).toContain('license smart transport smart');
    expect(finding.remedy).toContain(`license smart url smart ${PRODUCTION_RECEIVER}`);
    expect(transportChanges(findings)).toEqual(['comm-failed.intent-transport-type']);
  });

  it('sets no CSLU address to the CSSM receiver', async () => {
    const findings = await findingsOf(CSLU_ADDRESSED, meantForSmart);

    expect(remedySteps(findings)).not.toContain(`license smart url cslu ${PRODUCTION_RECEIVER}`);
    expect(remedySteps(findings).filter((step) => step.startsWith('license smart url cslu'))).toEqual([]);
    expect(findingOf(findings, 'comm-failed.intent-cslu-address').result).toBe('skip');
    expect(findingOf(findings, 'comm-failed.cslu-address').result).toBe('skip');
  });

  it('drops the cslu-local warning of an empty address', async () => {
    const findings = await findingsOf(CSLU_EMPTY, meantForSmart);

    expect(findingOf(findings, 'comm-failed.cslu-discovery').result).toBe('skip');
    expect(transportChanges(findings)).toEqual(['comm-failed.intent-transport-type']);
  });

  it('names the CSSM receiver when the inventory names no URL', async () => {
    const findings = await findingsOf(CSLU_ADDRESSED, intent({ transportType: 'smart' }));
    const finding = findingOf(findings, 'comm-failed.intent-transport-type');

    expect(finding.message).toBe('The device uses transport cslu, but the inventory expects smart.');
    expect(finding.remedy).toContain('license smart transport smart');
    expect(finding.remedy).toContain(`license smart url smart ${PRODUCTION_RECEIVER}`);
  });
});

describe('other intended transport types', () => {
  it('callhome sets the URL and the Call Home profile', async () => {
    const findings = await findingsOf(SMART_DEV, intent({ transportType: 'callhome', transportUrl: CALL_HOME_SERVICE }));
    const finding = findingOf(findings, 'comm-failed.intent-transport-type');

    expect(finding.remedy).toEqual([
      'configure terminal',
      'license smart transport callhome',
      `license smart url ${CALL_HOME_SERVICE}`,
      'call-home',
      'profile CiscoTAC-1',
      'active',
      'destination transport-method http',
      `destination address http ${CALL_HOME_SERVICE}`,
      'end',
      'If the device is right and the inventory is out of date, correct the inventory instead.',
    ]);
    expect(transportChanges(findings)).toEqual(['comm-failed.intent-transport-type']);
  });

  it('off sets no URL', async () => {
    const findings = await findingsOf(SMART_DEV, intent({ transportType: 'off' }));
    const finding = findingOf(findings, 'comm-failed.intent-transport-type');

    expect(finding.remedy).toContain('license smart transport off');
    expect(finding.remedy.filter((step) => step.startsWith('license smart url'))).toEqual([]);
    expect(transportChanges(findings)).toEqual(['comm-failed.intent-transport-type']);
  });

  it('cslu on a device with the transport off skips transport-off', async () => {
    const findings = await findingsOf(TRANSPORT_OFF, intent({ transportType: 'cslu', transportUrl: CSLU_ADDRESS }));

    expect(findingOf(findings, 'comm-failed.transport-off').result).toBe('skip');
    expect(transportChanges(findings)).toEqual(['comm-failed.intent-transport-type']);
    expect(remedySteps(findings)).not.toContain('license smart transport smart');
  });

  it('off keeps transport-off on a device with the transport off', async () => {
    const findings = await findingsOf(TRANSPORT_OFF, intent({ transportType: 'off' }));

    expect(findingOf(findings, 'comm-failed.intent-transport-type').result).toBe('pass');
    expect(findingOf(findings, 'comm-failed.transport-off').result).toBe('fail');
  });
});

describe('intended transport type in use, other URL', () => {
  it('intent-url sets the smart URL', async () => {
    const findings = await findingsOf(SMART_DEV, intent({ transportType: 'smart', transportUrl: PRODUCTION_RECEIVER }));
    const finding = findingOf(findings, 'comm-failed.intent-url');

    expect(findingOf(findings, 'comm-failed.intent-transport-type').result).toBe('pass');
    expect(finding.result).toBe('fail');
    expect(finding.remedy).toContain(`license smart url smart ${PRODUCTION_RECEIVER}`);
    expect(transportChanges(findings)).toEqual(['comm-failed.intent-url']);
  });

  it('intent-cslu-address sets the CSLU address', async () => {
    const findings = await findingsOf(CSLU_ADDRESSED, intent({ transportType: 'cslu', transportUrl: CSLU_ADDRESS }));
    const finding = findingOf(findings, 'comm-failed.intent-cslu-address');

    expect(findingOf(findings, 'comm-failed.intent-transport-type').result).toBe('pass');
    expect(finding.result).toBe('fail');
    expect(finding.remedy).toContain(`license smart url cslu ${CSLU_ADDRESS}`);
    expect(transportChanges(findings)).toEqual(['comm-failed.intent-cslu-address']);
  });

  it('smart-url leaves an intended smart URL alone', async () => {
    const findings = await findingsOf(SMART_DEV, intent({ transportType: 'smart', transportUrl: DEV_RECEIVER }));

    expect(findingOf(findings, 'comm-failed.intent-url').result).toBe('pass');
    expect(findingOf(findings, 'comm-failed.smart-url').result).toBe('skip');
    expect(transportChanges(findings)).toEqual([]);
  });

  it('smart-url judges smart without an intended URL', async () => {
    const findings = await findingsOf(SMART_DEV, intent({ transportType: 'smart' }));
    const finding = findingOf(findings, 'comm-failed.smart-url');

    expect(finding.result).toBe('fail');
    expect(finding.remedy).toContain(`license smart url smart ${PRODUCTION_RECEIVER}`);
  });
});

describe('intended URL without a transport type', () => {
  it('compares no CSLU address with a smart URL', async () => {
    const findings = await findingsOf(SMART_DEV, intent({ transportUrl: CSLU_ADDRESS }));

    expect(findingOf(findings, 'comm-failed.intent-url').result).toBe('skip');
    expect(remedySteps(findings)).not.toContain(`license smart url smart ${CSLU_ADDRESS}`);
  });

  it('compares no CSSM URL with a CSLU address', async () => {
    const findings = await findingsOf(CSLU_ADDRESSED, intent({ transportUrl: PRODUCTION_RECEIVER }));

    expect(findingOf(findings, 'comm-failed.intent-cslu-address').result).toBe('skip');
    expect(remedySteps(findings)).not.toContain(`license smart url cslu ${PRODUCTION_RECEIVER}`);
  });

  it('still compares a smart URL on a smart device', async () => {
    const findings = await findingsOf(SMART_DEV, intent({ transportUrl: PRODUCTION_RECEIVER }));

    expect(findingOf(findings, 'comm-failed.intent-url').result).toBe('fail');
    expect(findingOf(findings, 'comm-failed.smart-url').result).toBe('skip');
  });
});

describe('remedies for the current transport', () => {
  it('asks no trust code of a device meant for cslu', async () => {
    const findings = await findingsOf(SMART_DEV, intent({ transportType: 'cslu', transportUrl: CSLU_ADDRESS }));

    expect(findingOf(findings, 'comm-failed.direct-trust').result).toBe('skip');
    expect(findingOf(findings, 'trust-code-install-failed.trust-missing').result).toBe('skip');
    expect(remedySteps(findings).filter((step) => step.startsWith('license smart trust idtoken'))).toEqual([]);
  });

  it('still asks it with no transport intent', async () => {
    const findings = await findingsOf(SMART_DEV, intent());

    expect(findingOf(findings, 'comm-failed.direct-trust').result).toBe('fail');
    expect(findingOf(findings, 'comm-failed.direct-trust').remedy.some((step) => step.startsWith('license smart trust idtoken'))).toBe(true);
  });

  it('points a failing cslu device meant for smart at the change', async () => {
    const findings = await findingsOf(CSLU_EMPTY, intent({ transportType: 'smart', transportUrl: PRODUCTION_RECEIVER }));
    const failures = findingOf(findings, 'comm-failed.ongoing-failures');

    expect(failures.result).toBe('fail');
    expect(failures.remedy).toContain(
      'The inventory expects transport smart, not cslu: make the change that comm-failed.intent-transport-type gives first, then check that the new server is reachable',
    );
    expect(failures.remedy.some((step) => step.includes('cslu-local'))).toBe(false);
  });

  it('keeps the cslu-local step without intent', async () => {
    const findings = await findingsOf(CSLU_EMPTY, intent());

    expect(findingOf(findings, 'comm-failed.ongoing-failures').remedy.some((step) => step.includes('cslu-local'))).toBe(true);
  });
});
