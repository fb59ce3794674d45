// "Upload clipboard" (tray, window, global shortcut): an image goes up as PNG through the Base64
// route, copied files are streamed, http(s) links become URL uploads. When the batch is done, its
// links replace the clipboard content, as in every other upload path.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BASE64_MAX_BYTES } from '../api';
import type { ImageOptions } from '../images/types';
import type { Engine } from '../engine';
import type { LinkFormat } from '../links';
import type { JobSnapshot } from '../queue';
import { runUploadBatch, summarizeBatch } from '../share';
import type { BatchOutcome, BatchWords, Notice } from '../share';
import { classifyClipboard } from './classify-clipboard';
import type { ClipboardAdapter, ClipboardContent } from './classify-clipboard';
import { clipboardImageName } from './image-file-name';

export interface ClipboardUploadSettings {
  uploadPath: string;
  copyFormat: LinkFormat;
  customTemplate?: string;
  /** Settings' picture processing (optimise, remove metadata); absent: sent as they are. */
  image?: ImageOptions;
  /** Settings' naming templates for pasted pictures and files (links keep their names); absent: none. */
  naming?: { nameTemplate: string; pathTemplate: string };
}

export interface UploadClipboardOptions {
  clipboard: ClipboardAdapter;
  engine: Pick<Engine, 'queue' | 'history'>;
  settings: ClipboardUploadSettings;
  /**
   * Where a clipboard image is saved before it is sent. Use a lasting folder (e.g. inside the app's
   * data folder): the job reads the file when it runs, possibly after a restart, and renewing the
   * link later re-uploads from it.
   */
  tempDir: string;
  notify?: (notice: Notice) => void;
  /** The language the batch's notice is said in; English when not given. */
  words?: BatchWords;
  now?: () => Date;
  newBatchId?: () => string;
  /**
   * Recorded in history for everything uploaded (the editor server's requests say 'editor').
   * Absent: 'clipboard', and 'url' for links.
   */
  source?: 'editor';
}

export interface ClipboardUploadResult extends BatchOutcome {
  kind: ClipboardContent['kind'];
  /** The PNG written for an image, else null. */
  savedImage: string | null;
  notice: Notice;
}

/** Writes the PNG under a time-based name; a second image in the same second gets "-2", "-3"… */
async function saveImage(dir: string, png: Buffer, at: Date): Promise<string> {
  await mkdir(dir, { recursive: true });
  const base = clipboardImageName(at).replace(/\.png$/, '');
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `${base}.png` : `${base}-${n}.png`);
    try {
      await writeFile(file, png, { flag: 'wx' });
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

export async function uploadClipboard(opts: UploadClipboardOptions): Promise<ClipboardUploadResult> {
  const content = classifyClipboard(opts.clipboard);
  const { engine, settings } = opts;
  const batchId = (opts.newBatchId ?? randomUUID)();
  const common = {
    uploadPath: settings.uploadPath,
    batchId,
    ...(settings.image ? { image: settings.image } : {}),
    ...(settings.naming ?? {}),
  };
  let savedImage: string | null = null;
  let jobs: JobSnapshot[];

  switch (content.kind) {
    case 'image': {
      savedImage = await saveImage(opts.tempDir, content.png, (opts.now ?? (() => new Date()))());
      // Base64 is the route meant for pasted images; the service takes it only up to 10 MB, so a
      // huge screenshot is streamed instead of being refused.
      const method = content.png.length <= BASE64_MAX_BYTES ? 'base64' : 'stream';
      jobs = await engine.queue.enqueueFiles([savedImage], {
        ...common,
        source: opts.source ?? 'clipboard',
        method,
      });
      break;
    }
    case 'files':
      jobs = await engine.queue.enqueueFiles(content.paths, {
        ...common,
        source: opts.source ?? 'clipboard',
        method: 'stream',
      });
      break;
    case 'urls':
      jobs = [];
      for (const url of content.urls)
        jobs.push(await engine.queue.enqueueUrl(url, { ...common, source: opts.source ?? 'url' }));
      break;
  }

  const outcome = await runUploadBatch(engine, batchId, jobs, opts.clipboard, {
    format: settings.copyFormat,
    customTemplate: settings.customTemplate,
  });
  const notice = summarizeBatch({ outcome, words: opts.words });
  opts.notify?.(notice);
  return { ...outcome, kind: content.kind, savedImage, notice };
}
