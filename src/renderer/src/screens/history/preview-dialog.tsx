// A large preview of a picture in history (Space, as in Quick Look). Made from the local file, as the
// thumbnails are; Space or Escape closes it again.
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain';
import { api, settle } from '../../api';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/i18n-context';

export function PreviewDialog({ entry, onClose }: { entry: HistoryEntry; onClose: () => void }) {
  const t = useT();
  const [url, setUrl] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setUrl(undefined);
    void settle(api.historyPreview(entry.id)).then((res) => {
      if (live) setUrl(res.ok ? res.value : null);
    });
    return () => {
      live = false;
    };
  }, [entry.id]);

  return (
    <Dialog title={entry.fileName} onClose={onClose} testId="preview-dialog">
      <div
        className="preview-body"
        tabIndex={-1}
        data-autofocus
        onKeyDown={(event) => {
          if (event.key === ' ') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        {url === undefined ? (
          <p className="preview-note">{t('common.loading')}</p>
        ) : url === null ? (
          <p className="preview-note">{t('history.preview.none')}</p>
        ) : (
          <img className="preview-image" src={url} alt={t('history.preview.alt', { name: entry.fileName })} />
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('history.preview.close')}
        </button>
      </div>
    </Dialog>
  );
}
