// The keep-alive lead time: 12 hours unless changed, and only whole hours a pinned link can use.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../src/main/core/settings';
import type { Settings } from '../../src/shared/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-settings-lead-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('keepAliveLeadHours', () => {
  it('is 12 hours by default and keeps a valid change across a restart', () => {
    expect(createSettingsStore(dir).get().keepAliveLeadHours).toBe(12);
    createSettingsStore(dir).set({ keepAliveLeadHours: 24 });
    expect(createSettingsStore(dir).get().keepAliveLeadHours).toBe(24);
  });

  it.each([0, 49, 1.5, '12'])('refuses %j with the range in words', (value) => {
    const store = createSettingsStore(dir);
    expect(() => store.set({ keepAliveLeadHours: value } as unknown as Partial<Settings>)).toThrow(
      /"Keep pinned links alive" must be a whole number of hours from 1 to 48 before expiry\./u,
    );
    expect(store.get().keepAliveLeadHours).toBe(12);
  });
});
