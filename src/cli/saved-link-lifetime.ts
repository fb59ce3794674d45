import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsShape } from '../main/core/settings/settings-schema';

// The app's "Links last" setting, so the CLI's countdowns agree with the window's. Read once per run; a
// missing or damaged settings file means automatic (learned, else 3 days), as it does in the app.
export function savedLinkLifetimeHours(dataDir: string): number | null {
  try {
    const saved = (
      JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>
    )['linkLifetimeHours'];
    const checked = settingsShape.linkLifetimeHours.safeParse(saved);
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
}
