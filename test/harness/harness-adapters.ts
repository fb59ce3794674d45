// Stand-ins for the OS parts the app service needs (clipboard, shell, dialogs, thumbnails) that record
// what the app did and let a test decide what the user "chose". Everything else in the harness is real.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type {
  ClipboardAdapter,
  ClipboardSnapshot,
  DialogAdapter,
  ShellAdapter,
  ThumbnailAdapter,
} from '../../src/main/core/app-service';

export interface RecordingClipboard extends ClipboardAdapter {
  /** Every text written, oldest first. */
  readonly texts: string[];
  /** The last text written, or null. */
  last(): string | null;
  /** What "Upload clipboard" finds (a test sets it, as if the user had copied something). Default: empty. */
  content: ClipboardSnapshot;
  read(): Promise<ClipboardSnapshot>;
}

export function createRecordingClipboard(): RecordingClipboard {
  const texts: string[] = [];
  const clipboard: RecordingClipboard = {
    texts,
    content: { imagePng: null, filePaths: [], text: '' },
    writeText: (text) => void texts.push(text),
    last: () => texts.at(-1) ?? null,
    read: async () => clipboard.content,
  };
  return clipboard;
}

export interface RecordingShell extends ShellAdapter {
  readonly opened: string[];
  readonly revealed: string[];
  /** Files a drag out of the window was started with. */
  readonly dragged: string[];
}

export function createRecordingShell(): RecordingShell {
  const opened: string[] = [];
  const revealed: string[] = [];
  const dragged: string[] = [];
  return {
    opened,
    revealed,
    dragged,
    startFileDrag: (path) => void dragged.push(path),
    async openExternal(url) {
      opened.push(url);
    },
    showItemInFolder: (path) => void revealed.push(path),
  };
}

export interface ProgrammableDialogs extends DialogAdapter {
  /** What the next file picker returns (then it returns [] again, like a cancelled picker). */
  nextPickedFiles: string[] | null;
  /** What the next save dialog returns (then null again, like a cancelled dialog). */
  nextSavePath: string | null;
  /** Default names the save dialog was opened with, oldest first. */
  readonly saveRequests: string[];
  readonly pickRequests: number;
  /** What the next folder picker returns (then null again, like a cancelled picker). */
  nextPickedFolder: string | null;
  readonly folderRequests: number;
}

export function createProgrammableDialogs(): ProgrammableDialogs {
  const dialogs = {
    nextPickedFiles: null as string[] | null,
    nextSavePath: null as string | null,
    saveRequests: [] as string[],
    pickRequests: 0,
    nextPickedFolder: null as string | null,
    folderRequests: 0,
    async pickFiles() {
      dialogs.pickRequests += 1;
      const picked = dialogs.nextPickedFiles ?? [];
      dialogs.nextPickedFiles = null;
      return picked;
    },
    async saveFile(defaultName: string) {
      dialogs.saveRequests.push(defaultName);
      const path = dialogs.nextSavePath;
      dialogs.nextSavePath = null;
      return path;
    },
    async pickFolder() {
      dialogs.folderRequests += 1;
      const folder = dialogs.nextPickedFolder;
      dialogs.nextPickedFolder = null;
      return folder;
    },
  };
  return dialogs;
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};
const MAX_INLINE_BYTES = 512 * 1024;

/** A stand-in, not the real thumbnailer (src/main/core/thumbnails, tested on its own): app-service tests
 * expect a small image back byte for byte. Small images come back whole, as a data: URL (the page scales
 * them); anything else gets no preview. */
export function createFileThumbnails(): ThumbnailAdapter & { readonly requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    async fromFile(path) {
      requests.push(path);
      const type = IMAGE_TYPES[extname(path).toLowerCase()];
      if (type === undefined) return null;
      if ((await stat(path)).size > MAX_INLINE_BYTES) return null;
      return `data:${type};base64,${(await readFile(path)).toString('base64')}`;
    },
  };
}
