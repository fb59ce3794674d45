// What people read in the window: sizes, speeds, time left, and how long a link still lives.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent, formatRate } from '../../src/renderer/src/format/bytes';
import { formatUploadedAt } from '../../src/renderer/src/format/date';
import { DAY, formatEta, formatRetryIn, HOUR, MINUTE, SECOND } from '../../src/renderer/src/format/duration';
import { formatExpiry, liveExpiryStatus } from '../../src/renderer/src/format/expiry';
import { createTranslator } from '../../src/renderer/src/i18n/translate';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

describe('sizes and speeds', () => {
  it('formats bytes in readable steps', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(15 * 1024)).toBe('15 KB');
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(2.25 * 1024 ** 3)).toBe('2.3 GB');
  });

  it('never shows "1024 KB" when rounding reaches the next unit', () => {
    expect(formatBytes(1024 * 1024 - 100)).toBe('1 MB');
  });

  it('shows a dash for sizes that make no sense', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });

  it('formats a transfer rate, and a dash before any speed is known', () => {
    expect(formatRate(2.3 * 1024 * 1024)).toBe('2.3 MB/s');
    expect(formatRate(0)).toBe('—');
  });

  it('does not claim 100 % until the last byte is sent', () => {
    expect(formatPercent(999, 1000)).toBe('99%');
    expect(formatPercent(1000, 1000)).toBe('100%');
    expect(formatPercent(0, 0)).toBe('0%');
  });
});

describe('time left for an upload', () => {
  it('rounds the ETA up to whole seconds and shows two units at most', () => {
    expect(formatEta(11_200, en)).toBe('12 s left');
    expect(formatEta(65 * SECOND, en)).toBe('1 min 5 s left');
    expect(formatEta(HOUR + 5 * MINUTE + 30 * SECOND, en)).toBe('1 h 5 min left');
    expect(formatEta(2 * MINUTE, en)).toBe('2 min left');
  });

  it('says nothing while the speed is unknown', () => {
    expect(formatEta(null, en)).toBeNull();
  });

  it('speaks Chinese', () => {
    expect(formatEta(65 * SECOND, zh)).toBe('剩余 1 分钟 5 秒');
  });

  it('counts down to the next retry', () => {
    expect(formatRetryIn(12 * SECOND, en)).toBe('retry in 12 s');
    expect(formatRetryIn(11_001, en)).toBe('retry in 12 s');
    expect(formatRetryIn(0, en)).toBe('retrying now');
    expect(formatRetryIn(12 * SECOND, zh)).toBe('12 秒后重试');
  });
});

describe('link expiry', () => {
  it('shows days and hours, or hours and minutes, floored', () => {
    expect(formatExpiry(2 * DAY + 4 * HOUR + 59 * MINUTE, en)).toBe('expires in 2 d 4 h');
    expect(formatExpiry(3 * HOUR + 10 * MINUTE, en)).toBe('expires in 3 h 10 min');
    expect(formatExpiry(35 * MINUTE + 50 * SECOND, en)).toBe('expires in 35 min');
    expect(formatExpiry(2 * DAY + 20 * MINUTE, en)).toBe('expires in 2 d');
    expect(formatExpiry(40 * SECOND, en)).toBe('expires in under a minute');
  });

  it('says how long ago a link died, in its largest unit', () => {
    expect(formatExpiry(-3 * HOUR - 20 * MINUTE, en)).toBe('expired 3 h ago');
    expect(formatExpiry(-2 * DAY - 5 * HOUR, en)).toBe('expired 2 d ago');
    expect(formatExpiry(-10 * SECOND, en)).toBe('expired just now');
  });

  it('speaks Chinese', () => {
    expect(formatExpiry(2 * DAY + 4 * HOUR, zh)).toBe('2 天 4 小时后过期');
    expect(formatExpiry(35 * MINUTE, zh)).toBe('35 分钟后过期');
    expect(formatExpiry(-3 * HOUR, zh)).toBe('已过期 3 小时');
  });

  it('turns a row expiring, then expired, as time passes; a dead link is expired even if replaced', () => {
    const soon = 6 * HOUR;
    expect(liveExpiryStatus(10 * HOUR, false, soon)).toBe('active');
    expect(liveExpiryStatus(5 * HOUR, false, soon)).toBe('expiring');
    expect(liveExpiryStatus(0, false, soon)).toBe('expired');
    expect(liveExpiryStatus(5 * HOUR, true, soon)).toBe('replaced');
    expect(liveExpiryStatus(-1, true, soon)).toBe('expired');
  });
});

describe('upload time', () => {
  const now = new Date(2025, 2, 12, 15, 0);

  it('says today or yesterday with the time', () => {
    expect(formatUploadedAt(new Date(2025, 2, 12, 9, 5).toISOString(), now, 'en', en)).toBe('Today 09:05');
    expect(formatUploadedAt(new Date(2025, 2, 11, 23, 59).toISOString(), now, 'en', en)).toBe(
      'Yesterday 23:59',
    );
    expect(formatUploadedAt(new Date(2025, 2, 11, 8, 0).toISOString(), now, 'zh-CN', zh)).toBe('昨天 08:00');
  });

  it('shows a date for older uploads, with the year only when it differs', () => {
    expect(formatUploadedAt(new Date(2025, 2, 3, 14, 5).toISOString(), now, 'en', en)).toMatch(
      /Mar 3.*14:05/,
    );
    expect(formatUploadedAt(new Date(2024, 11, 30, 14, 5).toISOString(), now, 'en', en)).toMatch(/2024/);
  });

  it('shows a dash for an unreadable time', () => {
    expect(formatUploadedAt('not a date', now, 'en', en)).toBe('—');
  });
});
