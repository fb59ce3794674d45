// "Pictures" on the Upload screen: as in Settings (which it sums up), optimised as chosen here, or sent as
// they are. Radios and chips rather than a row of segments, so the choice wraps in a narrow window.
import { Fragment, useId } from 'react';
import type { Settings } from '../../../../shared/settings';
import { SegmentedControl } from '../../components/segmented-control';
import { Toggle } from '../../components/toggle';
import { useT } from '../../i18n/i18n-context';
import type { ImageChoiceDraft, ImageFormat, ImageMode, OptimiseValues } from './image-choice';
import { formatName, optimiseFromSettings, QUALITY_STEPS, settingsSummary, SIDE_STEPS } from './image-choice';

export interface UploadImageOptionsProps {
  value: ImageChoiceDraft;
  settings: Settings;
  onChange: (value: ImageChoiceDraft) => void;
}

/** The steps, with the current value added when it is not one of them (set otherwise in Settings). */
function withValue(steps: readonly number[], value: number | null): number[] {
  return value === null || steps.includes(value) ? [...steps] : [...steps, value].sort((a, b) => a - b);
}

interface OptimiseFieldsProps {
  value: OptimiseValues;
  onChange: (value: OptimiseValues) => void;
}

function OptimiseFields({ value, onChange }: OptimiseFieldsProps) {
  const t = useT();
  const formats: { value: ImageFormat; label: string }[] = [
    { value: 'webp', label: formatName('webp') },
    { value: 'avif', label: formatName('avif') },
    { value: 'jpeg', label: formatName('jpeg') },
    { value: 'keep', label: t('upload.images.formatKeep') },
  ];
  const sides = ['none', ...withValue(SIDE_STEPS, value.maxSide).map(String)];
  return (
    <div className="image-choice-details">
      <div className="field">
        <span className="field-label">{t('upload.images.format')}</span>
        <SegmentedControl<ImageFormat>
          label={t('upload.images.format')}
          variant="chips"
          value={value.format}
          options={formats}
          onChange={(format) => onChange({ ...value, format })}
        />
      </div>
      <div className="field">
        <span className="field-label">{t('upload.images.quality')}</span>
        <SegmentedControl<string>
          label={t('upload.images.quality')}
          variant="chips"
          value={String(value.quality)}
          options={withValue(QUALITY_STEPS, value.quality).map((q) => ({
            value: String(q),
            label: String(q),
          }))}
          onChange={(q) => onChange({ ...value, quality: Number(q) })}
        />
      </div>
      <div className="field">
        <span className="field-label">{t('upload.images.maxSide')}</span>
        <SegmentedControl<string>
          label={t('upload.images.maxSide')}
          variant="chips"
          value={value.maxSide === null ? 'none' : String(value.maxSide)}
          options={sides.map((s) => ({
            value: s,
            label: s === 'none' ? t('upload.images.maxSideNone') : `${s} px`,
          }))}
          onChange={(s) => onChange({ ...value, maxSide: s === 'none' ? null : Number(s) })}
        />
      </div>
      <Toggle
        label={t('upload.images.strip')}
        checked={value.stripMetadata}
        onChange={(stripMetadata) => onChange({ ...value, stripMetadata })}
      />
    </div>
  );
}

export function UploadImageOptions({ value, settings, onChange }: UploadImageOptionsProps) {
  const t = useT();
  const group = useId();
  const hintId = useId();
  const modes: { mode: ImageMode; label: string }[] = [
    { mode: 'settings', label: t('upload.images.settings', { summary: settingsSummary(settings, t) }) },
    { mode: 'optimise', label: t('upload.images.optimise') },
    { mode: 'as-is', label: t('upload.images.asIs') },
  ];
  const choose = (mode: ImageMode) =>
    onChange({
      mode,
      optimise: value.optimise ?? (mode === 'optimise' ? optimiseFromSettings(settings) : null),
    });
  return (
    <fieldset className="image-choice" aria-describedby={hintId} data-testid="upload-images">
      <legend className="field-label">{t('upload.images.title')}</legend>
      {modes.map(({ mode, label }) => (
        <Fragment key={mode}>
          <label className="image-choice-option">
            <input type="radio" name={group} checked={value.mode === mode} onChange={() => choose(mode)} />
            <span>{label}</span>
          </label>
          {/* The steps sit under "Optimise", the option they belong to. */}
          {mode === 'optimise' && value.mode === 'optimise' && value.optimise ? (
            <OptimiseFields
              value={value.optimise}
              onChange={(optimise) => onChange({ ...value, optimise })}
            />
          ) : null}
        </Fragment>
      ))}
      <p id={hintId} className="field-hint">
        {t('upload.images.hint')}
      </p>
    </fieldset>
  );
}
