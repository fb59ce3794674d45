// A text or number setting that saves when the field loses focus or on Enter, and reverts on Escape.
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { Settings } from '../../../../shared/settings';
import { SettingRow } from './setting-row';
import { useDraftInput } from './use-draft-input';
import { useFieldSave } from './use-field-save';

export interface TextSettingProps {
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  toPatch: (text: string) => Partial<Settings>;
  type?: 'text' | 'number' | 'url';
  min?: number;
  max?: number;
  mono?: boolean;
  placeholder?: string;
  width?: 'short' | 'long';
  testId?: string;
}

export function TextSetting({
  label,
  hint,
  value,
  toPatch,
  type = 'text',
  min,
  max,
  mono,
  placeholder,
  width = 'long',
  testId,
}: TextSettingProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const field = useFieldSave();
  const draft = useDraftInput(value, (text) => field.save(toPatch(text)), field.clearError);

  const describedBy = [hint ? hintId : '', field.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <SettingRow
      label={label}
      htmlFor={id}
      hint={hint}
      hintId={hintId}
      error={field.error}
      errorId={errorId}
      saved={field.saved}
    >
      <input
        id={id}
        className={`input input-${width}${mono ? ' input-mono' : ''}`}
        type={type}
        min={min}
        max={max}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
        {...draft}
      />
    </SettingRow>
  );
}
