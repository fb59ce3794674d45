// Where a packaged build looks for new releases. electron-builder writes the publish settings it was
// built with to resources/app-update.yml (the file electron-updater reads); a GitHub release build has
// `provider: github`, `owner` and `repo`. A dev run or a build without publish settings has none, and
// then no update check runs. The file is flat "key: value" YAML, so it is read without a YAML library.
import { readFileSync } from 'node:fs';

export const GITHUB_API = 'https://api.github.com';

export interface UpdateFeed {
  /** The GitHub REST API's base URL (a test points it at a local server). */
  apiBaseUrl: string;
  owner: string;
  repo: string;
}

function flatYaml(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z][\w-]*):\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const raw = m[2] ?? '';
    values.set(m[1] as string, raw.replace(/^(['"])(.*)\1$/, '$2'));
  }
  return values;
}

/** The GitHub feed named in app-update.yml text, or null when it names none. */
export function parsePublishConfig(text: string): UpdateFeed | null {
  const v = flatYaml(text);
  const owner = v.get('owner');
  const repo = v.get('repo');
  if (v.get('provider') !== 'github' || !owner || !repo) return null;
  if (!/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(repo)) return null;
  return { apiBaseUrl: GITHUB_API, owner, repo };
}

/** Reads app-update.yml; a missing or unreadable file means no feed. */
export function readPublishConfig(file: string): UpdateFeed | null {
  try {
    return parsePublishConfig(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
