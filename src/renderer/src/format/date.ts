// When something was uploaded: "Today 14:05", "Yesterday 09:12", or a short date for older entries.
import type { Language, TFunction } from '../i18n/messages';

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

const timeFormats = new Map<Language, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(language: Language): Intl.DateTimeFormat {
  let f = timeFormats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(language, f);
  }
  return f;
}

function dateFormat(language: Language, withYear: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withYear}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language, {
      year: withYear ? 'numeric' : undefined,
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateFormats.set(key, f);
  }
  return f;
}

export function formatUploadedAt(iso: string, now: Date, language: Language, t: TFunction): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const time = timeFormat(language).format(at);
  if (sameDay(at, now)) return t('date.today', { time });
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (sameDay(at, yesterday)) return t('date.yesterday', { time });
  return dateFormat(language, at.getFullYear() !== now.getFullYear()).format(at);
}
