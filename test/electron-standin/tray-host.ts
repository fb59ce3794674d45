// The stand-in desktop's tray host: a StatusNotifierWatcher name owned on the app's session bus, as a
// KDE or Ubuntu panel owns it. The app and the stand-in's Tray both ask the bus whether one is there.
import dbus from 'dbus-next';
import { WATCHER_NAME } from './status-notifier';

export async function provideTrayHost(): Promise<void> {
  if (!process.env['DBUS_SESSION_BUS_ADDRESS']) return;
  const bus = dbus.sessionBus();
  // Queued ownership (flags 0): with several apps on one bus, the name passes on when its owner exits.
  await bus.requestName(WATCHER_NAME, 0);
  // The bus connection must not keep a quitting app alive.
  (bus as unknown as { _connection?: { stream?: { unref?(): void } } })._connection?.stream?.unref?.();
}
