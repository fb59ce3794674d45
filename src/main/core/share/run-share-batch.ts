// "Share with KieDrop": the files (and links) of one merged launch become one batch — uploaded, all
// links copied at once, one notification. Everything outside plain Node (clipboard, notification,
// the confirm dialog) comes in as a function, so the app, the CLI and the tests share this flow.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Engine } from '../engine';
import type { HistoryEntry } from '../history';
import type { LinkFormat } from '../links';
import type { JobSnapshot } from '../queue';
import { summarizeBatch } from './batch-summary';
import { ENGLISH_BATCH_WORDS, folderName } from './batch-words';
import type { BatchWords } from './batch-words';
import type { Notice } from './batch-summary';
import { collectShareFiles } from './collect-files';
import { runUploadBatch } from './upload-batch';
import type { BatchFailure, TextClipboard } from './upload-batch';

/** Above this many files a share asks first, as ShareX does: a stray right-click on a huge folder is costly. */
export const DEFAULT_CONFIRM_ABOVE = 100;

export interface ShareSettings {
  uploadPath: string;
  copyFormat: LinkFormat;
  /** For copyFormat 'custom'. */
  customTemplate?: string;
  /** Include files in sub-folders of a shared folder. Default false. */
  recurseFolders?: boolean;
  /** Ask before sharing more files than this. Default 100. */
  confirmAbove?: number;
}

export interface ShareDeps {
  engine: Pick<Engine, 'queue' | 'history'>;
  settings: ShareSettings;
  clipboard: TextClipboard;
  notify: (notice: Notice) => void;
  /** Resolves true to go ahead. Only asked above the threshold. */
  confirm: (message: string) => Promise<boolean>;
  /** http(s) links from the same launch, uploaded after the files. */
  urls?: readonly string[];
  /** Recorded on the jobs: 'share' for the desktop, 'cli' for `kiedrop share`. */
  source?: 'share' | 'cli';
  /** Hint shown when a folder had nothing to share because sub-folders are off. */
  recurseHint?: string;
  /** The language the notification and messages are said in; English when not given. */
  words?: BatchWords;
  newBatchId?: () => string;
}

export type ShareStatus = 'done' | 'empty' | 'declined' | 'error';

export interface ShareResult {
  status: ShareStatus;
  batchId: string | null;
  /** The files that were queued, in order (folders expanded). */
  files: string[];
  /** Formatted links of the successful uploads, in the order shared; also what went to the clipboard. */
  links: string[];
  uploaded: HistoryEntry[];
  failures: BatchFailure[];
  missing: string[];
  unreadable: { path: string; message: string }[];
  waiting: JobSnapshot[];
  /** Why some jobs are still waiting (the queue paused, e.g. the API key was rejected). */
  pausedMessage: string | null;
  pausedReason: 'auth' | 'user' | null;
  copied: boolean;
  /** The notification that was sent, if any (none when the user declined). */
  notice: Notice | null;
  /** For status 'error' and 'empty': what to tell the user. */
  message: string | null;
}

/** A file the service cannot take by its name, as a failure: the name quoted so a line break or tab shows. */
function refusedFailure(refused: { path: string; message: string }, words: BatchWords): BatchFailure {
  return {
    source: refused.path,
    fileName: JSON.stringify(path.basename(refused.path)),
    message: words.notUploaded(refused.message),
  };
}

function emptyMessage(
  collected: {
    refused: readonly { path: string; message: string }[];
    missing: readonly string[];
    emptyFolders: readonly string[];
    unreadable: readonly { path: string; message: string }[];
    hiddenSkipped: number;
  },
  words: BatchWords,
  recurseHint: string,
): string {
  const lines: string[] = [];
  for (const r of collected.refused)
    lines.push(words.failureLine(JSON.stringify(r.path), words.notUploaded(r.message)));
  for (const p of collected.missing) lines.push(words.notFoundLine(p));
  for (const u of collected.unreadable) lines.push(words.failureLine(u.path, u.message));
  for (const f of collected.emptyFolders) lines.push(words.emptyFolder(folderName(f)));
  if (collected.emptyFolders.length > 0) {
    lines.push(collected.hiddenSkipped > 0 ? words.hiddenSkipped(recurseHint) : recurseHint);
  }
  if (lines.length === 0) lines.push(words.noFilesGiven);
  return lines.join('\n');
}

function blank(status: ShareStatus): ShareResult {
  return {
    status,
    batchId: null,
    files: [],
    links: [],
    uploaded: [],
    failures: [],
    missing: [],
    unreadable: [],
    waiting: [],
    pausedMessage: null,
    pausedReason: null,
    copied: false,
    notice: null,
    message: null,
  };
}

export async function runShareBatch(paths: readonly string[], deps: ShareDeps): Promise<ShareResult> {
  const { settings } = deps;
  const words = deps.words ?? ENGLISH_BATCH_WORDS;
  const urls = [...new Set(deps.urls ?? [])];
  const collected = await collectShareFiles(paths, { recurse: settings.recurseFolders === true });
  const { files, missing, unreadable } = collected;
  const refused = collected.refused.map((r) => refusedFailure(r, words));

  if (files.length === 0 && urls.length === 0) {
    const message = emptyMessage(collected, words, deps.recurseHint ?? words.recurseHint);
    const notice = { title: words.nothingToShare, body: message };
    deps.notify(notice);
    return { ...blank('empty'), failures: refused, missing, unreadable, notice, message };
  }

  const count = files.length + urls.length;
  const threshold = settings.confirmAbove ?? DEFAULT_CONFIRM_ABOVE;
  if (count > threshold) {
    const go = await deps.confirm(words.confirm(count, threshold));
    if (!go)
      return {
        ...blank('declined'),
        files,
        missing,
        unreadable,
        message: words.declined,
      };
  }

  const batchId = (deps.newBatchId ?? randomUUID)();
  const queued: JobSnapshot[] = [];
  const failures: BatchFailure[] = [...refused];
  try {
    if (files.length > 0) {
      queued.push(
        ...(await deps.engine.queue.enqueueFiles(files, {
          source: deps.source ?? 'share',
          uploadPath: settings.uploadPath,
          batchId,
        })),
      );
    }
  } catch (err) {
    // Refused before anything was queued (e.g. an invalid upload folder in the settings).
    const message = err instanceof Error ? err.message : String(err);
    const notice = { title: words.couldNotShare, body: message };
    deps.notify(notice);
    return { ...blank('error'), files, missing, unreadable, notice, message };
  }
  for (const url of urls) {
    try {
      queued.push(
        await deps.engine.queue.enqueueUrl(url, { source: 'url', uploadPath: settings.uploadPath, batchId }),
      );
    } catch (err) {
      failures.push({
        source: url,
        fileName: url,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }

  const outcome = await runUploadBatch(deps.engine, batchId, queued, deps.clipboard, {
    format: settings.copyFormat,
    customTemplate: settings.customTemplate,
  });
  outcome.failures.push(...failures);
  const notice = summarizeBatch({ outcome, missing, unreadable, words });
  deps.notify(notice);
  return {
    status: 'done',
    batchId,
    files,
    links: outcome.links,
    uploaded: outcome.uploaded,
    failures: outcome.failures,
    missing,
    unreadable,
    waiting: outcome.waiting,
    pausedMessage: outcome.pausedMessage,
    pausedReason: outcome.pausedReason,
    copied: outcome.copied,
    notice,
    message: null,
  };
}
