// What a History row says about its link's last check, in English and Chinese, counted on the window's
// own clock from the age the app sent (the app's clock may differ from the window's).
import { describe, expect, it } from 'vitest';
import type { LinkCheck } from '../../src/shared/link-health';
import { HOUR, MINUTE } from '../../src/renderer/src/format/duration';
import { formatLinkHealth, localLinkHealth } from '../../src/renderer/src/format/link-health';
import { createTranslator } from '../../src/renderer/src/i18n/translate';
import { rowStatus } from '../../src/renderer/src/screens/history/row-status';
import type { HistoryEntry } from '../../src/shared/domain';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');
// The window's clock: noon, local time.
const NOW = new Date(2026, 5, 10, 12, 0).getTime();

function check(change: Partial<LinkCheck>): LinkCheck {
  // The app's clock is two days ahead of the window's: only ageMs may be used for "… ago".
  return {
    historyId: 1,
    state: 'alive',
    checkedAt: new Date(NOW + 48 * HOUR).toISOString(),
    goneSince: null,
    detail: 'HTTP 200',
    ageMs: 0,
    ...change,
  };
}

describe('a link check in a row', () => {
  it('says how long ago a link was checked alive, on the window’s clock', () => {
    const h = localLinkHealth(check({ ageMs: 5 * MINUTE }), NOW);
    expect(formatLinkHealth(h, NOW, 'en', en)).toBe('checked alive 5 min ago');
    expect(formatLinkHealth(h, NOW, 'zh-CN', zh)).toBe('5 分钟前检查：链接有效');
    expect(formatLinkHealth(localLinkHealth(check({ ageMs: 20_000 }), NOW), NOW, 'en', en)).toBe(
      'checked alive just now',
    );
  });

  it('says when a gone link was first seen gone, and that an unreachable host says nothing of the file', () => {
    const appCheckedAt = NOW + 48 * HOUR;
    const gone = localLinkHealth(
      check({
        state: 'gone',
        detail: 'HTTP 404',
        ageMs: 30 * MINUTE,
        goneSince: new Date(appCheckedAt - 2 * HOUR).toISOString(),
      }),
      NOW,
    );
    // Checked 30 min ago, first seen gone two hours before that: 09:30 on the window's clock.
    expect(formatLinkHealth(gone, NOW, 'en', en)).toBe('gone (first seen gone Today 09:30)');
    expect(formatLinkHealth(gone, NOW, 'zh-CN', zh)).toBe('链接已失效（今天 09:30 首次发现）');
    const down = localLinkHealth(
      check({ state: 'unreachable', detail: 'ECONNREFUSED', ageMs: 3 * HOUR }),
      NOW,
    );
    expect(formatLinkHealth(down, NOW, 'en', en)).toBe('host unreachable, checked 3 h ago');
    expect(formatLinkHealth(down, NOW, 'zh-CN', zh)).toBe('无法连接主机，3 小时前检查');
  });
});

describe('a row whose link was found gone', () => {
  const item = (replacedBy: number | null) => ({
    entry: { status: replacedBy === null ? 'active' : 'replaced', replacedBy } as HistoryEntry,
    deadline: NOW + 40 * HOUR,
    receivedAt: NOW,
  });
  const gone = localLinkHealth(check({ state: 'gone', detail: 'HTTP 404' }), NOW);

  it('is dead whatever its countdown says', () => {
    expect(rowStatus(item(null), NOW, 6 * HOUR, gone)).toMatchObject({ status: 'expired', gone: true });
    const alive = localLinkHealth(check({}), NOW);
    expect(rowStatus(item(null), NOW, 6 * HOUR, alive)).toMatchObject({ status: 'active', gone: false });
  });

  it('stays "replaced" when a later upload overwrote it: the check was of the newer file', () => {
    expect(rowStatus(item(7), NOW, 6 * HOUR, gone)).toMatchObject({ status: 'replaced', gone: false });
  });
});
