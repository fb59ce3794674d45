import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDuration,
  formatExpiry,
  formatLinkLine,
  formatLocalDateTime,
  formatRate,
} from '../../src/cli/format';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatBytes', () => {
  it('uses whole bytes below a kilobyte and one decimal above', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
    expect(formatBytes(123.4 * 1024 * 1024)).toBe('123 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('steps up a unit rather than printing "1024.0 KB"', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MB');
  });

  it('formats rates per second', () => {
    expect(formatRate(1.25 * 1024 * 1024)).toBe('1.3 MB/s');
  });
});

describe('formatDuration and formatExpiry', () => {
  const now = new Date(2026, 10, 21, 14, 3);

  it('shows a fresh 3-day link as "in 3 d", not "2 d 23 h"', () => {
    expect(formatExpiry(new Date(now.getTime() + 3 * DAY - 1500), now)).toBe('in 3 d');
  });

  it('shows the two largest units', () => {
    expect(formatDuration(2 * DAY + 4 * HOUR + 10 * MIN)).toBe('2 d 4 h');
    expect(formatDuration(4 * HOUR + 12 * MIN)).toBe('4 h 12 min');
    expect(formatDuration(5 * HOUR)).toBe('5 h');
    expect(formatDuration(12 * MIN)).toBe('12 min');
    expect(formatDuration(20_000)).toBe('less than a minute');
  });

  it('rounds 23 h 50 min up to a day', () => {
    expect(formatDuration(23 * HOUR + 50 * MIN)).toBe('1 d');
  });

  it('says when a link has already expired', () => {
    expect(formatExpiry(new Date(now.getTime() - 2 * HOUR), now)).toBe('expired 2 h ago');
    expect(formatExpiry(new Date(now.getTime() - 5000), now)).toBe('expired just now');
  });
});

describe('formatLocalDateTime', () => {
  it('prints local wall-clock time with zero padding', () => {
    expect(formatLocalDateTime(new Date(2026, 0, 5, 9, 7, 59))).toBe('2026-01-05 09:07');
  });
});

describe('formatLinkLine', () => {
  const now = new Date(2026, 10, 21, 14, 3);
  const expiresAt = new Date(2026, 10, 24, 14, 3).toISOString();

  it('prints name, link and local expiry with the time left', () => {
    expect(
      formatLinkLine({ name: 'photo.png', url: 'https://files.test/kiedrop/photo.png', expiresAt }, now),
    ).toBe('photo.png  https://files.test/kiedrop/photo.png  expires 2026-11-24 14:03 (in 3 d)');
  });

  it('pads names so a batch lines up', () => {
    const line = formatLinkLine({ name: 'a.png', url: 'https://x/a.png', expiresAt }, now, 9);
    expect(line.startsWith('a.png      https://x/a.png')).toBe(true);
  });

  it('says so when the expiry cannot be read', () => {
    expect(formatLinkLine({ name: 'a', url: 'https://x/a', expiresAt: 'soon' }, now)).toBe(
      'a  https://x/a  expiry unknown',
    );
  });
});
