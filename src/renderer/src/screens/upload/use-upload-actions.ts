// Starting uploads from the window, including the one question the core may ask back: a chosen file name
// would replace a live link ('name-collision'), so the person either confirms (the same request goes
// again with overwrite: true) or keeps both (the new file takes the first free numbered name).
import { useCallback, useState } from 'react';
import type { JobSnapshot } from '../../../../shared/domain';
import type { IpcResult, UploadOptions } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { useT } from '../../i18n/i18n-context';
import { translateError } from '../../i18n/translate-error';

export type UploadRequest =
  | { kind: 'files'; paths: string[]; options: UploadOptions }
  | { kind: 'url'; url: string; options: UploadOptions };

export interface Collision {
  request: UploadRequest;
  message: string;
}

export interface UploadActions {
  busy: boolean;
  error: string | null;
  clearError: () => void;
  collision: Collision | null;
  start: (request: UploadRequest) => Promise<boolean>;
  confirmOverwrite: () => Promise<boolean>;
  /** Uploads the new file beside the old one, under "name-2.ext" (or the next free number). */
  keepBoth: () => Promise<boolean>;
  dismissCollision: () => void;
}

/** Numbered names tried by "Keep both" before giving up. */
const MAX_NUMBERED = 50;

/** "report.txt", 2 → "report-2.txt"; a name without an extension gets the number at its end. */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
}

function send(request: UploadRequest): Promise<IpcResult<JobSnapshot[] | JobSnapshot>> {
  return request.kind === 'files'
    ? settle(api.uploadFiles(request.paths, request.options))
    : settle(api.uploadUrl(request.url, request.options));
}

export function useUploadActions(track: (jobs: readonly JobSnapshot[]) => void): UploadActions {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [collision, setCollision] = useState<Collision | null>(null);

  const start = useCallback(
    async (request: UploadRequest) => {
      setBusy(true);
      setError(null);
      const res = await send(request);
      setBusy(false);
      if (res.ok) {
        track(Array.isArray(res.value) ? res.value : [res.value]);
        return true;
      }
      if (res.error.kind === 'name-collision') {
        setCollision({ request, message: translateError(res.error, t) });
        return false;
      }
      setError(translateError(res.error, t));
      return false;
    },
    [track, t],
  );

  const confirmOverwrite = useCallback(async () => {
    if (!collision) return false;
    const { request } = collision;
    setCollision(null);
    return start({ ...request, options: { ...request.options, overwrite: true } });
  }, [collision, start]);

  const keepBoth = useCallback(async () => {
    if (!collision) return false;
    const { request } = collision;
    const name = request.options.fileName ?? '';
    setCollision(null);
    setBusy(true);
    setError(null);
    try {
      let last = '';
      for (let n = 2; n <= MAX_NUMBERED + 1; n++) {
        const res = await send({
          ...request,
          options: { ...request.options, fileName: numberedName(name, n) },
        });
        if (res.ok) {
          track(Array.isArray(res.value) ? res.value : [res.value]);
          return true;
        }
        last = translateError(res.error, t);
        // Taken by a live link or by an upload still on its way: try the next number.
        if (res.error.kind !== 'name-collision' && res.error.kind !== 'name-in-use') break;
      }
      setError(last);
      return false;
    } finally {
      setBusy(false);
    }
  }, [collision, track, t]);

  return {
    busy,
    error,
    clearError: () => setError(null),
    collision,
    start,
    confirmOverwrite,
    keepBoth,
    dismissCollision: () => setCollision(null),
  };
}
