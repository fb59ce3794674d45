// The smaller modules: dialog, shell, screen, session, globalShortcut, nativeImage. Each records what the
// app asked so a test can check it, and refuses use before 'ready' where Electron does.
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { readFileSync } from 'node:fs';
import { requireReady } from './lifecycle';
import { modes } from './modes';

export const recorded = {
  openDialogs: 0,
  /** The title of each file or folder picker, in order. */
  openDialogTitles: [] as string[],
  messageBoxes: [] as { message: string; buttons: string[] }[],
  errorBoxes: [] as { title: string; content: string }[],
  openedExternal: [] as string[],
  shownInFolder: [] as string[],
  beeps: 0,
};

export const dialogAnswers = {
  nextOpenPaths: null as string[] | null,
  nextFolder: null as string | null,
  nextSavePath: null as string | null,
  messageBoxResponse: 0,
};

export const dialog = {
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    recorded.openDialogs += 1;
    const options = (args.length > 1 ? args[1] : args[0]) as
      { properties?: string[]; title?: string } | undefined;
    recorded.openDialogTitles.push(options?.title ?? '');
    const folder = options?.properties?.includes('openDirectory') ?? false;
    const paths = folder
      ? dialogAnswers.nextFolder === null
        ? []
        : [dialogAnswers.nextFolder]
      : (dialogAnswers.nextOpenPaths ?? []);
    dialogAnswers.nextOpenPaths = null;
    dialogAnswers.nextFolder = null;
    return { canceled: paths.length === 0, filePaths: paths };
  },
  async showSaveDialog(): Promise<{ canceled: boolean; filePath: string }> {
    const path = dialogAnswers.nextSavePath;
    dialogAnswers.nextSavePath = null;
    return { canceled: path === null, filePath: path ?? '' };
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = (args.length > 1 ? args[1] : args[0]) as { message: string; buttons?: string[] };
    recorded.messageBoxes.push({ message: options.message, buttons: options.buttons ?? [] });
    return { response: dialogAnswers.messageBoxResponse, checkboxChecked: false };
  },
  showErrorBox(title: string, content: string): void {
    recorded.errorBoxes.push({ title, content });
    process.stderr.write(`[error box] ${title}: ${content}\n`);
  },
};

export const shell = {
  async openExternal(url: string): Promise<void> {
    recorded.openedExternal.push(url);
  },
  showItemInFolder(path: string): void {
    recorded.shownInFolder.push(path);
  },
  async openPath(path: string): Promise<string> {
    recorded.openedExternal.push(path);
    return '';
  },
  beep(): void {
    recorded.beeps += 1;
  },
};

const DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
};

class Screen extends EventEmitter {
  getAllDisplays() {
    requireReady("The 'screen' module");
    return [DISPLAY];
  }
  getPrimaryDisplay() {
    requireReady("The 'screen' module");
    return DISPLAY;
  }
  getCursorScreenPoint() {
    return { x: 0, y: 0 };
  }
}
export const screen = new Screen();

const defaultSession = {
  setPermissionRequestHandler: (_handler: unknown) => undefined,
  setPermissionCheckHandler: (_handler: unknown) => undefined,
  resolveProxy: async (_url: string) => 'DIRECT',
};
/** A session of its own (electron-updater's is 'electron-updater'): the proxy it was given is recorded. */
export class PartitionSession {
  proxy: Electron.ProxyConfig | null = null;
  constructor(readonly partition: string) {}
  async setProxy(config: Electron.ProxyConfig): Promise<void> {
    this.proxy = config;
  }
}
const partitions = new Map<string, PartitionSession>();

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
  /** The same partition name gives the same session (Electron docs, session.fromPartition). */
  fromPartition(partition: string, _options?: { cache?: boolean }): PartitionSession {
    requireReady('session.fromPartition');
    let found = partitions.get(partition);
    if (!found) partitions.set(partition, (found = new PartitionSession(partition)));
    return found;
  },
};

const registered = new Map<string, () => void>();
const VALID_ACCELERATOR =
  /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)*([A-Z0-9]|F\d{1,2}|Space|Tab|Enter|Return|Escape|Esc|Up|Down|Left|Right|Home|End|PageUp|PageDown|Insert|Delete|Backspace|Plus|[-=[\];',./`\\])$/i;

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    requireReady('globalShortcut');
    if (!VALID_ACCELERATOR.test(accelerator)) throw new Error(`Error processing argument: ${accelerator}`);
    if (modes.takenShortcuts.includes(accelerator)) return false;
    registered.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string): void {
    registered.delete(accelerator);
  },
  unregisterAll(): void {
    registered.clear();
  },
  isRegistered(accelerator: string): boolean {
    return registered.has(accelerator);
  },
};

/** The user presses a global shortcut. */
export function pressGlobalShortcut(accelerator: string): boolean {
  const callback = registered.get(accelerator);
  callback?.();
  return callback !== undefined;
}

export class NativeImage {
  private reps: { scaleFactor: number; buffer: Buffer }[] = [];
  private template = false;
  constructor(private size = { width: 0, height: 0 }) {}
  static fromPng(buffer: Buffer): NativeImage {
    const isPng = buffer.length > 24 && buffer.toString('latin1', 1, 4) === 'PNG';
    const image = new NativeImage(
      isPng ? { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) } : { width: 0, height: 0 },
    );
    if (isPng) image.reps.push({ scaleFactor: 1, buffer });
    return image;
  }
  isEmpty(): boolean {
    return this.reps.length === 0;
  }
  getSize() {
    return this.size;
  }
  addRepresentation(rep: { scaleFactor: number; buffer?: Buffer }): void {
    if (rep.buffer) this.reps.push({ scaleFactor: rep.scaleFactor, buffer: rep.buffer });
  }
  setTemplateImage(on: boolean): void {
    this.template = on;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
  toPNG(): Buffer {
    return this.reps[0]?.buffer ?? Buffer.alloc(0);
  }
  toDataURL(): string {
    return `data:image/png;base64,${this.toPNG().toString('base64')}`;
  }
  resize(): NativeImage {
    return this;
  }
}

/** Calls the app made to nativeImage.createFromPath: Electron decodes those on the main thread, synchronously. */
export const syncDecodes: string[] = [];

export const nativeImage = {
  createEmpty: () => new NativeImage(),
  createFromBuffer: (buffer: Buffer) => NativeImage.fromPng(buffer),
  createFromPath(path: string): NativeImage {
    syncDecodes.push(path);
    try {
      return NativeImage.fromPng(readFileSync(path));
    } catch {
      return new NativeImage();
    }
  },
  async createThumbnailFromPath(): Promise<NativeImage> {
    // Only macOS and Windows have an OS thumbnailer; Electron rejects elsewhere.
    throw new Error('createThumbnailFromPath is not supported on this platform');
  },
};
