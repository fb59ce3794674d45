// Starting uploads from the window, including the one question the core may ask back: a chosen file name
// would replace a live link ('name-collision'), so the person confirms and the same request goes again
// with overwrite: true.
import { useCallback, useState } from 'react';
import type { JobSnapshot } from '../../../../shared/domain';
import type { IpcResult, UploadOptions } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';

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
  dismissCollision: () => void;
}

export function useUploadActions(track: (jobs: readonly JobSnapshot[]) => void): UploadActions {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [collision, setCollision] = useState<Collision | null>(null);

  const start = useCallback(
    async (request: UploadRequest) => {
      setBusy(true);
      setError(null);
      const res: IpcResult<JobSnapshot[] | JobSnapshot> =
        request.kind === 'files'
          ? await settle(api.uploadFiles(request.paths, request.options))
          : await settle(api.uploadUrl(request.url, request.options));
      setBusy(false);
      if (res.ok) {
        track(Array.isArray(res.value) ? res.value : [res.value]);
        return true;
      }
      if (res.error.kind === 'name-collision') {
        setCollision({ request, message: res.error.message });
        return false;
      }
      setError(res.error.message);
      return false;
    },
    [track],
  );

  const confirmOverwrite = useCallback(async () => {
    if (!collision) return false;
    const { request } = collision;
    setCollision(null);
    return start({ ...request, options: { ...request.options, overwrite: true } });
  }, [collision, start]);

  return {
    busy,
    error,
    clearError: () => setError(null),
    collision,
    start,
    confirmOverwrite,
    dismissCollision: () => setCollision(null),
  };
}
