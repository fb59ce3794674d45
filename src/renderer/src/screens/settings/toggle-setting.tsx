// An on/off setting, saved as soon as it is flipped.
import type { ReactNode } from 'react';
import type { Settings } from '../../../../shared/settings';
import { FieldError } from '../../components/field-error';
import { Toggle } from '../../components/toggle';
import { useFieldSave } from './use-field-save';

export interface ToggleSettingProps {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  toPatch: (checked: boolean) => Partial<Settings>;
}

export function ToggleSetting({ label, hint, checked, toPatch }: ToggleSettingProps) {
  const field = useFieldSave();
  return (
    <div className="setting setting-toggle">
      <Toggle
        label={label}
        description={hint}
        checked={checked}
        onChange={(on) => void field.save(toPatch(on))}
      />
      <FieldError className="setting-error" message={field.error} />
    </div>
  );
}
