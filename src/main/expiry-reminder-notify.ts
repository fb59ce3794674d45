// The expiry reminder as one OS notification, in the person's language. Clicking it brings the window
// forward on History's "Expiring soon" list, at the first link to expire. Where the OS shows buttons (Windows; see
// desktop-notify.ts) it offers Renew (a new link for each) and Pin (each kept alive from now on). A
// button that fails says so.
import type { AppService } from './core/app-service';
import type { ExpiryReminder } from './core/reminders';
import { showNotice } from './desktop-notify';
import { mainTranslator } from './i18n';
import { appLanguage } from './i18n/app-language';
import { describeExpiryReminder } from './i18n/reminder-words';

export function showExpiryReminder(service: AppService, r: ExpiryReminder, showMainWindow: () => void): void {
  const settings = service.settings.get();
  const language = appLanguage(settings);
  const words = describeExpiryReminder(r, language);
  const ids = r.links.map((l) => l.historyId);

  const each = (
    title: 'reminder.renewFailed.title' | 'reminder.pinFailed.title',
    act: (id: number) => unknown,
  ) => {
    void Promise.allSettled(ids.map(async (id) => act(id))).then((results) => {
      const failed = results.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (!failed) return;
      const why = failed.reason instanceof Error ? failed.reason.message : String(failed.reason);
      showNotice({ title: mainTranslator(language)(title), body: why }, service.settings.get());
    });
  };

  showNotice(
    words,
    settings,
    () => {
      showMainWindow();
      service.outbox.emit('show-entry', { id: r.soonest.historyId, filter: 'expiring' });
    },
    {
      labels: [words.renew, words.pin],
      onAction: (index) => {
        if (index === 0) each('reminder.renewFailed.title', (id) => service.handlers['history:renew'](id));
        else
          each('reminder.pinFailed.title', (id) =>
            service.handlers['history:pin'](id, { followFile: false }),
          );
      },
    },
  );
}
