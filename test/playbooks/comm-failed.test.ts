import { describe, expect, it } from 'vitest';

import { evaluateBuiltin, facts, findingOf, intent, line } from './helpers.js';

const TECH = 'show license tech support';

/** Values and lines from show-license-tech-support/c9500x-svl-smart-dev-insufficient-trust-sa5.7.15.txt. */
const smartDevReceiver = facts((f) => {
  f.transport.type = 'smart';
  f.transport.url = 'https://smartreceiver-dev.cisco.com/licservice/license';
  f.evidence['transport.type'] = line(TECH, 30, '  Type: Smart');
  f.evidence['transport.url'] = line(TECH, 31, '  URL: https://smartreceiver-dev.cisco.com/licservice/license');
});

/** Values and lines from show-license-tech-support/c9300-stack3-smart-trust-installed-sa5.1.26.txt. */
const smartProduction = facts((f) => {
  f.transport.type = 'smart';
  f.transport.url = 'https://smartreceiver.cisco.com/licservice/license';
  f.evidence['transport.type'] = line(TECH, 28, '  Type: Smart');
  f.evidence['transport.url'] = line(TECH, 29, '  URL: https://smartreceiver.cisco.com/licservice/license');
});

/** Values and lines from show-license-tech-support/c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt. */
const csluAddressed = facts((f) => {
  f.transport.type = 'cslu';
  f.transport.csluAddress = 'http://172.19.180.22:8182/cslu/v1/pi';
  f.evidence['transport.type'] = line(TECH, 32, '  Type: cslu');
  f.evidence['transport.csluAddress'] = line(TECH, 33, '  Cslu address: http://172.19.180.22:8182/cslu/v1/pi');
});

/** Values from the same capture, with the port edited to 8181 because no published capture shows a wrong port. */
const csluWrongPort = facts((f) => {
  f.transport.type = 'cslu';
  f.transport.csluAddress = 'http://172.19.180.22:8181/cslu/v1/pi';
  f.evidence['transport.type'] = line(TECH, 32, '  Type: cslu');
  f.evidence['transport.csluAddress'] = line(TECH, 33, '  Cslu address: http://172.19.180.22:8181/cslu/v1/pi');
});

/** Values and lines from show-license-tech-support/c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt. */
const csluEmptyAddress = facts((f) => {
  f.transport.type = 'cslu';
  f.evidence['transport.type'] = line(TECH, 29, '  Type: cslu');
  f.evidence['transport.csluAddress'] = line(TECH, 30, '  Cslu address: <empty>');
});

/** Values and lines from show-license-all/c8200l-17.18.1a-cslu-app-ha-standby-peer-info-sa6.2.0.txt (an SSM On-Prem tenant path over http). */
const csluOnPrem = facts((f) => {
  f.transport.type = 'cslu';
  f.transport.csluAddress = 'http://8.39.22.48/cslu/v1/pi/CUBE%20Regression%20Mirabile-1';
  f.evidence['transport.type'] = line('show license all', 36, '  Type: cslu');
  f.evidence['transport.csluAddress'] = line('show license all', 37, '  Cslu address: http://8.39.22.48/cslu/v1/pi/CUBE%20Regression%20Mirabile-1');
});

/** Values and lines from show-license-all/c9300-stack3-callhome-default-policy-sa5.3.10.txt: no URL line is printed. */
const callhomeWithoutUrl = facts((f) => {
  f.transport.type = 'callhome';
  f.evidence['transport.type'] = line('show license all', 30, '  Type: Callhome');
});

/** Values and lines from show-license-status/transport-off-ack-received-no-trust.txt. */
const transportOff = facts((f) => {
  f.transport.type = 'off';
  f.policy.reportingAckRequired = true;
  f.evidence['transport.type'] = line('show license status', 18, '  Type: Transport Off');
  f.evidence['policy.reportingAckRequired'] = line('show license status', 22, '  Reporting ACK required: yes (CISCO default)');
});

describe('comm-failed.smart-url', () => {
  it('fails on the dev receiver and names it', async () => {
    const finding = findingOf(await evaluateBuiltin(smartDevReceiver), 'comm-failed.smart-url');

    expect(finding.result).toBe('fail');
    expect(finding.severity).toBe(3);
    expect(finding.topic).toBe('transport-url');
    expect(finding.message).toContain('https://smartreceiver-dev.cisco.com/licservice/license');
    expect(finding.evidence).toContainEqual(line(TECH, 31, '  URL: https://smartreceiver-dev.cisco.com/licservice/license'));
    expect(finding.remedy).toContain('license smart url smart https://smartreceiver.cisco.com/licservice/license');
  });

  it('passes on the production receiver', async () => {
    const finding = findingOf(await evaluateBuiltin(smartProduction), 'comm-failed.smart-url');

    expect(finding.result).toBe('pass');
    expect(finding.remedy).toEqual([]);
  });

  it('is not applicable to a CSLU transport', async () => {
    const finding = findingOf(await evaluateBuiltin(csluAddressed), 'comm-failed.smart-url');

    expect(finding.result).toBe('skip');
    expect(finding.message).toBe('Not applicable: applies only when the transport is smart and the inventory names neither another transport type nor a transport URL for smart.');
  });

  it('skips when the transport type was not collected', async () => {
    const finding = findingOf(await evaluateBuiltin(facts(() => {})), 'comm-failed.smart-url');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('transport.type was not collected');
  });

  it('skips when the URL line is missing', async () => {
    const noUrl = facts((f) => {
      f.transport.type = 'smart';
      f.evidence['transport.type'] = line(TECH, 30, '  Type: Smart');
    });

    const finding = findingOf(await evaluateBuiltin(noUrl), 'comm-failed.smart-url');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('transport.url was not collected');
  });
});

describe('comm-failed.callhome-url', () => {
  it('skips when the device prints no URL', async () => {
    const finding = findingOf(await evaluateBuiltin(callhomeWithoutUrl), 'comm-failed.callhome-url');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('transport.url was not collected');
  });

  it('fails on another URL', async () => {
    const otherUrl = facts((f) => {
      f.transport.type = 'callhome';
      f.transport.url = 'https://smartreceiver.cisco.com/licservice/license';
      f.evidence['transport.type'] = line('show license all', 30, '  Type: Callhome');
      f.evidence['transport.url'] = line('show license all', 31, '  URL: https://smartreceiver.cisco.com/licservice/license');
    });

    const finding = findingOf(await evaluateBuiltin(otherUrl), 'comm-failed.callhome-url');

    expect(finding.result).toBe('fail');
    expect(finding.remedy).toContain('license smart url https://tools.cisco.com/its/service/oddce/services/DDCEService');
  });
});

describe('comm-failed.cslu-address', () => {
  it('passes on port 8182 and /cslu/v1/pi', async () => {
    const finding = findingOf(await evaluateBuiltin(csluAddressed), 'comm-failed.cslu-address');

    expect(finding.result).toBe('pass');
    expect(finding.message).toBe('The CSLU address http://172.19.180.22:8182/cslu/v1/pi has the CSLU or the SSM On-Prem form.');
  });

  it('fails on another port with the host filled in', async () => {
    const finding = findingOf(await evaluateBuiltin(csluWrongPort), 'comm-failed.cslu-address');

    expect(finding.result).toBe('fail');
    expect(finding.message).toContain('http://172.19.180.22:8181/cslu/v1/pi');
    expect(finding.evidence[0]).toEqual(line(TECH, 33, '  Cslu address: http://172.19.180.22:8181/cslu/v1/pi'));
    expect(finding.remedy).toContain('For CSLU: license smart url cslu http://172.19.180.22:8182/cslu/v1/pi');
  });

  it('fails on a wrong path', async () => {
    // The same capture with the last path segment removed.
    const wrongPath = facts((f) => {
      f.transport.type = 'cslu';
      f.transport.csluAddress = 'http://172.19.180.22:8182/cslu/v1';
      f.evidence['transport.csluAddress'] = line(TECH, 33, '  Cslu address: http://172.19.180.22:8182/cslu/v1');
      f.evidence['transport.type'] = line(TECH, 32, '  Type: cslu');
    });

    const finding = findingOf(await evaluateBuiltin(wrongPath), 'comm-failed.cslu-address');

    expect(finding.result).toBe('fail');
  });

  it('fails an On-Prem tenant path over plain http', async () => {
    const finding = findingOf(await evaluateBuiltin(csluOnPrem), 'comm-failed.cslu-address');

    expect(finding.result).toBe('fail');
    expect(finding.message).toContain('http://8.39.22.48/cslu/v1/pi/CUBE%20Regression%20Mirabile-1');
    expect(finding.remedy).toContain('For CSLU: license smart url cslu http://8.39.22.48:8182/cslu/v1/pi');
  });

  it('passes an SSM On-Prem tenant address over https', async () => {
    const onPremHttps = facts((f) => {
      f.transport.type = 'cslu';
      // The c8200l address with its scheme edited to https: no published capture shows an https On-Prem address.
      f.transport.csluAddress = 'https://8.39.22.48/cslu/v1/pi/CUBE%20Regression%20Mirabile-1';
      f.evidence['transport.type'] = line('show license all', 36, '  Type: cslu');
      f.evidence['transport.csluAddress'] = line('show license all', 37, '  Cslu address: https://8.39.22.48/cslu/v1/pi/CUBE%20Regression%20Mirabile-1');
    });

    const finding = findingOf(await evaluateBuiltin(onPremHttps), 'comm-failed.cslu-address');

    expect(finding.result).toBe('pass');
  });
});

describe('comm-failed.cslu-discovery', () => {
  it('warns on an empty CSLU address', async () => {
    const finding = findingOf(await evaluateBuiltin(csluEmptyAddress), 'comm-failed.cslu-discovery');

    expect(finding.result).toBe('warn');
    expect(finding.message).toContain('cslu-local');
    expect(finding.evidence[0]).toEqual(line(TECH, 30, '  Cslu address: <empty>'));
    expect(finding.remedy.length).toBeGreaterThan(0);
  });

  it('passes with an address configured', async () => {
    const finding = findingOf(await evaluateBuiltin(csluAddressed), 'comm-failed.cslu-discovery');

    expect(finding.result).toBe('pass');
  });

  it('skips when the address line is missing', async () => {
    const typeOnly = facts((f) => {
      f.transport.type = 'cslu';
      f.evidence['transport.type'] = line(TECH, 29, '  Type: cslu');
    });

    const finding = findingOf(await evaluateBuiltin(typeOnly), 'comm-failed.cslu-discovery');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('transport.csluAddress was not collected');
  });
});

describe('comm-failed intent checks', () => {
  it('are not applicable without intent', async () => {
    const findings = await evaluateBuiltin(smartDevReceiver);

    expect(findingOf(findings, 'comm-failed.intent-transport-type').result).toBe('skip');
    expect(findingOf(findings, 'comm-failed.intent-url').result).toBe('skip');
    expect(findingOf(findings, 'comm-failed.intent-cslu-address').result).toBe('skip');
  });

  it('fail on a transport type other than intended', async () => {
    const findings = await evaluateBuiltin(smartProduction, intent({ transportType: 'cslu' }));
    const finding = findingOf(findings, 'comm-failed.intent-transport-type');

    expect(finding.result).toBe('fail');
    expect(finding.message).toBe('The device uses transport smart, but the inventory expects cslu.');
    expect(finding.remedy).toContain('license smart transport cslu');
  });

  it('pass on the intended transport type', async () => {
    const findings = await evaluateBuiltin(csluAddressed, intent({ transportType: 'cslu' }));

    expect(findingOf(findings, 'comm-failed.intent-transport-type').result).toBe('pass');
  });

  it('fail on a URL other than intended', async () => {
    const expected = 'https://smartreceiver.cisco.com/licservice/license';
    const findings = await evaluateBuiltin(smartDevReceiver, intent({ transportUrl: expected }));
    const finding = findingOf(findings, 'comm-failed.intent-url');

    expect(finding.result).toBe('fail');
    expect(finding.remedy).toContain(`license smart url smart ${expected}`);
    expect(finding.remedy).not.toContain(`license smart url ${expected}`);
  });

  it('compare a CSLU address with the intended URL', async () => {
    const findings = await evaluateBuiltin(csluAddressed, intent({ transportUrl: 'http://10.0.0.5:8182/cslu/v1/pi' }));

    expect(findingOf(findings, 'comm-failed.intent-cslu-address').result).toBe('fail');
    expect(findingOf(findings, 'comm-failed.intent-url').result).toBe('skip');
  });
});

describe('comm-failed.transport-off', () => {
  it('fails while the policy requires an ACK', async () => {
    const finding = findingOf(await evaluateBuiltin(transportOff), 'comm-failed.transport-off');

    expect(finding.result).toBe('fail');
    expect(finding.topic).toBe('communication');
    expect(finding.evidence).toEqual([
      line('show license status', 18, '  Type: Transport Off'),
      line('show license status', 22, '  Reporting ACK required: yes (CISCO default)'),
    ]);
    expect(finding.remedy).toContain('license smart transport smart');
  });

  it('passes when no ACK is required', async () => {
    const noAckRequired = facts((f) => {
      f.transport.type = 'off';
      f.policy.reportingAckRequired = false;
      f.evidence['transport.type'] = line('show license status', 18, '  Type: Transport Off');
      f.evidence['policy.reportingAckRequired'] = line('show license status', 22, '  Reporting ACK required: no');
    });

    expect(findingOf(await evaluateBuiltin(noAckRequired), 'comm-failed.transport-off').result).toBe('pass');
  });

  it('skips when the policy was not collected', async () => {
    const typeOnly = facts((f) => {
      f.transport.type = 'off';
      f.evidence['transport.type'] = line('show license status', 18, '  Type: Transport Off');
    });

    const finding = findingOf(await evaluateBuiltin(typeOnly), 'comm-failed.transport-off');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('policy.reportingAckRequired was not collected');
  });
});
