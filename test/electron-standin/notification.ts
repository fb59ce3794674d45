// Notification: the OS keeps only a weak handle on the JavaScript object, so a notification the app does
// not keep a reference to can be garbage-collected and its `click` is lost (DESIGN §8 rule 10;
// electron/electron#16922). The stand-in keeps a WeakRef and delivers a click only while it is alive.
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { requireReady } from './lifecycle';
import { modes } from './modes';

export interface ShownNotification {
  id: number;
  title: string;
  body: string;
  silent: boolean;
  /** The button labels the OS shows. Electron shows `actions` of type 'button' on Windows, and on macOS
   * only for a signed app whose Info.plist sets NSUserNotificationAlertStyle to "alert"
   * (https://electronjs.org/docs/api/structures/notification-action), which KieDrop's does not; Linux
   * shows none. */
  buttons: string[];
  ref: WeakRef<Notification>;
  closed: boolean;
}

export const shownNotifications: ShownNotification[] = [];
let nextId = 1;

export class Notification extends EventEmitter implements Pick<Electron.Notification, 'show' | 'close'> {
  static isSupported(): boolean {
    return true;
  }

  title: string;
  body: string;
  silent: boolean;
  actions: Electron.NotificationAction[];
  private record: ShownNotification | null = null;

  constructor(
    options: {
      title?: string;
      body?: string;
      silent?: boolean;
      actions?: Electron.NotificationAction[];
    } = {},
  ) {
    super();
    requireReady('Notification');
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    this.silent = options.silent ?? false;
    this.actions = options.actions ?? [];
  }

  show(): void {
    this.record = {
      id: nextId++,
      title: this.title,
      body: this.body,
      silent: this.silent,
      buttons:
        modes.platform !== 'win32'
          ? []
          : this.actions.filter((a) => a.type === 'button').map((a) => a.text ?? ''),
      ref: new WeakRef(this),
      closed: false,
    };
    shownNotifications.push(this.record);
    setImmediate(() => this.emit('show', { preventDefault() {} }));
  }

  close(): void {
    if (!this.record || this.record.closed) return;
    this.record.closed = true;
    this.emit('close', { preventDefault() {} });
  }
}

/** The user clicks notification `id`: true when the app's object was still there to receive it. */
export function clickNotification(id: number): boolean {
  const record = shownNotifications.find((n) => n.id === id);
  const target = record?.ref.deref();
  if (!record || !target || record.closed) return false;
  target.emit('click', { preventDefault() {} });
  // Clicking dismisses it, as the OS does.
  target.close();
  return true;
}

/** The user presses button `index` of notification `id`: false when no such button is shown or the app's
 * object is gone. Electron 45 passes the index in the event's details (and, deprecated, as an argument). */
export function pressNotificationButton(id: number, index: number): boolean {
  const record = shownNotifications.find((n) => n.id === id);
  const target = record?.ref.deref();
  if (!record || !target || record.closed || index < 0 || index >= record.buttons.length) return false;
  target.emit('action', { actionIndex: index, selectionIndex: -1, preventDefault() {} }, index, -1);
  target.close();
  return true;
}
