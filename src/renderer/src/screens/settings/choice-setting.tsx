// A setting chosen from a few options (theme, language, copy format), saved as soon as it changes.
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { Settings } from '../../../../shared/settings';
import type { SegmentOption } from '../../components/segmented-control';
import { SegmentedControl } from '../../components/segmented-control';
import { SettingRow } from './setting-row';
import { useFieldSave } from './use-field-save';

export interface ChoiceSettingProps<V extends string> {
  label: string;
  hint?: ReactNode;
  value: V;
  options: readonly SegmentOption<V>[];
  toPatch: (value: V) => Partial<Settings>;
  children?: ReactNode;
}

export function ChoiceSetting<V extends string>({
  label,
  hint,
  value,
  options,
  toPatch,
  children,
}: ChoiceSettingProps<V>) {
  const labelId = useId();
  const hintId = useId();
  const errorId = useId();
  const field = useFieldSave();
  return (
    <SettingRow
      label={label}
      labelId={labelId}
      hint={hint}
      hintId={hintId}
      error={field.error}
      errorId={errorId}
      saved={field.saved}
    >
      <div className="setting-stack">
        <SegmentedControl<V>
          label={label}
          value={value}
          options={options}
          onChange={(v) => void field.save(toPatch(v))}
        />
        {children}
      </div>
    </SettingRow>
  );
}
