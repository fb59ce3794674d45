// The watched folders as the app reports them: loaded once, then kept current by the "watch" event.
// Every action answers with the new state, so the screen changes at once and the event only confirms it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  IpcResult,
  WatchFolderAdd,
  WatchFolderPatch,
  WatchFolderPreview,
  WatchFolderStatus,
  WatchOverview,
} from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { useApiEvent } from '../../hooks/use-api-event';

export interface WatchHandle {
  overview: WatchOverview | null;
  loadError: string | null;
  reload: () => void;
  /** Opens the folder picker and counts the files already in the chosen folder; null when cancelled. */
  preview: () => Promise<IpcResult<WatchFolderPreview | null>>;
  /** Saves and starts watching a folder that was previewed. */
  add: (folder: WatchFolderAdd) => Promise<IpcResult<WatchFolderStatus | null>>;
  /** "Upload my screenshots": watches the system's screenshot folder, each new link copied. */
  screenshots: () => Promise<IpcResult<WatchFolderStatus>>;
  update: (id: number, patch: WatchFolderPatch) => Promise<IpcResult<WatchFolderStatus>>;
  remove: (id: number) => Promise<IpcResult<boolean>>;
  /** null: every folder. */
  pause: (id: number | null) => Promise<IpcResult<WatchOverview>>;
  resume: (id: number | null) => Promise<IpcResult<WatchOverview>>;
}

function replaceFolder(overview: WatchOverview | null, folder: WatchFolderStatus): WatchOverview | null {
  if (!overview) return overview;
  const known = overview.folders.some((f) => f.id === folder.id);
  return {
    ...overview,
    folders: known
      ? overview.folders.map((f) => (f.id === folder.id ? folder : f))
      : [...overview.folders, folder],
  };
}

export function useWatch(): WatchHandle {
  const [overview, setOverview] = useState<WatchOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** Bumped by every event, so a list answer that left before it cannot overwrite newer news. */
  const version = useRef(0);

  useApiEvent('watch', (next) => {
    version.current += 1;
    setOverview(next);
    setLoadError(null);
  });

  const reload = useCallback(() => {
    const asked = version.current;
    void settle(api.watchList()).then((res) => {
      if (version.current !== asked) return;
      if (res.ok) {
        setOverview(res.value);
        setLoadError(null);
      } else {
        setLoadError(res.error.message);
      }
    });
  }, []);
  useEffect(reload, [reload]);

  const preview = useCallback(() => settle(api.watchPreview({})), []);

  const add = useCallback(async (folder: WatchFolderAdd) => {
    const res = await settle(api.watchAdd(folder));
    if (res.ok && res.value) {
      const added = res.value;
      setOverview((o) => replaceFolder(o, added));
    }
    return res;
  }, []);

  const screenshots = useCallback(async () => {
    const res = await settle(api.watchScreenshots());
    if (res.ok) {
      const added = res.value;
      setOverview((o) => replaceFolder(o, added));
    }
    return res;
  }, []);

  const update = useCallback(async (id: number, patch: WatchFolderPatch) => {
    const res = await settle(api.watchUpdate(id, patch));
    if (res.ok) {
      const updated = res.value;
      setOverview((o) => replaceFolder(o, updated));
    }
    return res;
  }, []);

  const remove = useCallback(async (id: number) => {
    const res = await settle(api.watchRemove(id));
    if (res.ok) setOverview((o) => (o ? { ...o, folders: o.folders.filter((f) => f.id !== id) } : o));
    return res;
  }, []);

  const pause = useCallback(async (id: number | null) => {
    const res = await settle(api.watchPause(id));
    if (res.ok) setOverview(res.value);
    return res;
  }, []);

  const resume = useCallback(async (id: number | null) => {
    const res = await settle(api.watchResume(id));
    if (res.ok) setOverview(res.value);
    return res;
  }, []);

  return { overview, loadError, reload, preview, add, screenshots, update, remove, pause, resume };
}
