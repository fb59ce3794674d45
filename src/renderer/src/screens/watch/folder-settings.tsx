// One watched folder's settings, each saved as soon as it changes (the folder restarts with it): where
// its files go, which files count, subfolders, changed files, polling, hidden files and the quiet period.
import { useCallback, useEffect, useId, useState } from 'react';
import type { WatchFolderPatch, WatchFolderStatus } from '../../../../shared/ipc-contract';
import type { IpcResult } from '../../../../shared/ipc-contract';
import { Icon } from '../../components/icon';
import { Toggle } from '../../components/toggle';
import { useT } from '../../i18n/i18n-context';
import { SettingRow } from '../settings/setting-row';
import { TagInput } from './tag-input';
import { useFolderSave } from './use-folder-save';
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

interface TextFieldProps {
  label: string;
  hint: string;
  value: string;
  /** The patch for the typed text, or a message saying what to type instead. */
  toPatch: (text: string) => WatchFolderPatch | string;
  save: ReturnType<typeof useFolderSave>;
  width: 'short' | 'long';
  suffix?: string;
  testId: string;
}

/** A text field saved on Enter or when it loses focus, and put back on Escape. */
function TextField({ label, hint, value, toPatch, save, width, suffix, testId }: TextFieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);

  const commit = async () => {
    if (draft === value) {
      save.setError(null);
      return;
    }
    const patch = toPatch(draft);
    if (typeof patch === 'string') save.setError(patch);
    else await save.save(patch);
  };

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
          value={draft}
          spellCheck={false}
          inputMode={width === 'short' ? 'decimal' : undefined}
          aria-invalid={save.error ? true : undefined}
          aria-describedby={[hintId, save.error ? errorId : ''].filter(Boolean).join(' ')}
          data-testid={testId}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void commit();
            if (event.key === 'Escape') {
              setDraft(value);
              save.setError(null);
            }
          }}
        />
        {suffix ? <span className="watch-input-suffix">{suffix}</span> : null}
      </span>
    </SettingRow>
  );
}

export function FolderSettings({ id, folder, onUpdate }: FolderSettingsProps) {
  const t = useT();
  const update = useCallback((patch: WatchFolderPatch) => onUpdate(folder.id, patch), [onUpdate, folder.id]);
  const path = useFolderSave(update);
  const quiet = useFolderSave(update);
  const include = useFolderSave(update);
  const exclude = useFolderSave(update);
  const switches = useFolderSave(update);

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
        <Toggle
          label={t('watch.field.recursive')}
          description={t('watch.field.recursiveHint')}
          checked={folder.recursive}
          onChange={(on) => void switches.save({ recursive: on })}
        />
        <Toggle
          label={t('watch.field.uploadChanged')}
          description={t('watch.field.uploadChangedHint')}
          checked={folder.uploadChanged}
          onChange={(on) => void switches.save({ uploadChanged: on })}
        />
        <Toggle
          label={t('watch.field.polling')}
          description={t('watch.field.pollingHint')}
          checked={folder.polling}
          onChange={(on) => void switches.save({ polling: on })}
        />
        <Toggle
          label={t('watch.field.dotfiles')}
          description={t('watch.field.dotfilesHint')}
          checked={folder.ignoreDotfiles}
          onChange={(on) => void switches.save({ ignoreDotfiles: on })}
        />
      </div>
      {switches.error ? (
        <p className="field-error" role="alert">
          <Icon name="alert" size={14} />
          {switches.error}
        </p>
      ) : null}
    </div>
  );
}
