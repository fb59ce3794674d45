// Runs the editor server while Settings → Integrations has it on, and restarts it when its port or
// secret changes. Uploads go through the app's queue; an empty request uploads the clipboard the way
// "Upload clipboard" does (the links also land on the clipboard, in the user's copy format). Either
// way history records them as the editor's. Each new editor name is asked about once; the answer is
// kept in settings.
import { uploadClipboard } from '../clipboard';
import type { ClipboardAdapter as CoreClipboard } from '../clipboard';
import { startEditorServer, uploadFilesForEditor } from '../editor-server';
import type { EditorServer } from '../editor-server';
import type { Engine } from '../engine';
import type { SettingsStore } from '../settings';
import type { EditorServerSetting } from '../../../shared/settings';
import type { ClipboardAdapter } from './types';

export interface EditorServerHostOptions {
  engine: Pick<Engine, 'queue' | 'history'>;
  settings: SettingsStore;
  clipboard: ClipboardAdapter;
  /** Where clipboard images are kept (re-read on retry and renew). */
  clipboardDir: string;
  /** Asks the user whether this editor may upload. Absent: new editors are refused. */
  approveClient?: (name: string) => Promise<boolean>;
  /** Told when the server refuses or fails a request. */
  log?: (line: string) => void;
  /** Told when the server cannot listen (the port is taken, say), so the window can say so. */
  onNotStarted?: (port: number, reason: string) => void;
}

export interface EditorServerHost {
  /** The port it listens on, or null while off. */
  readonly port: number | null;
  /** Starts, stops or restarts to match the settings; resolves once done. */
  apply(): Promise<void>;
  close(): Promise<void>;
}

const sameServer = (a: EditorServerSetting, b: EditorServerSetting): boolean =>
  a.enabled === b.enabled && a.port === b.port && a.token === b.token;

export function createEditorServerHost(opts: EditorServerHostOptions): EditorServerHost {
  const { engine, settings } = opts;
  let server: EditorServer | null = null;
  // The settings last acted on, started or not: a port that was taken is not tried again (and
  // reported again) until the setting changes.
  let applied: EditorServerSetting | null = null;
  let chain: Promise<void> = Promise.resolve();

  // Settings' naming templates, as for the app's other uploads.
  function namingFromSettings(): { nameTemplate: string; pathTemplate: string } {
    const { nameTemplate, uploadPathTemplate } = settings.get();
    return { nameTemplate, pathTemplate: uploadPathTemplate };
  }

  async function clipboardLinks(): Promise<string[]> {
    if (!opts.clipboard.read) throw new Error('KieDrop cannot read the clipboard here.');
    const snapshot = await opts.clipboard.read();
    const reader: CoreClipboard = {
      readImagePng: () => snapshot.imagePng,
      readFilePaths: () => snapshot.filePaths,
      readText: () => snapshot.text,
      writeText: (text) => opts.clipboard.writeText(text),
    };
    const { defaultUploadPath, copyFormat, customCopyTemplate } = settings.get();
    const result = await uploadClipboard({
      clipboard: reader,
      engine,
      settings: {
        uploadPath: defaultUploadPath,
        copyFormat,
        customTemplate: customCopyTemplate,
        naming: namingFromSettings(),
      },
      tempDir: opts.clipboardDir,
      source: 'editor',
    });
    return result.uploaded.map((e) => e.downloadUrl);
  }

  async function sync(): Promise<void> {
    const wanted = settings.get().editorServer;
    if (applied && sameServer(applied, wanted)) return;
    applied = wanted;
    if (server) {
      await server.close();
      server = null;
    }
    if (!wanted.enabled) return;
    try {
      server = await startEditorServer({
        port: wanted.port,
        token: wanted.token,
        uploadFiles: (paths) =>
          uploadFilesForEditor(engine, paths, {
            uploadPath: settings.get().defaultUploadPath,
            source: 'editor',
            naming: namingFromSettings(),
          }),
        uploadClipboard: clipboardLinks,
        approveClient: opts.approveClient ?? (async () => false),
        decisions: {
          get: (name) => settings.get().editorServer.clients[name],
          set: (name, allowed) => {
            const current = settings.get().editorServer;
            settings.set({ editorServer: { ...current, clients: { ...current.clients, [name]: allowed } } });
          },
        },
        onProblem: (line) => opts.log?.(`editor server: ${line}`),
      });
    } catch (err) {
      opts.onNotStarted?.(wanted.port, err instanceof Error ? err.message : String(err));
    }
  }

  const apply = (): Promise<void> => (chain = chain.then(sync, sync));
  const off = settings.onChange((next, previous) => {
    if (!sameServer(next.editorServer, previous.editorServer)) void apply();
  });

  return {
    get port() {
      return server?.port ?? null;
    },
    apply,
    async close() {
      off();
      await chain;
      await server?.close();
      server = null;
      applied = null;
    },
  };
}
