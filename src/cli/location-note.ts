import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocationPolicy } from '../main/core/images/location-gate';
import type { LocationInPictures } from '../shared/settings';

// The app's "Pictures with a location" setting, followed by the command line without ever prompting:
// 'remove' strips a photo's GPS position, 'keep' sends it, and 'ask' (never answered in the app) sends it
// too, with a note on stderr saying so. Read once per run, by hand as saved-link-lifetime.ts does.

export function savedLocationInPictures(dataDir: string): LocationInPictures {
  try {
    const saved = (
      JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>
    )['locationInPictures'];
    return saved === 'remove' || saved === 'keep' ? saved : 'ask';
  } catch {
    return 'ask';
  }
}

export function locationNote(fileName: string): string {
  return (
    `note: ${fileName} is sent with the GPS position it holds (where it was taken); ` +
    'add --strip-metadata to remove it, or choose "Pictures with a location" in the app\'s Settings.'
  );
}

/** `quiet`: the command was told to keep metadata (--keep-metadata), so the note would only repeat it. */
export function cliLocationPolicy(
  dataDir: string,
  write: (line: string) => void,
  quiet: boolean,
): LocationPolicy {
  const saved = savedLocationInPictures(dataDir);
  return {
    current: () => saved,
    onSentWithLocation: (file) => {
      if (!quiet) write(`kiedrop: ${locationNote(file.fileName)}\n`);
    },
  };
}
