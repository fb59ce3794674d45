// Settings → Desktop integration → "kiedrop command": on Linux the app writes ~/.local/bin/kiedrop (and
// removes it); on macOS and Windows the command ships inside the app and Settings shows where.
import { cliCommandStatus, installCliCommand, removeCliCommand } from '../shell-integration';
import type { CliCommandStatus } from '../shell-integration';
import type { CliCommandState, Handlers } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

type Names = 'cli:status' | 'cli:install' | 'cli:uninstall';

export function cliCommandHandlers(deps: HandlerDeps): Pick<Handlers, Names> {
  const target = deps.shellIntegration;
  const bundledPath = deps.bundledCliPath;
  const installable = target !== null && target.platform === 'linux';

  function view(status: CliCommandStatus): CliCommandState {
    const { location, state, missingProgram, onPath } = status;
    return {
      mode: 'install',
      location,
      state,
      ...(missingProgram === undefined ? {} : { missingProgram }),
      onPath,
      bundledPath,
    };
  }
  const elsewhere = (): CliCommandState => ({
    mode: bundledPath === null ? 'unavailable' : 'path',
    location: null,
    state: null,
    onPath: false,
    bundledPath,
  });
  const refuse = (): never => {
    throw new IpcFailure(
      'unsupported',
      bundledPath === null
        ? 'The kiedrop command is put on your PATH from the installed KieDrop app.'
        : `On this system the kiedrop command comes with the app: add the folder of ${bundledPath} to your PATH.`,
    );
  };

  return {
    'cli:status': async () => (installable ? view(await cliCommandStatus(target.options)) : elsewhere()),
    'cli:install': async () => (installable ? view(await installCliCommand(target.options)) : refuse()),
    'cli:uninstall': async () => (installable ? view(await removeCliCommand(target.options)) : refuse()),
  };
}
