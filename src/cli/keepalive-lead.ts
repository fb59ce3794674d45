import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, MAX_KEEPALIVE_LEAD_HOURS } from '../shared/settings';
import type { CliContext } from './context';
import { cliDataDir } from './engine-session';

/** The app's keep-alive lead time (hours before expiry), else the default (12). A damaged settings file is
 * not the command's business: it gets the default. Checked by hand, as the settings schema does: loading
 * zod would slow the command's start. */
export function savedLeadHours(ctx: CliContext): number {
  try {
    const saved = (
      JSON.parse(readFileSync(join(cliDataDir(ctx), 'settings.json'), 'utf8')) as Record<string, unknown>
    )['keepAliveLeadHours'];
    if (
      typeof saved === 'number' &&
      Number.isInteger(saved) &&
      saved >= 1 &&
      saved <= MAX_KEEPALIVE_LEAD_HOURS
    )
      return saved;
  } catch {
    // No settings file (the app never ran) or an unreadable one: the default.
  }
  return DEFAULT_SETTINGS.keepAliveLeadHours;
}
