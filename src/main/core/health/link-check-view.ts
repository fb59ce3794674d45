// A stored check as the window sees it: with its age measured on the app's clock, so the window's
// "checked 5 min ago" never mixes the app's clock with its own.
import type { LinkCheck } from '../../../shared/link-health';
import type { LinkHealth } from './link-check-store';

export function linkCheckView(health: LinkHealth, nowMs: number): LinkCheck {
  return {
    historyId: health.historyId,
    state: health.state,
    checkedAt: health.checkedAt,
    goneSince: health.goneSince,
    detail: health.detail,
    ageMs: Math.max(0, nowMs - Date.parse(health.checkedAt)),
  };
}
