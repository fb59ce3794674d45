// A PicGo-compatible upload server on loopback, so Typora, Obsidian's image-auto-upload plugin and
// VS Code's PicGo extensions work unchanged when pointed at KieDrop. The shapes follow PicGo's
// server (Molunerfinn/PicGo src/main/server/handler.ts and utils.ts): POST /upload with
// `{ "list": [paths] }` → `{ success: true, result: [urls] }`; an empty body uploads the clipboard;
// errors → `{ success: false, result: [], message }` with 400 for a bad body and 500 when the
// upload fails. Obsidian's plugin (renmu123/obsidian-image-auto-upload-plugin) posts the same JSON
// with Content-Type application/json, and an empty POST for the clipboard.
// Unlike PicGo it refuses web pages, unknown hosts, non-JSON bodies and unapproved clients.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClientApproval } from './client-approval';
import type { ApproveClient, ClientDecisions } from './client-approval';
import { refuseContentType, refuseWebRequest, refuseWithoutToken } from './request-guard';
import type { Refusal } from './request-guard';
import { BadUploadBody, parseUploadBody } from './upload-body';
import type { EditorUploadResult } from './upload-files';

/** PicGo's default port, so editors set up for PicGo need no change. */
export const DEFAULT_EDITOR_SERVER_PORT = 36677;
const MAX_BODY_BYTES = 1024 * 1024;

export interface EditorServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** '' accepts requests without a secret. */
  token: string;
  uploadFiles(paths: string[]): Promise<EditorUploadResult>;
  /** The app's "Upload clipboard"; resolves to the links it made. */
  uploadClipboard(): Promise<string[]>;
  /** Asks the user whether this client may upload; called once per new name. */
  approveClient: ApproveClient;
  decisions: ClientDecisions;
  /** Told about each refused or failed request (the app logs it). */
  onProblem?: (message: string) => void;
}

export interface EditorServer {
  readonly port: number;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: { success: boolean; result: string[]; message?: string };
}

const fail = (status: number, message: string): Answer => ({
  status,
  body: { success: false, result: [], message },
});
const refused = (r: Refusal): Answer => fail(r.status, r.message);

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startEditorServer(opts: EditorServerOptions): Promise<EditorServer> {
  const isAllowed = createClientApproval(opts.decisions, opts.approveClient);
  let port = opts.port;

  async function answer(req: http.IncomingMessage): Promise<Answer> {
    const web = refuseWebRequest(req.headers, port);
    if (web) return refused(web);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method !== 'POST' || url.pathname !== '/upload') {
      return fail(404, 'Only POST /upload is served.');
    }
    const secret = refuseWithoutToken(req.headers, url, opts.token);
    if (secret) return refused(secret);
    const text = await readBody(req);
    if (text === null) return fail(413, 'The request body is too large.');
    const type = refuseContentType(req.headers['content-type'], text.trim() === '');
    if (type) return refused(type);
    let request;
    try {
      request = parseUploadBody(text);
    } catch (err) {
      if (err instanceof BadUploadBody) return fail(400, err.message);
      throw err;
    }
    const client = req.headers['user-agent']?.trim() || 'an unnamed client';
    if (!(await isAllowed(client))) {
      return fail(403, `"${client}" is not allowed to upload through KieDrop.`);
    }
    if (request.kind === 'clipboard') {
      const links = await opts.uploadClipboard();
      return links.length > 0
        ? { status: 200, body: { success: true, result: links } }
        : fail(500, 'Nothing was uploaded from the clipboard.');
    }
    const { links, failures } = await opts.uploadFiles(request.paths);
    if (failures.length > 0 || links.some((l) => l === null)) {
      return fail(500, `Not every file was uploaded: ${failures.join('; ')}`);
    }
    return { status: 200, body: { success: true, result: links as string[] } };
  }

  const server = http.createServer((req, res) => {
    answer(req)
      .catch((err: unknown) => fail(500, err instanceof Error ? err.message : String(err)))
      .then((a) => {
        if (!a.body.success) opts.onProblem?.(`${a.status} ${a.body.message ?? ''}`);
        const json = JSON.stringify(a.body);
        res.writeHead(a.status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(json),
        });
        res.end(json);
      })
      .catch(() => res.destroy());
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: nothing on the network can reach it.
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
