// The frame of one setting: label and hint on the left, the control on the right, the error underneath.
import type { ReactNode } from 'react';
import { FieldError } from '../../components/field-error';
import { Icon } from '../../components/icon';
import { useT } from '../../i18n/i18n-context';

export interface SettingRowProps {
  label: ReactNode;
  /** Ties the label to the control. */
  htmlFor?: string;
  labelId?: string;
  hint?: ReactNode;
  hintId?: string;
  error?: string | null;
  errorId?: string;
  saved?: boolean;
  children: ReactNode;
}

export function SettingRow({
  label,
  htmlFor,
  labelId,
  hint,
  hintId,
  error,
  errorId,
  saved,
  children,
}: SettingRowProps) {
  const t = useT();
  return (
    <div className={error ? 'setting setting-invalid' : 'setting'}>
      <div className="setting-text">
        {htmlFor ? (
          <label htmlFor={htmlFor} id={labelId} className="field-label">
            {label}
          </label>
        ) : (
          <span id={labelId} className="field-label">
            {label}
          </span>
        )}
        {hint ? (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        ) : null}
      </div>
      <div className="setting-control">
        {children}
        <span className={saved ? 'saved saved-visible' : 'saved'} aria-hidden={!saved}>
          <Icon name="check" size={14} />
          {t('settings.saved')}
        </span>
      </div>
      <FieldError id={errorId} className="setting-error" message={error} />
    </div>
  );
}
