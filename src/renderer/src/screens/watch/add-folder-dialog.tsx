// Adding a folder, once it was picked: where it is, its filters, how many files already in it those filters
// let through, and whether they upload too. Only new files is the default: adding ~/Downloads must not
// make public links of everything already there. The count follows the filters as they are typed.
import { useEffect, useRef, useState } from 'react';
import type { WatchExistingFiles, WatchFolderAdd, WatchFolderPreview } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { Dialog } from '../../components/dialog';
import { FieldError } from '../../components/field-error';
import { useT } from '../../i18n/i18n-context';
import { folderName } from '../../../../shared/watch-format';
import { FolderImages } from './folder-images';
import type { FolderImageValues } from './folder-images';
import { TagInput } from './tag-input';

export interface AddFolderDialogProps {
  preview: WatchFolderPreview;
  busy: boolean;
  error: string | null;
  onAdd: (folder: WatchFolderAdd) => void;
  onCancel: () => void;
}

export function AddFolderDialog({ preview, busy, error, onAdd, onCancel }: AddFolderDialogProps) {
  const t = useT();
  const [include, setInclude] = useState<string[]>([]);
  const [exclude, setExclude] = useState<string[]>([]);
  const [existing, setExisting] = useState<WatchExistingFiles>('skip');
  const [count, setCount] = useState<number | null>(preview.existingFiles);
  // What the app would give this folder: a camera or screenshot folder removes location data from the start.
  const [images, setImages] = useState<FolderImageValues>({
    imageMode: 'settings',
    imageFormat: 'webp',
    imageQuality: 80,
    imageMaxSide: null,
    imageStrip: preview.imageStrip,
  });
  const asked = useRef(0);

  // Counted again by the app for the filters as they are now; the newest answer wins.
  useEffect(() => {
    if (include.length === 0 && exclude.length === 0) {
      setCount(preview.existingFiles);
      return;
    }
    const mine = ++asked.current;
    setCount(null);
    void settle(api.watchPreview({ path: preview.path, include, exclude })).then((res) => {
      if (mine === asked.current && res.ok && res.value) setCount(res.value.existingFiles);
    });
  }, [include, exclude, preview]);

  const countText =
    count === null
      ? t('watch.addDialog.counting')
      : t(count === 1 ? 'watch.addDialog.existingOne' : 'watch.addDialog.existing', { count });

  return (
    <Dialog
      title={t('watch.addDialog.title', { name: folderName(preview.path) })}
      description={<span className="watch-add-path">{preview.displayPath}</span>}
      onClose={onCancel}
      testId="watch-add-dialog"
    >
      <div className="watch-add-filters">
        <TagInput
          label={t('watch.field.include')}
          hint={t('watch.field.includeHint')}
          values={include}
          onChange={(values) => {
            setInclude(values);
            return Promise.resolve(true);
          }}
          testId="watch-add-include"
        />
        <TagInput
          label={t('watch.field.exclude')}
          hint={t('watch.field.excludeHint')}
          values={exclude}
          onChange={(values) => {
            setExclude(values);
            return Promise.resolve(true);
          }}
          testId="watch-add-exclude"
        />
      </div>
      <fieldset className="watch-add-existing">
        <legend className="field-label" data-testid="watch-add-count">
          {countText}
        </legend>
        <label className="watch-add-choice">
          <input
            type="radio"
            name="existing-files"
            checked={existing === 'skip'}
            onChange={() => setExisting('skip')}
          />
          <span>
            <span className="watch-add-choice-title">{t('watch.addDialog.onlyNew')}</span>
            <span className="field-hint">{t('watch.addDialog.onlyNewHint')}</span>
          </span>
        </label>
        <label className="watch-add-choice">
          <input
            type="radio"
            name="existing-files"
            checked={existing === 'upload'}
            onChange={() => setExisting('upload')}
          />
          <span>
            <span className="watch-add-choice-title">{t('watch.addDialog.uploadToo')}</span>
            <span className="field-hint">{t('watch.addDialog.uploadTooHint')}</span>
          </span>
        </label>
      </fieldset>
      <FolderImages value={images} onChange={(patch) => setImages((v) => ({ ...v, ...patch }))} />
      <FieldError message={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          data-autofocus
          onClick={() => onAdd({ path: preview.path, include, exclude, existingFiles: existing, ...images })}
        >
          {t('watch.addDialog.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
