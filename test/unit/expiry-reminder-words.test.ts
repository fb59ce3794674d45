// The expiry reminder's words: one link or many, one hour or many, in English and Chinese, counted to the
// last of the links so "within N hours" is true of each.
import { describe, expect, it } from 'vitest';
import { groupReminder } from '../../src/main/core/reminders';
import { describeExpiryReminder } from '../../src/main/i18n/reminder-words';

const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 0, 1);
const link = (name: string, hoursLeft: number, id = 1) => ({
  historyId: id,
  fileName: name,
  expiresAtMs: NOW + hoursLeft * HOUR,
});

describe('expiry reminder words', () => {
  it('names the one link and says "1 hour" when under an hour is left', () => {
    const r = groupReminder([link('photo.png', 0.4)], NOW);
    expect(r && describeExpiryReminder(r, 'en')).toMatchObject({
      title: 'A link you copied expires within 1 hour',
      body: '"photo.png" stops working then. Open KieDrop to renew or pin it.',
      renew: 'Renew',
      pin: 'Pin',
    });
    expect(r && describeExpiryReminder(r, 'zh-CN')).toMatchObject({
      title: '你复制的一个链接将在 1 小时内过期',
      body: '“photo.png”届时将失效。打开 KieDrop 续期或固定它。',
      renew: '续期',
      pin: '固定',
    });
  });

  it('counts the hours to the last link, and the first to expire is the one shown', () => {
    const r = groupReminder([link('a.txt', 1.5, 1), link('b.txt', 5.2, 2)], NOW);
    expect(r?.soonest.historyId).toBe(1);
    expect(r && describeExpiryReminder(r, 'en').title).toBe('2 links you copied expire within 6 hours');
    expect(r && describeExpiryReminder(r, 'zh-CN').title).toBe('你复制的 2 个链接将在 6 小时内过期');
  });

  it('makes no reminder of nothing', () => {
    expect(groupReminder([], NOW)).toBeNull();
  });
});
