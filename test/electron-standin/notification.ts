// Notification: the OS keeps only a weak handle on the JavaScript object, so a notification the app does
// not keep a reference to can be garbage-collected and its `click` is lost (DESIGN §8 rule 10;
// electron/electron#16922). The stand-in keeps a WeakRef and delivers a click only while it is alive.
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { requireReady } from './lifecycle';

export interface ShownNotification {
  id: number;
  title: string;
  body: string;
  silent: boolean;
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
  private record: ShownNotification | null = null;

  constructor(options: { title?: string; body?: string; silent?: boolean } = {}) {
    super();
    requireReady('Notification');
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    this.silent = options.silent ?? false;
  }

  show(): void {
    this.record = {
      id: nextId++,
      title: this.title,
      body: this.body,
      silent: this.silent,
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
