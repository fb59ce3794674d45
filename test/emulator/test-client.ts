// Small HTTP helpers for tests that talk to the emulator. Deliberately plain: fetch for ordinary
// calls, node:http where a test must watch the connection itself (resets, slow bodies, 100-continue).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The documented success body of the upload routes. */
export interface UploadReply {
  success: boolean;
  code: number;
  msg: string;
  data: {
    fileName: string;
    filePath: string;
    downloadUrl: string;
    fileSize: number;
    mimeType: string;
    uploadedAt: string;
  };
}

export interface JsonReply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies vary by route; tests check them field by field
  body: any;
}

export async function postJson(
  baseUrl: string,
  path: string,
  payload: unknown,
  apiKey?: string,
): Promise<JsonReply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (apiKey !== undefined) headers.Authorization = `Bearer ${apiKey}`;
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(payload) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function postForm(baseUrl: string, form: FormData, apiKey?: string): Promise<JsonReply> {
  const headers: Record<string, string> = {};
  if (apiKey !== undefined) headers.Authorization = `Bearer ${apiKey}`;
  const res = await fetch(`${baseUrl}/api/file-stream-upload`, { method: 'POST', headers, body: form });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function getJson(url: string, apiKey?: string, method = 'GET'): Promise<JsonReply> {
  const headers: Record<string, string> = {};
  if (apiKey !== undefined) headers.Authorization = `Bearer ${apiKey}`;
  const res = await fetch(url, { method, headers });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function download(url: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kiedrop-emulator-test-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** ms from sending the request until the response headers arrived, and until the body ended. */
  headersAfterMs: number;
  endAfterMs: number;
}

/** One request over node:http; rejects with the socket error (e.g. ECONNRESET) if the connection breaks. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const headersAfterMs = performance.now() - started;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            headersAfterMs,
            endAfterMs: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A multipart body built by hand, so a test controls part order and exact bytes. */
export function multipartBody(
  parts: Array<
    { name: string; value: string } | { name: string; filename: string; data: Buffer; type?: string }
  >,
): { body: Buffer; contentType: string } {
  const boundary = `----kiedrop-test-${Math.random().toString(16).slice(2)}`;
  const pieces: Buffer[] = [];
  for (const part of parts) {
    if ('data' in part) {
      pieces.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        part.data,
        Buffer.from('\r\n'),
      );
    } else {
      pieces.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
        ),
      );
    }
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}
