// What a person reads when watching goes wrong: each message says what happened and what to do.
import type { WatchFolderNotice } from '../../../shared/watch';

export const WATCH_LIMIT_MESSAGE =
  "The system's limit on watched folders was reached (fs.inotify.max_user_watches), so KieDrop checks this " +
  'folder by polling instead, which costs more. Raise the limit, e.g. ' +
  '`sudo sysctl fs.inotify.max_user_watches=524288`; KieDrop uses events again by itself within a minute.';

/** Too many open files is the same kind of limit (EMFILE), with its own fix. */
export const WATCH_FILES_LIMIT_MESSAGE =
  "The system's limit on open files was reached, so KieDrop checks this folder by polling instead, which " +
  'costs more. Raise the limit (`ulimit -n`, or LimitNOFILE for a service) or close other programs; ' +
  'KieDrop uses events again by itself within a minute.';

/** The notice for a watch the OS refused (see isWatchLimitError): a stable code, and the words. */
export function watchLimitNotice(err: unknown): WatchFolderNotice {
  return errnoCode(err) === 'EMFILE'
    ? { code: 'OPEN_FILES_LIMIT', message: WATCH_FILES_LIMIT_MESSAGE }
    : { code: 'WATCH_LIMIT', message: WATCH_LIMIT_MESSAGE };
}

export const ALL_PAUSED_MESSAGE = 'All watching is paused.';
export const FOLDER_PAUSED_MESSAGE = 'Paused: new files in this folder are not uploaded until you resume it.';

function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Read access was refused (a file's mode, its folder's, or an ACL). */
export function isPermissionError(err: unknown): boolean {
  const code = errnoCode(err);
  return code === 'EACCES' || code === 'EPERM';
}

/** The OS refused to watch more: inotify's per-user watch limit (ENOSPC) or too many open files (EMFILE). */
export function isWatchLimitError(err: unknown): boolean {
  const code = errnoCode(err);
  return code === 'ENOSPC' || code === 'EMFILE';
}

function everyText(pollMs: number): string {
  return pollMs >= 1000 ? `${Math.round(pollMs / 1000)} s` : `${pollMs} ms`;
}

/** Why the folder itself cannot be watched right now (it is missing, unreadable, or not a folder). */
export function folderUnavailableMessage(folder: string, err: unknown, pollMs: number): string {
  const every = everyText(pollMs);
  const code = errnoCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return `Folder not found: ${folder}. It may have been deleted or renamed, or be on a drive that is not connected; KieDrop checks again every ${every} and resumes when it is back.`;
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return `Cannot read the folder ${folder}: permission denied. Give your user read access to it; KieDrop checks again every ${every}.`;
  }
  if (code === 'NOT_A_FOLDER') {
    return `${folder} is a file, not a folder. Choose the folder that holds the files; KieDrop checks again every ${every}.`;
  }
  const detail = err instanceof Error ? err.message : String(err);
  return `The folder ${folder} cannot be watched (${detail}); KieDrop checks again every ${every}.`;
}

/** One file (or subfolder) that cannot be inspected or uploaded; the rest of the folder goes on. */
export function fileErrorMessage(path: string, err: unknown): string {
  const code = errnoCode(err);
  if (code === 'EACCES' || code === 'EPERM') {
    return `Cannot read ${path}: permission denied. Give your user read access to it; it is uploaded when it changes next or KieDrop restarts.`;
  }
  if (code === 'ELOOP') return `${path} is a symbolic link that points to itself (a loop); it is skipped.`;
  if (code === 'ENAMETOOLONG') return `The path ${path} is too long for the system; it is skipped.`;
  const detail = err instanceof Error ? err.message : String(err);
  return `Cannot watch ${path}: ${detail}`;
}

/** Said once per link: nothing reached through it is uploaded, including files added there later. */
export function linkOutsideMessage(path: string, target: string): string {
  return `${path} leads outside the watched folder (to ${target}); nothing reached through it is uploaded. Move or copy the files into the folder to upload them.`;
}

/** A watch job that ended without an upload; the reason is the queue's own words. */
export function uploadFailedMessage(path: string, reason: string | null): string {
  const why = reason === null || reason.trim() === '' ? 'the upload failed' : reason.trim();
  return `${path} could not be uploaded: ${why.replace(/\.$/u, '')}. It is tried again when it changes or when KieDrop restarts.`;
}

export function notRegularFileMessage(path: string): string {
  return `${path} is not a regular file (a pipe, socket or device); it is not uploaded.`;
}

/** folderUnavailableMessage's reason, by code. */
export function folderUnavailableCode(folder: string, err: unknown, pollMs: number): WatchProblemCode {
  const every = everyText(pollMs);
  const code = errnoCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return { code: 'watch.folder-missing', params: { folder, every } };
  if (code === 'EACCES' || code === 'EPERM')
    return { code: 'watch.folder-permission', params: { folder, every } };
  if (code === 'NOT_A_FOLDER') return { code: 'watch.folder-not-folder', params: { folder, every } };
  const reason = err instanceof Error ? err.message : String(err);
  return { code: 'watch.folder-failed', params: { folder, reason, every } };
}

export const ALL_PAUSED_CODE: WatchProblemCode = { code: 'watch.all-paused', params: {} };
export const FOLDER_PAUSED_CODE: WatchProblemCode = { code: 'watch.folder-paused', params: {} };

/** A folder's problem as the window says it in the person's language: a stable code and its params
 * (the window's `error.<code>` messages); the English sentence stays for the CLI and the logs. */
export interface WatchProblemCode {
  code: string;
  params: Record<string, string | number>;
}

/** A failed upload's own code and params, as the queue recorded them with its job. */
export interface UploadFailureCause {
  code: string | null;
  params: Readonly<Record<string, string | number>> | null;
}

/** fileErrorMessage's problem, by code. */
export function fileErrorCode(path: string, err: unknown): WatchProblemCode {
  const code = errnoCode(err);
  if (code === 'EACCES' || code === 'EPERM') return { code: 'watch.file-permission', params: { path } };
  if (code === 'ELOOP') return { code: 'watch.file-loop', params: { path } };
  if (code === 'ENAMETOOLONG') return { code: 'watch.file-name-too-long', params: { path } };
  const reason = err instanceof Error ? err.message : String(err);
  return { code: 'watch.file-failed', params: { path, reason } };
}

export function linkOutsideCode(path: string, target: string): WatchProblemCode {
  return { code: 'watch.link-outside', params: { path, target } };
}

/** uploadFailedMessage's problem. The reason is the queue's sentence, and its code when the job has one,
 * as `cause` with its params as `cause.<name>` (the window says the reason in the person's language too). */
export function uploadFailedCode(
  path: string,
  reason: string | null,
  cause: UploadFailureCause | null = null,
): WatchProblemCode {
  if (reason === null || reason.trim() === '')
    return { code: 'watch.upload-failed-unknown', params: { path } };
  const params: Record<string, string | number> = { path, reason: reason.trim().replace(/\.$/u, '') };
  if (cause?.code) {
    params['cause'] = cause.code;
    for (const [name, value] of Object.entries(cause.params ?? {})) params[`cause.${name}`] = value;
  }
  return { code: 'watch.upload-failed', params };
}

export function notRegularFileCode(path: string): WatchProblemCode {
  return { code: 'watch.not-regular', params: { path } };
}
