// Runs in a process of its own on the Electron stand-in as a packaged app (KIEDROP_STANDIN_RESOURCES):
// the app's in-place updater (src/main/app-updater.ts) with the real electron-updater, whose CommonJS
// `require('electron')` is served the stand-in too. Prints one JSON line per thing a test reads: each
// state, then what was asked over the network, then (with `restart`) what happened when it quit.
//   node --import tsx --import test/electron-standin/register.ts in-place-update-child.ts download [restart]
import { join } from 'node:path';
import { app } from 'electron';
import { appInPlaceInstaller } from '../../src/main/app-updater';
import { createInPlaceUpdate } from '../../src/main/core/updates';
import { autoUpdater as standinAutoUpdater } from '../electron-standin/auto-updater';
import { serveElectronToCommonJs } from '../electron-standin/commonjs';
import { session as standinSession } from '../electron-standin/desktop';
import { netRequests } from '../electron-standin/net';

const print = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

// electron-updater is CommonJS: its require('electron') is served the stand-in as well.
serveElectronToCommonJs();

// As the app does at start: it is the single instance.
app.setPath('userData', join(process.env['XDG_CACHE_HOME'] ?? '.', '..', 'user-data'));
const locked = app.requestSingleInstanceLock();
(app as unknown as { emitReady(): void }).emitReady();

const installer = appInPlaceInstaller(() => ({ mode: 'none' }));
if (installer === null) {
  print({ unsupported: true });
  process.exit(0);
}
const update = createInPlaceUpdate({
  installer,
  isOnline: () => process.env['KIEDROP_TEST_OFFLINE'] !== '1',
  log: (line) => print({ log: line }),
});
update.onChange((state) => print({ state }));

const end = await update.download();
print({
  end,
  requests: netRequests,
  proxy: standinSession.fromPartition('electron-updater').proxy,
});
if (process.argv.includes('restart') && end.phase === 'downloaded') {
  app.on('quit', () =>
    print({ quit: true, emitted: standinAutoUpdater.emitted, locked, lockHeld: app.hasSingleInstanceLock() }),
  );
  print({ restarted: update.restart() });
} else {
  process.exit(0);
}
