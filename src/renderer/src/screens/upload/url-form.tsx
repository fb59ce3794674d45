// URL mode: the server fetches a file from a public link (up to 100 MB) instead of this computer sending it.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Icon } from '../../components/icon';
import { FieldError } from '../../components/field-error';
import { useT } from '../../i18n/i18n-context';

export interface UrlFormProps {
  onSubmit: (url: string) => Promise<boolean>;
  busy: boolean;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function UrlForm({ onSubmit, busy }: UrlFormProps) {
  const t = useT();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const [url, setUrl] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isHttpUrl(url)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (await onSubmit(url.trim())) setUrl('');
  };

  return (
    <form
      className="url-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('upload.url.formLabel')}
    >
      <div className="dropzone-art" aria-hidden="true">
        <Icon name="link" size={30} />
      </div>
      <label htmlFor={id} className="field-label">
        {t('upload.url.label')}
      </label>
      <input
        id={id}
        className="input"
        type="url"
        inputMode="url"
        placeholder="https://example.com/photo.jpg"
        value={url}
        onChange={(event) => {
          setUrl(event.target.value);
          setInvalid(false);
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
        spellCheck={false}
      />
      <p id={hintId} className="field-hint">
        {t('upload.url.hint')}
      </p>
      <FieldError id={errorId} message={invalid ? t('upload.url.invalid') : null} />
      <button type="submit" className="button button-primary" disabled={busy}>
        <Icon name="upload" size={16} />
        {t('upload.url.submit')}
      </button>
    </form>
  );
}
