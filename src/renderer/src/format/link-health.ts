// A link's last health check in a row's words: "checked alive 5 min ago", "gone (first seen gone Today
// 14:05)", "host unreachable, checked 2 h ago". Times are on the window's clock: the app sends each check's
// age, so a window whose clock differs from the app's still says the right "… ago".
import type { LinkCheck, LinkCheckState } from '../../../shared/link-health';
import type { Language, TFunction } from '../i18n/messages';
import { formatUploadedAt } from './date';
import { formatSpan, MINUTE } from './duration';

export interface LocalLinkHealth {
  state: LinkCheckState;
  /** ms, on this window's clock. */
  checkedAt: number;
  goneSince: number | null;
  detail: string | null;
}

/** `receivedAt`: when the window got the check (its age is counted from then). */
export function localLinkHealth(check: LinkCheck, receivedAt: number): LocalLinkHealth {
  const checkedAt = receivedAt - check.ageMs;
  const goneFor = check.goneSince === null ? null : Date.parse(check.checkedAt) - Date.parse(check.goneSince);
  return {
    state: check.state,
    checkedAt,
    goneSince: goneFor === null || !Number.isFinite(goneFor) ? null : checkedAt - goneFor,
    detail: check.detail,
  };
}

function ago(ms: number, t: TFunction): string {
  if (ms < MINUTE) return t('health.justNow');
  return t('health.ago', { duration: formatSpan(ms, t, { smallest: 'min', parts: 1 }) });
}

export function formatLinkHealth(h: LocalLinkHealth, now: number, language: Language, t: TFunction): string {
  const since = ago(Math.max(0, now - h.checkedAt), t);
  switch (h.state) {
    case 'alive':
      return t('health.alive', { ago: since });
    case 'gone': {
      const at = new Date(h.goneSince ?? h.checkedAt).toISOString();
      return t('health.gone', { when: formatUploadedAt(at, new Date(now), language, t) });
    }
    case 'unreachable':
      return t('health.unreachable', { ago: since });
    default:
      return t('health.error', { ago: since, detail: h.detail ?? '' });
  }
}
