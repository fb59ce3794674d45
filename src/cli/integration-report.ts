// What `kiedrop integration …` prints: one English line per entry written, removed or checked, and
// the exact command line the file manager will run.
import { shellCommand, windowsCommand } from '../main/core/shell-integration';
import type { IntegrationItemStatus, IntegrationStatus, ItemState } from '../main/core/shell-integration';
import type { DesktopLauncher } from './desktop-launcher';

export const MENU = '"Share with KieDrop"';

/** The command line as the menu writes it, with a placeholder for the selection. */
export function menuCommand(platform: NodeJS.Platform, launcher: DesktopLauncher): string {
  return platform === 'win32'
    ? `${windowsCommand(launcher.exePath, launcher.exeArgs)} --share "<file>"`
    : `${shellCommand(launcher.exePath, launcher.exeArgs)} --share <files…>`;
}

export type InstallChange = 'written' | 'updated' | 'unchanged';
export type RemoveChange = 'removed' | 'left-alone' | 'none';

/** How install changed an entry, from its state before. */
export function installChange(before: ItemState | undefined): InstallChange {
  if (before === 'installed') return 'unchanged';
  return before === 'outdated' ? 'updated' : 'written';
}

export function removeChange(before: ItemState | undefined, after: ItemState | undefined): RemoveChange {
  if (before === 'foreign') return 'left-alone';
  return (before === 'installed' || before === 'outdated') && after === 'absent' ? 'removed' : 'none';
}

const INSTALL_VERBS: Record<InstallChange, string> = {
  written: 'Wrote',
  updated: 'Updated',
  unchanged: 'Rewrote (no change)',
};

export function installLines(
  items: readonly (IntegrationItemStatus & { change: InstallChange })[],
): string[] {
  return items.map((i) => `${INSTALL_VERBS[i.change]} ${i.label}: ${i.location}`);
}

export function removeLines(items: readonly (IntegrationItemStatus & { change: RemoveChange })[]): string[] {
  const lines: string[] = [];
  for (const i of items) {
    if (i.change === 'removed') lines.push(`Removed ${i.label}: ${i.location}`);
    if (i.change === 'left-alone')
      lines.push(`Left alone ${i.label}: ${i.location} (not created by KieDrop)`);
  }
  return lines;
}

/** installed, outdated (some entry is stale or missing) or absent (none of ours is there). */
export function overallState(status: IntegrationStatus): 'installed' | 'outdated' | 'absent' {
  if (status.installed) return 'installed';
  return status.items.some((i) => i.state === 'installed' || i.state === 'outdated') ? 'outdated' : 'absent';
}

export function statusLines(
  platform: NodeJS.Platform,
  status: IntegrationStatus,
  launcher: DesktopLauncher,
): string[] {
  const state = overallState(status);
  const headline = {
    installed: `${MENU} is installed for ${launcher.description}.`,
    outdated: `${MENU} is out of date or incomplete for ${launcher.description}: run \`kiedrop integration install\` to update it.`,
    absent: `${MENU} is not installed.`,
  }[state];
  const width = Math.max(...status.items.map((i) => i.state.length));
  const lines = [
    headline,
    ...status.items.flatMap((i) => [
      `  ${i.state.padEnd(width)}  ${i.label}: ${i.location}`,
      ...(i.missingProgram === undefined
        ? []
        : [`  ${' '.repeat(width)}  starts ${i.missingProgram}, which no longer exists`]),
    ]),
  ];
  if (status.items.some((i) => i.state === 'foreign')) {
    lines.push('A "foreign" entry was not created by KieDrop: move or delete it before installing.');
  }
  lines.push(`Compared with: ${menuCommand(platform, launcher)}`);
  return lines;
}
