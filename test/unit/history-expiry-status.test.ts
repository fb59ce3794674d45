// The status a person sees next to each link: exact behaviour at every boundary.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPIRING_SOON_MS, expiryStatus } from '../../src/main/core/history/index';

const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

describe('expiryStatus', () => {
  it('uses a six-hour "expiring soon" window by default', () => {
    expect(DEFAULT_EXPIRING_SOON_MS).toBe(6 * HOUR);
  });

  it('is active while more than the window is left, including exactly the window', () => {
    expect(expiryStatus(NOW + 3 * 24 * HOUR, NOW, 6 * HOUR, false)).toBe('active');
    expect(expiryStatus(NOW + 6 * HOUR, NOW, 6 * HOUR, false)).toBe('active');
  });

  it('is expiring with less than the window left, down to the last millisecond', () => {
    expect(expiryStatus(NOW + 6 * HOUR - 1, NOW, 6 * HOUR, false)).toBe('expiring');
    expect(expiryStatus(NOW + 1, NOW, 6 * HOUR, false)).toBe('expiring');
  });

  it('is expired from the expiry moment on', () => {
    expect(expiryStatus(NOW, NOW, 6 * HOUR, false)).toBe('expired');
    expect(expiryStatus(NOW - 3 * 24 * HOUR, NOW, 6 * HOUR, false)).toBe('expired');
  });

  it('reports a live link that a later upload overwrote as replaced', () => {
    expect(expiryStatus(NOW + 3 * 24 * HOUR, NOW, 6 * HOUR, true)).toBe('replaced');
    expect(expiryStatus(NOW + HOUR, NOW, 6 * HOUR, true)).toBe('replaced');
  });

  it('reports a replaced link as expired once it has expired anyway', () => {
    expect(expiryStatus(NOW - 1, NOW, 6 * HOUR, true)).toBe('expired');
  });

  it('honours a custom window', () => {
    expect(expiryStatus(NOW + 2 * HOUR, NOW, HOUR, false)).toBe('active');
    expect(expiryStatus(NOW + 2 * HOUR, NOW, 3 * HOUR, false)).toBe('expiring');
  });
});
