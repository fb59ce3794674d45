// Both languages must cover every string the window shows, with the same placeholders, or a Chinese
// user would see an English fallback or a raw "{name}".
import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import {
  createTranslator,
  interpolate,
  placeholdersOf,
  resolveLanguage,
} from '../../src/renderer/src/i18n/translate';
import { zhCN } from '../../src/renderer/src/i18n/zh-CN';

describe('renderer dictionaries', () => {
  it('English and Simplified Chinese have exactly the same keys', () => {
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zhCN).sort();
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });

  it('every message uses the same placeholders in both languages', () => {
    const mismatched = Object.entries(en)
      .map(([key, message]) => ({
        key,
        en: placeholdersOf(message).sort(),
        zh: placeholdersOf(zhCN[key as keyof typeof en]).sort(),
      }))
      .filter((m) => m.en.join() !== m.zh.join());
    expect(mismatched).toEqual([]);
  });

  it('no message is empty or left untranslated by accident', () => {
    const empty = Object.entries(zhCN).filter(([, message]) => message.trim() === '');
    expect(empty).toEqual([]);
    // Chinese text that still equals the English is only fine for names and format labels.
    const allowed = new Set([
      'app.name',
      'copyFormat.url',
      'copyFormat.markdown',
      'copyFormat.html',
      'copyFormat.bbcode',
      'upload.method.base64',
      'settings.version',
    ]);
    const same = Object.keys(en).filter(
      (k) => !allowed.has(k) && en[k as keyof typeof en] === zhCN[k as keyof typeof en],
    );
    expect(same).toEqual([]);
  });
});

describe('translation', () => {
  it('fills placeholders in the chosen language', () => {
    expect(createTranslator('en')('announce.uploadedCopied', { name: 'photo.png' })).toBe(
      'photo.png uploaded, link copied',
    );
    expect(createTranslator('zh-CN')('announce.uploadedCopied', { name: 'photo.png' })).toBe(
      'photo.png 已上传，链接已复制',
    );
  });

  it('keeps an unknown placeholder visible instead of dropping it', () => {
    expect(interpolate('Hello {name}, {missing}', { name: 'Ana' })).toBe('Hello Ana, {missing}');
  });

  it('"system" picks Simplified Chinese for any Chinese OS language and English otherwise', () => {
    expect(resolveLanguage('system', ['zh-CN', 'en'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-TW'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['de-DE', 'zh-CN'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});
