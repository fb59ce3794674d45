// What the Upload screen's picture choice says and sends: Settings summed up in a few words (in either
// language), nothing extra when Settings decide, and the screen's own values when it optimises.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { createTranslator } from '../../src/renderer/src/i18n/translate';
import {
  imageChoiceFor,
  optimiseFromSettings,
  settingsSummary,
} from '../../src/renderer/src/screens/upload/image-choice';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

describe('the Settings summary beside "As in Settings"', () => {
  it('says pictures go as they are when Settings neither optimise nor remove metadata', () => {
    expect(settingsSummary(DEFAULT_SETTINGS, en)).toBe('sent as they are');
  });

  it('names the format, quality, size and metadata removal Settings apply', () => {
    const s = { ...DEFAULT_SETTINGS, imageOptimize: true, imageFormat: 'avif' as const, imageQuality: 60 };
    expect(settingsSummary({ ...s, imageMaxSide: 1920, stripMetadata: true }, en)).toBe(
      'AVIF 60, longest side 1920 px, metadata removed',
    );
    expect(settingsSummary({ ...s, imageFormat: 'keep', imageQuality: 75 }, en)).toBe(
      'own format, quality 75',
    );
    expect(settingsSummary({ ...DEFAULT_SETTINGS, stripMetadata: true }, en)).toBe('metadata removed');
    expect(settingsSummary({ ...s, imageMaxSide: 1920, stripMetadata: true }, zh)).toBe(
      'AVIF，质量 60，最长边 1920 px，移除元数据',
    );
  });
});

describe('what goes with the files', () => {
  it('is nothing for "As in Settings", "as-is" for "Send as they are", the values for "Optimise"', () => {
    const optimise = optimiseFromSettings({ ...DEFAULT_SETTINGS, imageMaxSide: 2560, stripMetadata: true });
    expect(imageChoiceFor({ mode: 'settings', optimise })).toBeUndefined();
    expect(imageChoiceFor({ mode: 'as-is', optimise: null })).toEqual({ mode: 'as-is' });
    expect(imageChoiceFor({ mode: 'optimise', optimise })).toEqual({
      mode: 'optimise',
      format: 'webp',
      quality: 80,
      maxSide: 2560,
      stripMetadata: true,
    });
  });
});
