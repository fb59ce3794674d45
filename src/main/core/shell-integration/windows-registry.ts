// Explorer's "Share with KieDrop" for files and folders, per user under HKCU (no admin rights), as
// the exact reg.exe argument lists. Built as data so the lists can be checked without Windows and
// run through execFile, which passes each argument as is (no shell, so "%1" is not expanded).
import { MENU_LABEL } from './linux-templates';
import { windowsCommand } from './quoting';

const CLASSES = 'HKCU\\Software\\Classes';

/** The two verbs we own: one for any file, one for folders (a folder shares its files). */
export const WINDOWS_VERB_KEYS = [
  `${CLASSES}\\*\\shell\\KieDrop`,
  `${CLASSES}\\Directory\\shell\\KieDrop`,
] as const;

/** What Explorer runs for one selected item; `exeArgs` come first (a dev run's app folder). */
export function windowsShareCommand(exePath: string, exeArgs: readonly string[] = []): string {
  return `${windowsCommand(exePath, exeArgs)} --share "%1"`;
}

/**
 * `reg add` lists that create both verbs. MultiSelectModel=Player keeps the entry visible when more
 * than 15 items are selected (Explorer hides plain verbs then); each item still starts its own
 * process, which the app's launch batching merges into one upload batch.
 */
export function windowsInstallArgs(exePath: string, exeArgs: readonly string[] = []): string[][] {
  return WINDOWS_VERB_KEYS.flatMap((key) => [
    ['add', key, '/ve', '/t', 'REG_SZ', '/d', MENU_LABEL, '/f'],
    ['add', key, '/v', 'Icon', '/t', 'REG_SZ', '/d', exePath, '/f'],
    ['add', key, '/v', 'MultiSelectModel', '/t', 'REG_SZ', '/d', 'Player', '/f'],
    ['add', `${key}\\command`, '/ve', '/t', 'REG_SZ', '/d', windowsShareCommand(exePath, exeArgs), '/f'],
  ]);
}

/** `reg delete` lists: each removes one verb key with everything under it — all of it ours. */
export function windowsUninstallArgs(): string[][] {
  return WINDOWS_VERB_KEYS.map((key) => ['delete', key, '/f']);
}

/** `reg query` list that reads a verb's command line, for status. */
export function windowsQueryArgs(key: string): string[] {
  return ['query', `${key}\\command`, '/ve'];
}

/** `reg query` list that reads the program a verb's icon comes from: the program it starts. */
export function windowsProgramQueryArgs(key: string): string[] {
  return ['query', key, '/v', 'Icon'];
}

/**
 * The default value (or the one value asked for with /v) from `reg query … /ve` output. The "(Default)" label is translated on
 * non-English Windows, so we look for the type column instead.
 */
export function parseRegQueryDefault(stdout: string): string | null {
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^\s+\S.*?\s{4}REG_(?:EXPAND_)?SZ\s{4}(.*)$/.exec(line);
    if (match) return match[1] ?? '';
  }
  return null;
}
