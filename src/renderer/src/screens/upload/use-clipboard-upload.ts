// "Upload clipboard" from the Upload screen: the app reads the clipboard itself (files, an image or
// links), uploads it as one batch and copies the links. The upload rows announce each finished file;
// this keeps the button busy meanwhile and explains when nothing (or not everything) went up.
import { useCallback, useState } from 'react';
import { api, settle } from '../../api';
import { useT } from '../../i18n/i18n-context';
import { translateError } from '../../i18n/translate-error';
import type { UploadImageChoice } from '../../../../shared/ipc-contract';

export interface ClipboardUpload {
  busy: boolean;
  error: string | null;
  clearError: () => void;
  /** `images`: the screen's picture choice for what the clipboard holds; absent: Settings'. */
  run: (images?: UploadImageChoice) => Promise<void>;
}

/** "CommandOrControl+Shift+U" as people read it on this platform. */
export function displayShortcut(accelerator: string, platform: string): string {
  const mac = platform === 'darwin';
  return accelerator
    .split('+')
    .map((part) => {
      const key = part.toLowerCase();
      if (key === 'commandorcontrol' || key === 'cmdorctrl') return mac ? 'Cmd' : 'Ctrl';
      if (key === 'control') return 'Ctrl';
      if (key === 'option') return 'Alt';
      return part;
    })
    .join('+');
}

export function useClipboardUpload(): ClipboardUpload {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (images?: UploadImageChoice) => {
      setBusy(true);
      setError(null);
      const res = await settle(api.clipboardUpload(images === undefined ? {} : { images }));
      setBusy(false);
      if (!res.ok) {
        setError(translateError(res.error, t));
        return;
      }
      const summary = res.value;
      if (summary.failed > 0 || summary.waiting > 0 || !summary.copied) {
        // The app words the summary in the window's language; only the joining full stop is said here.
        setError(
          summary.body === ''
            ? summary.title
            : t('upload.clipboard.summary', { title: summary.title, body: summary.body }),
        );
      }
    },
    [t],
  );

  return { busy, error, clearError: () => setError(null), run };
}
