import { describe, expect, it } from 'vitest';
import {
  formatLeaseOwner,
  isAbandoned,
  newLeaseOwner,
  parseLeaseOwner,
  processIsGone,
} from '../../src/main/core/queue/lease-owner';

const NOW = 1_700_000_000_000;
const check = (over: Partial<Parameters<typeof isAbandoned>[3]> = {}) => ({
  host: 'laptop',
  pid: 100,
  liveInstances: new Set(['laptop:100:live']),
  processIsGone: (pid: number) => pid === 666,
  ...over,
});

describe('lease owner ids', () => {
  it('round-trip through text, host names with colons included', () => {
    const owner = newLeaseOwner('fe80::1', 4242);
    expect(parseLeaseOwner(formatLeaseOwner(owner))).toEqual(owner);
  });

  it('give two queues in the same process different ids', () => {
    expect(newLeaseOwner('h', 1).instance).not.toBe(newLeaseOwner('h', 1).instance);
  });

  it('reject text that is not an owner id', () => {
    expect(parseLeaseOwner(null)).toBeNull();
    expect(parseLeaseOwner('garbage')).toBeNull();
    expect(parseLeaseOwner('host:notapid:x')).toBeNull();
  });
});

describe('isAbandoned', () => {
  it('keeps a job whose owner on this host is alive and whose lease is current', () => {
    expect(isAbandoned('laptop:200:abc', NOW + 1000, NOW, check())).toBe(false);
  });

  it('recovers a job whose owner process on this host no longer exists', () => {
    expect(isAbandoned('laptop:666:abc', NOW + 60_000, NOW, check())).toBe(true);
  });

  it('recovers a job whose lease ran out, whoever owned it', () => {
    expect(isAbandoned('elsewhere:1:abc', NOW - 1, NOW, check())).toBe(true);
  });

  it('trusts a current lease from another host, whose processes cannot be checked', () => {
    expect(isAbandoned('elsewhere:666:abc', NOW + 1000, NOW, check())).toBe(false);
  });

  it('tells live and closed queues of this very process apart', () => {
    expect(isAbandoned('laptop:100:live', NOW + 1000, NOW, check())).toBe(false);
    expect(isAbandoned('laptop:100:closed', NOW + 1000, NOW, check())).toBe(true);
  });

  it('recovers a job with no usable owner or lease', () => {
    expect(isAbandoned(null, NOW + 1000, NOW, check())).toBe(true);
    expect(isAbandoned('laptop:200:abc', null, NOW, check())).toBe(true);
  });
});

describe('processIsGone', () => {
  it('sees this process as alive', () => {
    expect(processIsGone(process.pid)).toBe(false);
  });

  it('sees a process id that is not in use as gone', () => {
    // Above the Linux pid_max ceiling (2^22), so never a real process.
    expect(processIsGone(4_194_304 + 12_345)).toBe(true);
  });
});
