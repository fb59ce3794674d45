// A refused setting in the person's words and language: what to type instead, named by the field they
// just changed, rather than the app's `Setting "concurrency": …`. A reason only the app can know (why an
// upload path or a host is not usable) is kept, without the setting's internal name.
import type { IpcError } from '../../../../shared/ipc-contract';
import type { Settings } from '../../../../shared/settings';
import type { TFunction } from '../../i18n/messages';
import { translateError } from '../../i18n/translate-error';
import { templateProblemIn } from './template-problem-words';

/** The highest values the app accepts (src/main/core/settings/settings-schema.ts). */
export const SETTING_LIMITS = {
  concurrency: 10,
  expiringSoonHours: 72,
  shareConfirmAbove: 100_000,
  keepAliveLeadHours: 48,
  linkLifetimeHours: 72,
  urlUploadCopiesMaxMiB: 102_400,
} as const;

/** The app's text without its `Setting "name": ` prefix. */
export function withoutSettingName(message: string): string {
  return message.replace(/^Setting "[^"]*":\s*/u, '');
}

export function settingErrorText(patch: Partial<Settings>, error: IpcError, t: TFunction): string {
  // A reason with its own code (why an upload path is not usable) is said in the person's language.
  const coded = error.code !== undefined && error.code !== 'settings.invalid';
  const plain = withoutSettingName(error.message);
  const reason = coded ? translateError({ ...error, message: plain }, t) : plain;
  const field = Object.keys(patch)[0] as keyof Settings | undefined;
  switch (field) {
    case 'concurrency':
      return t('settings.error.wholeNumber', { min: 1, max: SETTING_LIMITS.concurrency });
    case 'expiringSoonHours':
      return t('settings.error.hours', { min: 1, max: SETTING_LIMITS.expiringSoonHours });
    case 'keepAliveLeadHours':
      return t('settings.error.hours', { min: 1, max: SETTING_LIMITS.keepAliveLeadHours });
    case 'linkLifetimeHours':
      return t('settings.error.hoursOrEmpty', { min: 1, max: SETTING_LIMITS.linkLifetimeHours });
    case 'urlUploadCopiesMaxMiB':
      return t('settings.error.wholeNumber', { min: 1, max: SETTING_LIMITS.urlUploadCopiesMaxMiB });
    case 'shareConfirmAbove':
      return t('settings.error.wholeNumber', { min: 1, max: SETTING_LIMITS.shareConfirmAbove });
    case 'uploadBaseUrl':
    case 'creditsBaseUrl':
      return t('settings.error.host', { reason });
    case 'proxy':
      return t('settings.error.proxy', { example: 'http://127.0.0.1:8080', reason });
    case 'defaultUploadPath':
      return t('settings.error.uploadPath', { reason });
    case 'editorServer':
      // Its port is what gets refused; a secret over 200 characters keeps the app's own words.
      return /port/i.test(plain) ? t('settings.error.wholeNumber', { min: 1024, max: 65535 }) : reason;
    case 'nameTemplate':
      return templateProblemIn(patch.nameTemplate ?? '', t) ?? reason;
    case 'uploadPathTemplate':
      return templateProblemIn(patch.uploadPathTemplate ?? '', t) ?? reason;
    case 'customCopyTemplate':
      return t('settings.error.template', { token: '{url}' });
    default:
      return reason;
  }
}
