// "Upload clipboard" from the tray and the global shortcut: the same handler the window calls. Its
// batch ends with one notification; when there was nothing to upload (an empty clipboard, plain
// text), that is said in a notification too, since there is no window to show it in.
import type { AppService, NotifyAdapter } from './core/app-service';
import { IpcFailure, toIpcError } from './core/app-service';
import type { Language } from './i18n';
import { mainTranslator } from './i18n';
import { appLanguage } from './i18n/app-language';
import { errorText } from './i18n/error-text';

/** A second press this soon after the first is the same wish, not a second upload of the same thing. */
const REPEAT_GUARD_MS = 1000;

export function createClipboardUploader(
  getService: () => AppService | null,
  notifier: NotifyAdapter,
): () => void {
  let lastPress = 0;
  return () => {
    const service = getService();
    const now = Date.now();
    if (service === null || now - lastPress < REPEAT_GUARD_MS) return;
    lastPress = now;
    Promise.resolve()
      .then(() => service.handlers['clipboard:upload']({}))
      .catch((err: unknown) => {
        const language = appLanguage(service.settings.get());
        const title = mainTranslator(language)('notify.clipboardNothing.title');
        notifier.notify({ title, body: whyNothing(err, language) });
      });
  };
}

/** Why nothing went up, in the person's language where the failure's kind says it; else its own words. */
export function whyNothing(err: unknown, language: Language): string {
  const t = mainTranslator(language);
  if (err instanceof IpcFailure) {
    if (err.kind === 'clipboard-empty') return t('notify.clipboardEmpty');
    if (err.kind === 'clipboard-unsupported') return t('notify.clipboardUnsupported');
    if (err.kind === 'unsupported') return t('notify.clipboardUnreadable');
  }
  return errorText(language, toIpcError(err));
}
