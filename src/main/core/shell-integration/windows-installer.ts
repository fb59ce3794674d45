// Runs the reg.exe lists through the injected runner and reads back what is installed.
import { stat } from 'node:fs/promises';
import { ShellIntegrationError } from './errors';
import type { CommandRunner, IntegrationItemStatus, IntegrationOptions } from './types';
import {
  parseRegQueryDefault,
  WINDOWS_VERB_KEYS,
  windowsInstallArgs,
  windowsProgramQueryArgs,
  windowsQueryArgs,
  windowsShareCommand,
  windowsUninstallArgs,
} from './windows-registry';

const REG = 'reg';

function needRunner(run: CommandRunner | undefined): CommandRunner {
  if (run === undefined) {
    throw new ShellIntegrationError(
      'no-runner',
      'internal: the Windows installer needs a command runner for reg.exe.',
    );
  }
  return run;
}

async function runReg(run: CommandRunner, args: readonly string[]): Promise<void> {
  const result = await run(REG, args);
  if (result.code !== 0) {
    const detail = (result.stderr || result.stdout).trim() || `exit code ${result.code}`;
    throw new ShellIntegrationError(
      'command-failed',
      `Windows refused to change the right-click menu (reg ${args[0] ?? ''} ${args[1] ?? ''}): ${detail}`,
    );
  }
}

function label(key: string): string {
  return key.includes('\\Directory\\') ? 'Explorer menu for folders' : 'Explorer menu for files';
}

/** A verb for another program or app folder reads as 'outdated', so Settings and the CLI offer to update it. */
export async function windowsStatus(opts: IntegrationOptions): Promise<IntegrationItemStatus[]> {
  const runner = needRunner(opts.run);
  const expected = windowsShareCommand(opts.exePath, opts.exeArgs);
  return Promise.all(
    WINDOWS_VERB_KEYS.map(async (key, i) => {
      const result = await runner(REG, windowsQueryArgs(key));
      const command = result.code === 0 ? parseRegQueryDefault(result.stdout) : null;
      const state = command === null ? 'absent' : command === expected ? 'installed' : 'outdated';
      const item: IntegrationItemStatus = {
        id: i === 0 ? 'files' : 'folders',
        label: label(key),
        location: key,
        state,
      };
      if (state !== 'outdated') return item;
      const icon = await runner(REG, windowsProgramQueryArgs(key));
      const program = icon.code === 0 ? parseRegQueryDefault(icon.stdout) : null;
      const gone =
        program !== null &&
        program !== '' &&
        !(await stat(program).then(
          () => true,
          () => false,
        ));
      return gone ? { ...item, missingProgram: program } : item;
    }),
  );
}

export async function windowsInstall(opts: IntegrationOptions): Promise<void> {
  const runner = needRunner(opts.run);
  for (const args of windowsInstallArgs(opts.exePath, opts.exeArgs)) await runReg(runner, args);
}

export async function windowsUninstall(run?: CommandRunner): Promise<void> {
  const runner = needRunner(run);
  // Delete only keys that exist: reg.exe reports a missing key as an error like any other.
  for (const args of windowsUninstallArgs()) {
    const key = args[1] as string;
    const present = await runner(REG, ['query', key]);
    if (present.code === 0) await runReg(runner, args);
  }
}
