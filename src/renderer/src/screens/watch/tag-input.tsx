// A list of patterns as removable tags plus a field to type more: Enter or a comma adds what was typed,
// Backspace in the empty field takes the last tag back for editing, and each tag has its own remove
// button with a name a screen reader can read.
import { useId, useState } from 'react';
import { Icon } from '../../components/icon';
import { FieldError } from '../../components/field-error';
import { useT } from '../../i18n/i18n-context';
import { addPatterns } from '../../../../shared/watch-format';

export interface TagInputProps {
  label: string;
  hint: string;
  values: readonly string[];
  /** Saves the new list; resolves false when the app refused it (the typed text then stays). */
  onChange: (values: string[]) => Promise<boolean>;
  error?: string | null;
  testId?: string;
}

export function TagInput({ label, hint, values, onChange, error, testId }: TagInputProps) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState('');

  const commit = async (): Promise<void> => {
    const next = addPatterns(values, draft);
    if (next.length === values.length) {
      setDraft('');
      return;
    }
    if (await onChange(next)) setDraft('');
  };

  const describedBy = [hintId, error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'watch-field setting-invalid' : 'watch-field'}>
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      <div className="tag-input" data-testid={testId}>
        <ul className="tag-list" aria-label={label}>
          {values.map((value) => (
            <li key={value} className="tag">
              <span className="mono">{value}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('watch.field.removePattern', { pattern: value })}
                title={t('watch.field.removePattern', { pattern: value })}
                onClick={() => void onChange(values.filter((v) => v !== value))}
              >
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
        <input
          id={inputId}
          className="tag-field mono"
          value={draft}
          placeholder={t('watch.field.patternPlaceholder')}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const text = event.target.value;
            // A typed comma finishes a pattern, like Enter.
            if (text.endsWith(',')) {
              setDraft(text);
              void onChange(addPatterns(values, text)).then((ok) => ok && setDraft(''));
            } else {
              setDraft(text);
            }
          }}
          onBlur={() => void commit()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void commit();
            } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
              event.preventDefault();
              const last = values[values.length - 1] ?? '';
              void onChange(values.slice(0, -1)).then((ok) => ok && setDraft(last));
            } else if (event.key === 'Escape' && draft !== '') {
              event.preventDefault();
              setDraft('');
            }
          }}
        />
      </div>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
