// Electron's globalShortcut as the core's ShortcutRegistry, with the "Upload clipboard" action bound.
// register() answers false when another app (or the OS) already owns the keys; the shortcut service
// then keeps the old shortcut and says so.
import { app, globalShortcut } from 'electron';
import type { ShortcutRegistry } from './core/clipboard';

export function electronShortcutRegistry(onPress: () => void): ShortcutRegistry {
  return {
    register: (accelerator) => globalShortcut.register(accelerator, onPress),
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
    isRegistered: (accelerator) => globalShortcut.isRegistered(accelerator),
  };
}

/** Global shortcuts outlive nothing: let them all go as the app quits. */
export function setupGlobalShortcuts(): void {
  app.on('will-quit', () => globalShortcut.unregisterAll());
}
