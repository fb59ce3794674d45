// The big target: drop files (or a link dragged from a browser), or choose them with the system picker.
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { api } from '../../api';
import { Icon } from '../../components/icon';
import { displayAccelerator } from '../../format/shortcut-keys';
import { useT } from '../../i18n/i18n-context';

export interface DropZoneProps {
  onFiles: (paths: string[]) => void;
  onUrl: (url: string) => void;
  onPick: () => void;
  disabled?: boolean;
  pasteShortcut: string;
}

/** The first http(s) link in dragged text, if any. */
function linkFrom(data: DataTransfer): string | null {
  const text = data.getData('text/uri-list') || data.getData('text/plain');
  const first = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#'));
  return first && /^https?:\/\//i.test(first) ? first : null;
}

export function DropZone({ onFiles, onUrl, onPick, disabled, pasteShortcut }: DropZoneProps) {
  const t = useT();
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child element; a depth count tells when the pointer really left.
  const depth = useRef(0);

  const onDragEnter = (event: DragEvent) => {
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    if (disabled) return;
    const files = Array.from(event.dataTransfer.files);
    const paths = files.length > 0 ? api.pathsForFiles(files).filter((p) => p !== '') : [];
    if (paths.length > 0) {
      onFiles(paths);
      return;
    }
    const link = linkFrom(event.dataTransfer);
    if (link) onUrl(link);
  };

  return (
    <section
      className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
      aria-label={t('upload.dropzone.label')}
      data-testid="drop-zone"
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <div className="dropzone-art" aria-hidden="true">
        <Icon name="cloud" size={34} />
      </div>
      <p className="dropzone-title">{dragging ? t('upload.dropzone.release') : t('upload.dropzone.title')}</p>
      <p className="dropzone-or">{t('upload.dropzone.or')}</p>
      <button
        type="button"
        className="button button-primary"
        onClick={onPick}
        disabled={disabled}
        aria-keyshortcuts="Control+O Meta+O"
        title={t('upload.chooseTitle', { keys: displayAccelerator('CommandOrControl+O', api.platform) })}
      >
        <Icon name="folder" size={16} />
        {t('upload.choose')}
      </button>
      <p className="dropzone-hint">{t('upload.dropzone.paste', { shortcut: pasteShortcut })}</p>
    </section>
  );
}
