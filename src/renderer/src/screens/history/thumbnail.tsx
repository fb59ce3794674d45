// A small preview made by the app from the local file (the remote link dies after 3 days). Fetched only
// for image rows that stay on screen a moment, and remembered, so fast scrolling stays cheap.
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain';
import { api, settle } from '../../api';
import { FILE_KIND_ICON } from '../../components/file-kind-icon';
import { Icon } from '../../components/icon';
import { fileKindOf } from '../../format/file-kind';

const cache = new Map<number, string | null>();
const MAX_CACHED = 500;
/** Rows that fly past while scrolling never ask for a thumbnail. */
const SETTLE_MS = 120;

function remember(id: number, url: string | null): void {
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(id, url);
}

export function Thumbnail({ entry }: { entry: HistoryEntry }) {
  const isImage = entry.mimeType.startsWith('image/') && entry.localPath !== null;
  // The preview is stored with the id it was made for: a virtual row is reused for other entries (its
  // key is its position), and a picture must never be drawn for an entry it does not belong to.
  const [shown, setShown] = useState<{ id: number; url: string | null | undefined }>(() => ({
    id: entry.id,
    url: isImage ? cache.get(entry.id) : null,
  }));

  useEffect(() => {
    const id = entry.id;
    if (!isImage) {
      setShown({ id, url: null });
      return;
    }
    if (cache.has(id)) {
      setShown({ id, url: cache.get(id) });
      return;
    }
    setShown({ id, url: undefined });
    let live = true;
    const timer = setTimeout(() => {
      void settle(api.historyThumbnail(id)).then((res) => {
        const value = res.ok ? res.value : null;
        remember(id, value);
        // An answer for an entry this row no longer shows is only remembered, never drawn.
        if (live) setShown({ id, url: value });
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [entry.id, isImage]);

  const url = isImage && shown.id === entry.id ? shown.url : null;
  if (url) {
    return (
      <img
        className="thumb"
        src={url}
        alt=""
        draggable={false}
        // A file that is not really an image (or is damaged) falls back to the icon instead of a broken picture.
        onError={() => {
          remember(entry.id, null);
          setShown({ id: entry.id, url: null });
        }}
      />
    );
  }
  const kind = fileKindOf(entry.mimeType, entry.fileName);
  return (
    <div className={`thumb thumb-placeholder thumb-${kind}`} data-kind={kind} aria-hidden="true">
      <Icon name={FILE_KIND_ICON[kind]} size={18} />
    </div>
  );
}
