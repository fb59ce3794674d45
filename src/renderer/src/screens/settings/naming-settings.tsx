// Settings → Uploads: the name and upload path templates, with what an example file would become as
// they are typed, and a template's problem next to its field before it is saved.
import { useId } from 'react';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { EXAMPLE_FILE, EXAMPLE_FOLDER, namingPreview } from './naming-preview';
import { SettingRow } from './setting-row';
import { TEMPLATE_VARIABLE_LIST, templateProblemWords } from './template-problem-words';
import { useDraftInput } from './use-draft-input';
import { useFieldSave } from './use-field-save';

interface FieldProps {
  label: string;
  hint: string;
  draft: ReturnType<typeof useDraftInput>;
  error: string | null;
  saved: boolean;
  testId: string;
}

function TemplateField({ label, hint, draft, error, saved, testId }: FieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hintId, error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <SettingRow
      label={label}
      htmlFor={id}
      hint={hint}
      hintId={hintId}
      error={error}
      errorId={errorId}
      saved={saved}
    >
      <input
        id={id}
        className="input input-long input-mono"
        type="text"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
        {...draft}
      />
    </SettingRow>
  );
}

export function NamingSettings() {
  const t = useT();
  const { settings } = useSettings();
  const nameField = useFieldSave();
  const pathField = useFieldSave();
  const nameDraft = useDraftInput(
    settings.nameTemplate,
    (text) => nameField.save({ nameTemplate: text.trim() }),
    nameField.clearError,
  );
  const pathDraft = useDraftInput(
    settings.uploadPathTemplate,
    (text) => pathField.save({ uploadPathTemplate: text.trim() }),
    pathField.clearError,
  );
  const preview = namingPreview(nameDraft.value, pathDraft.value, settings.defaultUploadPath, new Date());
  const problem = (which: 'name' | 'path'): string | null =>
    !preview.ok && preview.which === which ? templateProblemWords(preview.problem, t) : null;

  return (
    <>
      <TemplateField
        label={t('settings.nameTemplate')}
        hint={t('settings.nameTemplateHint', {
          example: '{hash:12}.{ext}',
          variables: TEMPLATE_VARIABLE_LIST,
          hash: '{hash}',
        })}
        draft={nameDraft}
        error={problem('name') ?? nameField.error}
        saved={nameField.saved}
        testId="setting-name-template"
      />
      <TemplateField
        label={t('settings.pathTemplate')}
        hint={t('settings.pathTemplateHint', { example: 'images/{date:YYYY/MM}' })}
        draft={pathDraft}
        error={problem('path') ?? pathField.error}
        saved={pathField.saved}
        testId="setting-path-template"
      />
      <p className="field-hint naming-preview" data-testid="naming-preview" aria-live="polite">
        {preview.ok
          ? t('settings.namingPreview', {
              file: EXAMPLE_FILE,
              result: `${preview.uploadPath}/${EXAMPLE_FOLDER}/${preview.fileName}`,
            })
          : t('settings.namingPreviewNone')}
      </p>
    </>
  );
}
