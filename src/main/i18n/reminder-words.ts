// The expiry reminder in the person's language: "3 links you copied expire within 6 hours", with the
// labels of its Renew and Pin buttons. Pure, so tests read exactly what the notification says.
import type { ExpiryReminder } from '../core/reminders';
import { mainTranslator } from './index';
import type { Language } from './language';

export interface ReminderWords {
  title: string;
  body: string;
  renew: string;
  pin: string;
}

export function describeExpiryReminder(r: ExpiryReminder, language: Language): ReminderWords {
  const t = mainTranslator(language);
  const hours = r.withinHours === 1 ? t('hours.one') : t('hours.many', { count: r.withinHours });
  const words =
    r.count === 1
      ? {
          title: t('reminder.one.title', { hours }),
          body: t('reminder.one.body', { name: r.soonest.fileName }),
        }
      : { title: t('reminder.many.title', { count: r.count, hours }), body: t('reminder.many.body') };
  return { ...words, renew: t('reminder.renew'), pin: t('reminder.pin') };
}
