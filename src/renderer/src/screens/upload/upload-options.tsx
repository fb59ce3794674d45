// Per-upload choices: where it goes on the server, the name (one file only), and how it is sent.
import { useId } from 'react';
import { SegmentedControl } from '../../components/segmented-control';
import { useT } from '../../i18n/i18n-context';

export type SendMethod = 'stream' | 'base64';

export interface UploadOptionsValue {
  uploadPath: string;
  fileName: string;
  method: SendMethod;
}

export interface UploadOptionsProps {
  value: UploadOptionsValue;
  defaultPath: string;
  onChange: (value: UploadOptionsValue) => void;
  showMethod: boolean;
}

export function UploadOptionsPanel({ value, defaultPath, onChange, showMethod }: UploadOptionsProps) {
  const t = useT();
  const pathId = useId();
  const pathHint = useId();
  const nameId = useId();
  const nameHint = useId();
  return (
    <fieldset className="options">
      <legend className="options-title">{t('upload.options.title')}</legend>
      <div className="field">
        <label htmlFor={pathId} className="field-label">
          {t('upload.options.path')}
        </label>
        <input
          id={pathId}
          className="input input-mono"
          value={value.uploadPath}
          placeholder={defaultPath}
          spellCheck={false}
          aria-describedby={pathHint}
          onChange={(event) => onChange({ ...value, uploadPath: event.target.value })}
        />
        <p id={pathHint} className="field-hint">
          {t('upload.options.pathHint', { path: defaultPath })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={nameId} className="field-label">
          {t('upload.options.name')}
        </label>
        <input
          id={nameId}
          className="input"
          value={value.fileName}
          placeholder={t('upload.options.namePlaceholder')}
          spellCheck={false}
          aria-describedby={nameHint}
          onChange={(event) => onChange({ ...value, fileName: event.target.value })}
        />
        <p id={nameHint} className="field-hint">
          {t('upload.options.nameHint')}
        </p>
      </div>
      {showMethod ? (
        <div className="field">
          <span className="field-label" id={`${pathId}-method`}>
            {t('upload.options.method')}
          </span>
          <SegmentedControl<SendMethod>
            label={t('upload.options.method')}
            value={value.method}
            onChange={(method) => onChange({ ...value, method })}
            options={[
              { value: 'stream', label: t('upload.method.stream') },
              { value: 'base64', label: t('upload.method.base64') },
            ]}
          />
          <p className="field-hint">
            {value.method === 'stream' ? t('upload.method.streamHint') : t('upload.method.base64Hint')}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
