// The handler table: one plain function per channel over the core. Electron's ipcMain and the test
// harness's page binding both call this same object. Every failure leaves here as an IpcFailure with
// a kind and a message, and no message ever carries an API key.
import { settingsPatchSchema, SettingsError, describeSettingsIssues } from '../settings';
import type { Handlers, InvokeChannel, Settings } from '../../../shared/ipc-contract';
import { cliCommandHandlers } from './cli-command-handlers';
import { clipboardHandlers } from './clipboard-handlers';
import { historyHandlers } from './history-handlers';
import { integrationHandlers } from './integration-handlers';
import { IpcFailure, toIpcError } from './ipc-failure';
import { keepAliveHandlers } from './keepalive-handlers';
import { keyHandlers } from './key-handlers';
import { linkHealthHandlers } from './link-health-handlers';
import { desktopHandlers } from './shortcut-handlers';
import type { HandlerDeps } from './types';
import { updateHandlers } from './update-handlers';
import { uploadHandlers } from './upload-handlers';
import { watchHandlers } from './watch-handlers';
import { screenshotHandlers } from './screenshot-handlers';
import { latestLinkHandlers } from './latest-link-handlers';
import { locationHandlers } from './location-handlers';
import { saveCopyHandlers } from './save-copy-handlers';

/**
 * A new clipboard shortcut must be taken from the OS before it is saved, so that part of a change goes
 * through the shortcut service; the rest is checked first, so a bad field elsewhere changes nothing.
 */
function setSettings(deps: HandlerDeps, patch: Partial<Settings>): Settings {
  const { clipboardShortcut, ...rest } = patch;
  if (clipboardShortcut === undefined || clipboardShortcut === deps.settings.get().clipboardShortcut) {
    return deps.settings.set(patch);
  }
  const parsed = settingsPatchSchema.safeParse(rest);
  if (!parsed.success) {
    const issues = describeSettingsIssues(parsed.error.issues);
    throw new SettingsError(
      'invalid-argument',
      issues.map((i) => i.message).join(' '),
      issues[0]?.field ?? null,
    );
  }
  deps.shortcut.set(clipboardShortcut);
  return deps.settings.set(rest);
}

function appHandlers(
  deps: HandlerDeps,
): Pick<Handlers, 'app:info' | 'app:ready' | 'settings:get' | 'settings:set'> {
  return {
    'app:info': () => ({ ...deps.info, databaseRecovered: deps.engine.db.recovered }),
    'app:ready': () => deps.outbox.ready(),
    'settings:get': () => deps.settings.get(),
    'settings:set': (patch) => setSettings(deps, patch),
  };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const table: Handlers = {
    ...appHandlers(deps),
    ...keyHandlers(deps),
    ...uploadHandlers(deps),
    ...historyHandlers(deps),
    ...keepAliveHandlers(deps),
    ...linkHealthHandlers(deps),
    ...clipboardHandlers(deps),
    ...integrationHandlers(deps),
    ...cliCommandHandlers(deps),
    ...desktopHandlers(deps),
    ...watchHandlers(deps),
    ...screenshotHandlers(deps),
    ...latestLinkHandlers(deps),
    ...updateHandlers(deps),
    ...saveCopyHandlers(deps),
    ...locationHandlers(deps),
  };
  const wrapped = {} as Record<InvokeChannel, (...args: unknown[]) => Promise<unknown>>;
  for (const channel of Object.keys(table) as InvokeChannel[]) {
    const handler = table[channel] as (...args: unknown[]) => unknown;
    wrapped[channel] = async (...args) => {
      try {
        return await handler(...args);
      } catch (err) {
        const { kind, message, code, params } = toIpcError(err, deps.keys.secrets());
        throw new IpcFailure(kind, message, { code, params });
      }
    };
  }
  return wrapped as unknown as Handlers;
}
