// A watched folder's "Pictures" group: follow Settings, optimise with the folder's own format, quality and
// size, or send pictures as they are; and whether location and camera data are removed. Used by the
// folder's settings (each change saved) and by the add dialog (kept until the folder is added).
import { useId } from 'react';
import type { WatchFolderPatch, WatchFolderSettings } from '../../../../shared/ipc-contract';
import type { WatchImageMode, WatchStripMode } from '../../../../shared/watch';
import { FieldError } from '../../components/field-error';
import { SegmentedControl } from '../../components/segmented-control';
import { useT } from '../../i18n/i18n-context';
import { SettingRow } from '../settings/setting-row';

export type FolderImageValues = Pick<
  WatchFolderSettings,
  'imageMode' | 'imageFormat' | 'imageQuality' | 'imageMaxSide' | 'imageStrip'
>;

type Format = WatchFolderSettings['imageFormat'];
// The same steps as Settings → Uploads, so there is nothing to type wrong.
const QUALITIES = ['60', '75', '80', '90'] as const;
const SIDES = ['none', '1280', '1920', '2560', '3840'] as const;

/** The steps, plus the saved value when it is not one of them (set with `kiedrop watch`). */
function withCurrent(steps: readonly string[], current: string): string[] {
  return steps.includes(current) ? [...steps] : [...steps, current];
}

export interface FolderImagesProps {
  value: FolderImageValues;
  onChange: (patch: WatchFolderPatch) => void;
  /** The app's refusal of the last change, shown under the group. */
  error?: string | null;
}

function Choice<V extends string>(props: {
  label: string;
  hint?: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (v: V) => void;
}) {
  const labelId = useId();
  return (
    <SettingRow label={props.label} labelId={labelId} hint={props.hint}>
      <SegmentedControl<V>
        label={props.label}
        value={props.value}
        options={props.options}
        onChange={props.onChange}
      />
    </SettingRow>
  );
}

export function FolderImages({ value, onChange, error }: FolderImagesProps) {
  const t = useT();
  const modes: { value: WatchImageMode; label: string }[] = [
    { value: 'settings', label: t('watch.images.follow') },
    { value: 'optimize', label: t('watch.images.optimize') },
    { value: 'original', label: t('watch.images.original') },
  ];
  const formats: { value: Format; label: string }[] = [
    { value: 'webp', label: 'WebP' },
    { value: 'avif', label: 'AVIF' },
    { value: 'jpeg', label: 'JPEG' },
    { value: 'keep', label: t('watch.images.formatKeep') },
  ];
  const strips: { value: WatchStripMode; label: string }[] = [
    { value: 'settings', label: t('watch.images.follow') },
    { value: 'always', label: t('watch.images.always') },
    { value: 'never', label: t('watch.images.never') },
  ];
  const quality = String(value.imageQuality);
  const side = value.imageMaxSide === null ? 'none' : String(value.imageMaxSide);
  return (
    <fieldset className="watch-images" data-testid="watch-images">
      <legend className="field-label">{t('watch.images.title')}</legend>
      <Choice<WatchImageMode>
        label={t('watch.images.mode')}
        hint={t('watch.images.modeHint')}
        value={value.imageMode}
        options={modes}
        onChange={(imageMode) => onChange({ imageMode })}
      />
      {value.imageMode === 'optimize' ? (
        <>
          <Choice<Format>
            label={t('watch.images.format')}
            value={value.imageFormat}
            options={formats}
            onChange={(imageFormat) => onChange({ imageFormat })}
          />
          <Choice<string>
            label={t('watch.images.quality')}
            value={quality}
            options={withCurrent(QUALITIES, quality).map((q) => ({ value: q, label: q }))}
            onChange={(q) => onChange({ imageQuality: Number(q) })}
          />
          <Choice<string>
            label={t('watch.images.maxSide')}
            value={side}
            options={withCurrent(SIDES, side).map((s) => ({
              value: s,
              label: s === 'none' ? t('watch.images.maxSideNone') : `${s} px`,
            }))}
            onChange={(s) => onChange({ imageMaxSide: s === 'none' ? null : Number(s) })}
          />
        </>
      ) : null}
      <Choice<WatchStripMode>
        label={t('watch.images.strip')}
        hint={t('watch.images.stripHint')}
        value={value.imageStrip}
        options={strips}
        onChange={(imageStrip) => onChange({ imageStrip })}
      />
      <FieldError message={error ?? null} />
    </fieldset>
  );
}
