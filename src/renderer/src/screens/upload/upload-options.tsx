// Per-upload choices: where it goes on the server, the name (one file only), how it is sent, and what is
// done to pictures.
import { useId } from 'react';
import type { Settings } from '../../../../shared/settings';
import { SegmentedControl } from '../../components/segmented-control';
import { useT } from '../../i18n/i18n-context';
import type { ImageChoiceDraft } from './image-choice';
import { UploadImageOptions } from './upload-image-options';
import { uploadTemplateHint } from './upload-templates';

export type SendMethod = 'stream' | 'base64';

export interface UploadOptionsValue {
  uploadPath: string;
  fileName: string;
  method: SendMethod;
  images: ImageChoiceDraft;
}

export interface UploadOptionsProps {
  value: UploadOptionsValue;
  defaultPath: string;
  settings: Settings;
  onChange: (value: UploadOptionsValue) => void;
  /** Files are being uploaded (not a link): how they are sent and what is done to pictures apply. */
  forFiles: boolean;
}

interface OptionFieldProps {
  label: string;
  hint: string;
  value: string;
  placeholder: string;
  mono?: boolean;
  onChange: (text: string) => void;
}

/** A labelled text field with its hint underneath, tied to it for screen readers. */
function OptionField({ label, hint, value, placeholder, mono, onChange }: OptionFieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className={mono ? 'input input-mono' : 'input'}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={hintId} className="field-hint">
        {hint}
      </p>
    </div>
  );
}

export function UploadOptionsPanel({ value, defaultPath, settings, onChange, forFiles }: UploadOptionsProps) {
  const t = useT();
  const methodId = useId();
  // Templates name the files of an upload; a link keeps the name given as it is.
  const templateHint = forFiles ? uploadTemplateHint(value.fileName, value.uploadPath, defaultPath, t) : null;
  return (
    <fieldset className="options">
      <legend className="options-title">{t('upload.options.title')}</legend>
      <OptionField
        label={t('upload.options.path')}
        hint={t('upload.options.pathHint', { path: defaultPath })}
        value={value.uploadPath}
        placeholder={defaultPath}
        mono
        onChange={(uploadPath) => onChange({ ...value, uploadPath })}
      />
      <OptionField
        label={t('upload.options.name')}
        hint={t(forFiles ? 'upload.options.nameHintFiles' : 'upload.options.nameHint', {
          example: '{name}-{random:6}.{ext}',
        })}
        value={value.fileName}
        placeholder={t('upload.options.namePlaceholder')}
        onChange={(fileName) => onChange({ ...value, fileName })}
      />
      {templateHint ? (
        <p
          className={templateHint.ok ? 'field-hint naming-preview' : 'field-error'}
          data-testid="upload-template-preview"
          aria-live="polite"
        >
          {templateHint.text}
        </p>
      ) : null}
      {forFiles ? (
        <div className="field">
          <span className="field-label" id={methodId}>
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
          <p className="field-hint" data-testid="method-hint">
            {value.method === 'stream' ? t('upload.method.streamHint') : t('upload.method.base64Hint')}
          </p>
        </div>
      ) : null}
      {forFiles ? (
        <UploadImageOptions
          value={value.images}
          settings={settings}
          onChange={(images) => onChange({ ...value, images })}
        />
      ) : null}
    </fieldset>
  );
}
