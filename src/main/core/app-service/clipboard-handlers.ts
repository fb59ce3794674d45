// "Upload clipboard" from the window, the tray, the drop window or the global shortcut: the core's
// uploadClipboard over a snapshot of the system clipboard. It ends with one notification for the
// batch (its jobs are left out of the per-upload ones) and the links on the clipboard.
import { join } from 'node:path';
import { imageOptionsFor } from '../images/from-settings';
import { isClipboardUploadError, uploadClipboard } from '../clipboard';
import type { ClipboardAdapter as CoreClipboard } from '../clipboard';
import type { Handlers } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

/** Clipboard images are kept under the data folder: retries and renewals read them again later. */
export function clipboardImageDir(dataDir: string): string {
  return join(dataDir, 'clipboard');
}

export function clipboardHandlers(deps: HandlerDeps): Pick<Handlers, 'clipboard:upload'> {
  const { clipboard, engine, settings } = deps;
  return {
    'clipboard:upload': async (options) => {
      if (!clipboard.read) {
        throw new IpcFailure(
          'unsupported',
          'KieDrop cannot read the clipboard here; paste into the window instead.',
        );
      }
      const snapshot = await clipboard.read();
      const reader: CoreClipboard = {
        readImagePng: () => snapshot.imagePng,
        readFilePaths: () => snapshot.filePaths,
        readText: () => snapshot.text,
        writeText: (text) => clipboard.writeText(text),
      };
      const { defaultUploadPath, copyFormat, customCopyTemplate, nameTemplate, uploadPathTemplate } =
        settings.get();
      try {
        const result = await uploadClipboard({
          clipboard: reader,
          engine,
          settings: {
            uploadPath: defaultUploadPath,
            copyFormat,
            customTemplate: customCopyTemplate,
            image: imageOptionsFor(options.images, settings.get()),
            naming: { nameTemplate, pathTemplate: uploadPathTemplate },
          },
          tempDir: deps.clipboardDir,
          notify: (notice) => deps.notifier?.notify(notice),
          words: deps.notifier?.batchWords?.(),
          newBatchId: () => deps.batches.claim(),
        });
        if (result.copied) deps.recordShared?.(result.uploaded.map((e) => e.id));
        return {
          kind: result.kind,
          links: result.links,
          uploaded: result.uploaded.length,
          failed: result.failures.length,
          waiting: result.waiting.length,
          copied: result.copied,
          title: result.notice.title,
          body: result.notice.body,
        };
      } catch (err) {
        if (isClipboardUploadError(err)) throw new IpcFailure(err.kind, err.message);
        throw err;
      }
    },
  };
}
