import { describe, expect, it } from 'vitest';

import { loadInventory } from '../../src/inventory/load.js';
import { SharedValues } from '../../src/inventory/shared-values.js';
import { fixture } from './helpers.js';

describe('SharedValues', () => {
  it('shares equal nested settings', () => {
    const shared = new SharedValues();

    const first = shared.shareNested({ name: 'a', licensing: { ackWarningDays: 14 }, groups: ['campus'] });
    const second = shared.shareNested({ name: 'b', licensing: { ackWarningDays: 14 }, groups: ['campus'] });

    expect(second.licensing).toBe(first.licensing);
    expect(second.groups).toBe(first.groups);
    expect(second.name).toBe('b');
  });

  it('keeps different settings apart', () => {
    const shared = new SharedValues();

    const first = shared.shareNested({ licensing: { ackWarningDays: 14 } });
    const second = shared.shareNested({ licensing: { ackWarningDays: 30 } });

    expect(second.licensing).not.toBe(first.licensing);
    expect(second.licensing).toEqual({ ackWarningDays: 30 });
  });

  it('freezes a shared value', () => {
    const host = new SharedValues().shareNested({ tags: ['core'] });

    expect(Object.isFrozen(host.tags)).toBe(true);
    expect(() => host.tags.push('edge')).toThrow(TypeError);
  });
});

describe('loadInventory sharing', () => {
  it('gives hosts with equal settings one object', async () => {
    const inventory = await loadInventory(fixture('filter.yaml'));
    const [first, second] = inventory.hosts;

    expect(second?.licensing).toEqual(first?.licensing);
    expect(second?.licensing).toBe(first?.licensing);
    expect(second?.ssh).toBe(first?.ssh);
  });
});
