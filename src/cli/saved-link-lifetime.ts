import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_LINK_LIFETIME_HOURS } from '../shared/settings';

// The app's "Links last" setting, so the CLI's countdowns agree with the window's. Read once per run; a
// missing or damaged settings file means automatic (learned, else 3 days), as it does in the app. Checked
// here by hand, the way the settings schema does: loading zod would nearly double an upload's start-up.
export function savedLinkLifetimeHours(dataDir: string): number | null {
  try {
    const saved = (
      JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>
    )['linkLifetimeHours'];
    const valid =
      typeof saved === 'number' && Number.isInteger(saved) && saved >= 1 && saved <= MAX_LINK_LIFETIME_HOURS;
    return valid ? saved : null;
  } catch {
    return null;
  }
}
