// One watched folder's settings, each saved as soon as it changes (the folder restarts with it): where
// its files go, which files count, subfolders, changed files, polling, hidden files, the quiet period and
// what is done to its pictures.
import { useCallback, useId } from 'react';
import type { WatchFolderPatch, WatchFolderStatus } from '../../../../shared/ipc-contract';
import type { IpcResult } from '../../../../shared/ipc-contract';
import { FieldError } from '../../components/field-error';
import { Toggle } from '../../components/toggle';
import { useSaveFeedback } from '../../hooks/use-save-feedback';
import type { SaveFeedback } from '../../hooks/use-save-feedback';
import { useT } from '../../i18n/i18n-context';
import { SettingRow } from '../settings/setting-row';
import { templateProblemIn } from '../settings/template-problem-words';
import { useDraftInput } from '../settings/use-draft-input';
import { FolderImages } from './folder-images';
import { TagInput } from './tag-input';
import {
  parseQuietSeconds,
  QUIET_SECONDS_MAX,
  QUIET_SECONDS_MIN,
  quietSecondsText,
} from '../../../../shared/watch-format';

export interface FolderSettingsProps {
  id: string;
  folder: WatchFolderStatus;
  onUpdate: (id: number, patch: WatchFolderPatch) => Promise<IpcResult<WatchFolderStatus>>;
}

/** The on/off settings, in the order they are shown; each saves as soon as it is flipped. */
const SWITCHES = [
  { setting: 'recursive', label: 'watch.field.recursive', hint: 'watch.field.recursiveHint' },
  { setting: 'uploadChanged', label: 'watch.field.uploadChanged', hint: 'watch.field.uploadChangedHint' },
  { setting: 'polling', label: 'watch.field.polling', hint: 'watch.field.pollingHint' },
  { setting: 'ignoreDotfiles', label: 'watch.field.dotfiles', hint: 'watch.field.dotfilesHint' },
] as const;

interface TextFieldProps {
  label: string;
  hint: string;
  value: string;
  /** The patch for the typed text, or a message saying what to type instead. */
  toPatch: (text: string) => WatchFolderPatch | string;
  save: SaveFeedback<WatchFolderPatch>;
  width: 'short' | 'long';
  suffix?: string;
  testId: string;
}

/** A text field saved on Enter or when it loses focus, and put back on Escape. */
function TextField({ label, hint, value, toPatch, save, width, suffix, testId }: TextFieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const draft = useDraftInput(
    value,
    (text) => {
      const patch = toPatch(text);
      if (typeof patch === 'string') save.setError(patch);
      else return save.save(patch);
    },
    () => save.setError(null),
  );

  return (
    <SettingRow
      label={label}
      htmlFor={id}
      hint={hint}
      hintId={hintId}
      error={save.error}
      errorId={errorId}
      saved={save.saved}
    >
      <span className="watch-input-group">
        <input
          id={id}
          className={`input input-mono input-${width}`}
          spellCheck={false}
          inputMode={width === 'short' ? 'decimal' : undefined}
          aria-invalid={save.error ? true : undefined}
          aria-describedby={[hintId, save.error ? errorId : ''].filter(Boolean).join(' ')}
          data-testid={testId}
          {...draft}
        />
        {suffix ? <span className="watch-input-suffix">{suffix}</span> : null}
      </span>
    </SettingRow>
  );
}

export function FolderSettings({ id, folder, onUpdate }: FolderSettingsProps) {
  const t = useT();
  const update = useCallback((patch: WatchFolderPatch) => onUpdate(folder.id, patch), [onUpdate, folder.id]);
  const path = useSaveFeedback(update);
  const quiet = useSaveFeedback(update);
  const nameTemplate = useSaveFeedback(update);
  const pathTemplate = useSaveFeedback(update);
  const include = useSaveFeedback(update);
  const exclude = useSaveFeedback(update);
  const switches = useSaveFeedback(update);
  const images = useSaveFeedback(update);

  return (
    <div id={id} className="watch-settings" data-testid="watch-settings">
      <div className="watch-settings-rows">
        <TextField
          label={t('watch.field.uploadPath')}
          hint={t('watch.field.uploadPathHint')}
          value={folder.uploadPath}
          toPatch={(text) => ({ uploadPath: text.trim() })}
          save={path}
          width="long"
          testId="watch-upload-path"
        />
        <TextField
          label={t('watch.field.nameTemplate')}
          hint={t('watch.field.nameTemplateHint', {
            example: '{folder}-{counter}.{ext}',
            folder: '{folder}',
          })}
          value={folder.nameTemplate}
          toPatch={(text) => templateProblemIn(text.trim(), t) ?? { nameTemplate: text.trim() }}
          save={nameTemplate}
          width="long"
          testId="watch-name-template"
        />
        <TextField
          label={t('watch.field.pathTemplate')}
          hint={t('watch.field.pathTemplateHint', { example: 'shots/{date:YYYY-MM}' })}
          value={folder.pathTemplate}
          toPatch={(text) => templateProblemIn(text.trim(), t) ?? { pathTemplate: text.trim() }}
          save={pathTemplate}
          width="long"
          testId="watch-path-template"
        />
        <TextField
          label={t('watch.field.quiet')}
          hint={t('watch.field.quietHint')}
          value={quietSecondsText(folder.quietMs)}
          toPatch={(text) => {
            const ms = parseQuietSeconds(text);
            return ms === null
              ? t('watch.field.quietInvalid', { min: QUIET_SECONDS_MIN, max: QUIET_SECONDS_MAX })
              : { quietMs: ms };
          }}
          save={quiet}
          width="short"
          suffix={t('watch.field.seconds')}
          testId="watch-quiet"
        />
      </div>
      <div className="watch-settings-grid">
        <TagInput
          label={t('watch.field.include')}
          hint={t('watch.field.includeHint')}
          values={folder.include}
          onChange={(values) => include.save({ include: values })}
          error={include.error}
          testId="watch-include"
        />
        <TagInput
          label={t('watch.field.exclude')}
          hint={t('watch.field.excludeHint')}
          values={folder.exclude}
          onChange={(values) => exclude.save({ exclude: values })}
          error={exclude.error}
          testId="watch-exclude"
        />
      </div>
      <div className="watch-settings-grid watch-switches">
        {SWITCHES.map(({ setting, label, hint }) => (
          <Toggle
            key={setting}
            label={t(label)}
            description={t(hint)}
            checked={folder[setting]}
            onChange={(on) => void switches.save({ [setting]: on })}
          />
        ))}
      </div>
      <FieldError message={switches.error} />
      <FolderImages value={folder} onChange={(patch) => void images.save(patch)} error={images.error} />
    </div>
  );
}
