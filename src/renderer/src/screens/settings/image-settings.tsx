// Settings → Uploads: pictures optimised before the app uploads them, and their metadata removed. Quality
// and size are chosen from a few steps rather than typed, so there is nothing to get wrong.
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import type { Settings } from '../../../../shared/settings';
import { ChoiceSetting } from './choice-setting';
import { ToggleSetting } from './toggle-setting';

type Format = Settings['imageFormat'];
const QUALITIES = ['60', '75', '80', '90'] as const;
const SIDES = ['none', '1280', '1920', '2560', '3840'] as const;

export function ImageSettings() {
  const t = useT();
  const { settings } = useSettings();
  const formats: { value: Format; label: string }[] = [
    { value: 'webp', label: 'WebP' },
    { value: 'avif', label: 'AVIF' },
    { value: 'jpeg', label: 'JPEG' },
    { value: 'keep', label: t('settings.imageFormatKeep') },
  ];
  // A value set by hand in settings.json that is not a step still shows, as its own option.
  const quality = String(settings.imageQuality);
  const qualities = QUALITIES.includes(quality as (typeof QUALITIES)[number])
    ? [...QUALITIES]
    : [...QUALITIES, quality];
  const side = settings.imageMaxSide === null ? 'none' : String(settings.imageMaxSide);
  const sides: string[] = SIDES.includes(side as (typeof SIDES)[number]) ? [...SIDES] : [...SIDES, side];
  return (
    <>
      <ToggleSetting
        label={t('settings.imageOptimize')}
        hint={t('settings.imageOptimizeHint')}
        checked={settings.imageOptimize}
        toPatch={(on) => ({ imageOptimize: on })}
      />
      {settings.imageOptimize ? (
        <>
          <ChoiceSetting<Format>
            label={t('settings.imageFormat')}
            value={settings.imageFormat}
            options={formats}
            toPatch={(v) => ({ imageFormat: v })}
          />
          <ChoiceSetting<string>
            label={t('settings.imageQuality')}
            value={quality}
            options={qualities.map((q) => ({ value: q, label: q }))}
            toPatch={(v) => ({ imageQuality: Number(v) })}
          />
          <ChoiceSetting<string>
            label={t('settings.imageMaxSide')}
            value={side}
            options={sides.map((s) => ({
              value: s,
              label: s === 'none' ? t('settings.imageMaxSideNone') : `${s} px`,
            }))}
            toPatch={(v) => ({ imageMaxSide: v === 'none' ? null : Number(v) })}
          />
        </>
      ) : null}
      <ToggleSetting
        label={t('settings.stripMetadata')}
        hint={t('settings.stripMetadataHint')}
        checked={settings.stripMetadata}
        toPatch={(on) => ({ stripMetadata: on })}
      />
    </>
  );
}
