// Numbers typed by a person: the app's validation explains what is wrong, so even odd input is passed
// along (an empty field as NaN, which the app refuses with a message naming the setting).
import type { Settings } from '../../../../shared/settings';

type NumberSetting =
  'concurrency' | 'expiringSoonHours' | 'shareConfirmAbove' | 'keepAliveLeadHours' | 'urlUploadCopiesMaxMiB';

export function numberPatch(key: NumberSetting, text: string): Partial<Settings> {
  const trimmed = text.trim();
  return { [key]: trimmed === '' ? Number.NaN : Number(trimmed) };
}
