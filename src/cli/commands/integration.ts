// `kiedrop integration install|remove|status`: the desktop's right-click "Share with KieDrop", from a
// terminal, with the core's installers. The menu starts the desktop app (see desktop-launcher.ts).
import { homedir } from 'node:os';
import { createExecFileRunner, install, status, uninstall } from '../../main/core/shell-integration';
import type { IntegrationOptions, IntegrationStatus } from '../../main/core/shell-integration';
import type { ParsedArgs } from '../args';
import { booleanFlag, stringFlag } from '../args';
import type { CliContext } from '../context';
import { resolveDesktopLauncher } from '../desktop-launcher';
import type { DesktopLauncher } from '../desktop-launcher';
import { CliFailure, EXIT_OK, UsageError } from '../errors';
import {
  installChange,
  installLines,
  MENU,
  menuCommand,
  overallState,
  removeChange,
  removeLines,
  statusLines,
} from '../integration-report';

interface Setup {
  platform: NodeJS.Platform;
  launcher: DesktopLauncher;
  options: IntegrationOptions;
}

/** HOME (USERPROFILE on Windows) from the CLI's environment, so the menu goes where the user is. */
function homeFolder(ctx: CliContext, platform: NodeJS.Platform): string {
  const value = ctx.env[platform === 'win32' ? 'USERPROFILE' : 'HOME'];
  return value !== undefined && value !== '' ? value : homedir();
}

function setup(ctx: CliContext, parsed: ParsedArgs, command: string): Setup {
  if (parsed.positionals.length > 0) {
    throw new UsageError(`unexpected argument "${parsed.positionals[0] ?? ''}"`, command);
  }
  const platform = process.platform;
  const launcher = resolveDesktopLauncher({
    app: stringFlag(parsed, 'app'),
    env: ctx.env,
    platform,
    cwd: process.cwd(),
    running: ctx.desktopApp,
  });
  const options: IntegrationOptions = {
    exePath: launcher.exePath,
    exeArgs: launcher.exeArgs,
    home: homeFolder(ctx, platform),
    env: ctx.env,
    run: createExecFileRunner(),
    iconPath: launcher.iconPath,
  };
  return { platform, launcher, options };
}

/** Installer failures already say what to do; they become one `kiedrop:` line and exit 1. */
async function attempt<T>(verb: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new CliFailure(`Could not ${verb} ${MENU}: ${detail}`);
  }
}

function launcherJson(s: Setup): Record<string, unknown> {
  return { kind: s.launcher.kind, program: s.launcher.exePath, args: s.launcher.exeArgs };
}

function write(ctx: CliContext, lines: readonly string[]): void {
  ctx.stdout.write(lines.map((l) => `${l}\n`).join(''));
}

export async function runIntegrationInstall(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const s = setup(ctx, parsed, 'integration install');
  const before = await attempt('check', () => status(s.platform, s.options));
  const after = await attempt('install', () => install(s.platform, s.options));
  const items = after.items.map((item) => ({
    ...item,
    change: installChange(before.items.find((b) => b.id === item.id)?.state),
  }));
  if (!after.installed) {
    const stale = after.items.filter((i) => i.state !== 'installed').map((i) => `${i.label} (${i.state})`);
    throw new CliFailure(
      `Could not install ${MENU}: these entries did not read back as written: ${stale.join(', ')}.`,
    );
  }
  for (const warning of s.launcher.warnings) ctx.stderr.write(`Warning: ${warning}\n`);
  if (booleanFlag(parsed, 'json')) {
    const json = {
      platform: s.platform,
      launcher: launcherJson(s),
      installed: true,
      items,
      warnings: s.launcher.warnings,
    };
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT_OK;
  }
  write(ctx, [
    ...installLines(items),
    `${MENU} is installed for ${s.launcher.description}. It runs:`,
    `  ${menuCommand(s.platform, s.launcher)}`,
  ]);
  return EXIT_OK;
}

export async function runIntegrationRemove(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const s = setup(ctx, parsed, 'integration remove');
  const before = await attempt('check', () => status(s.platform, s.options));
  const after = await attempt('remove', () => uninstall(s.platform, s.options));
  const items = before.items.map((item) => ({
    ...item,
    state: after.items.find((a) => a.id === item.id)?.state ?? item.state,
    change: removeChange(item.state, after.items.find((a) => a.id === item.id)?.state),
  }));
  const stuck = items.filter((i) => i.state === 'installed' || i.state === 'outdated');
  if (stuck.length > 0) {
    throw new CliFailure(
      `Could not remove ${MENU}: still there: ${stuck.map((i) => i.location).join(', ')}.`,
    );
  }
  if (booleanFlag(parsed, 'json')) {
    ctx.stdout.write(`${JSON.stringify({ platform: s.platform, installed: false, items }, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines = removeLines(items);
  const removedAny = items.some((i) => i.change === 'removed');
  lines.push(removedAny ? `${MENU} is removed.` : `Nothing to remove: ${MENU} is not installed.`);
  write(ctx, lines);
  return EXIT_OK;
}

export async function runIntegrationStatus(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const s = setup(ctx, parsed, 'integration status');
  const result: IntegrationStatus = await attempt('check', () => status(s.platform, s.options));
  if (booleanFlag(parsed, 'json')) {
    const json = {
      platform: s.platform,
      launcher: launcherJson(s),
      installed: result.installed,
      state: overallState(result),
      items: result.items,
    };
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT_OK;
  }
  write(ctx, statusLines(s.platform, result, s.launcher));
  return EXIT_OK;
}
