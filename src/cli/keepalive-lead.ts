import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsShape } from '../main/core/settings/settings-schema';
import { DEFAULT_SETTINGS } from '../shared/settings';
import type { CliContext } from './context';
import { cliDataDir } from './engine-session';

/** The app's keep-alive lead time (hours before expiry), else the default (12). A damaged settings file is not the
 * command's business: it gets the default. */
export function savedLeadHours(ctx: CliContext): number {
  try {
    const saved = (
      JSON.parse(readFileSync(join(cliDataDir(ctx), 'settings.json'), 'utf8')) as Record<string, unknown>
    )['keepAliveLeadHours'];
    const checked = settingsShape.keepAliveLeadHours.safeParse(saved);
    if (checked.success) return checked.data;
  } catch {
    // No settings file (the app never ran) or an unreadable one: the default.
  }
  return DEFAULT_SETTINGS.keepAliveLeadHours;
}
