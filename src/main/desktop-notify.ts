// One OS notification with the user's choices applied: none when notifications are off, and the
// system's notification sound only when "Play a sound" is on (otherwise silent). With notifications
// off but the sound on, a plain beep still says "done".
import { Notification, shell } from 'electron';
import type { NotifyAdapter } from './core/app-service';
import type { Settings } from '../shared/settings';

/**
 * Notifications on screen. The OS holds only a weak handle on each, so one nobody references is
 * garbage-collected and its click is lost (electron/electron#16922): each is kept here until it closes.
 */
const live = new Set<Notification>();
const MAX_LIVE = 50;

export function liveNotificationCount(): number {
  return live.size;
}

/** Buttons on the notification, where the OS shows them: Windows; macOS only for a signed app whose
 * Info.plist asks for alert-style notifications (electronjs.org/docs/api/structures/notification-action),
 * which KieDrop's does not; Linux never. Elsewhere the click is all there is. */
export interface NoticeButtons {
  labels: string[];
  onAction(index: number): void;
}

export function showNotice(
  notice: { title: string; body: string },
  settings: Pick<Settings, 'notifications' | 'playSound'>,
  onClick?: () => void,
  buttons?: NoticeButtons,
): void {
  if (settings.notifications && Notification.isSupported()) {
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      silent: !settings.playSound,
      ...(buttons && { actions: buttons.labels.map((text) => ({ type: 'button' as const, text })) }),
    });
    if (onClick) notification.on('click', onClick);
    // Electron 45 passes the index in the event's details (the second argument is deprecated).
    if (buttons) notification.on('action', (details) => buttons.onAction(details.actionIndex));
    const release = (): void => void live.delete(notification);
    notification.once('close', release);
    notification.once('failed', release);
    notification.once('click', release);
    if (buttons) notification.once('action', release);
    live.add(notification);
    // 'close' is not emitted on every platform when a notification times out: keep the newest only.
    if (live.size > MAX_LIVE) live.delete(live.values().next().value as Notification);
    notification.show();
    return;
  }
  if (settings.playSound) shell.beep();
}

/** `getSettings` is read at each notice, so the toggles apply at once. */
export function createDesktopNotifier(
  getSettings: () => Pick<Settings, 'notifications' | 'playSound'> | null,
  onClick?: () => void,
): NotifyAdapter {
  return {
    notify(notice) {
      const settings = getSettings();
      if (settings) showNotice(notice, settings, onClick);
    },
  };
}
