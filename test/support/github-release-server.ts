// A GitHub release as electron-updater's GitHub provider reads it, on 127.0.0.1: with `host` set to this
// server in app-update.yml the provider takes it for GitHub Enterprise, so it asks
// /{owner}/{repo}/releases.atom, /api/v3/repos/{owner}/{repo}/releases/latest, then the release's
// latest-linux.yml and the AppImage under /{owner}/{repo}/releases/download/{tag}/, which redirects to
// where the file is stored, as GitHub's does. The AppImage goes out in 64 KiB pieces every 50 ms, so a
// 2 MiB file takes more than the second after which electron-updater reports progress.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const OWNER = 'kiedrop';
export const REPO = 'kiedrop';

export interface GithubRelease {
  version: string;
  fileName: string;
  bytes: Buffer;
  /** The sha512 latest-linux.yml states; the file's own unless a test says otherwise. */
  sha512?: string;
}

export interface GithubReleaseServer {
  /** host:port, for app-update.yml's `host`. */
  host: string;
  release: GithubRelease;
  /** Paths asked, in order (queries left off). */
  served: string[];
  /** app-update.yml as electron-builder writes it for this feed, pointed here. */
  appUpdateYml(): string;
  close(): Promise<void>;
}

export async function startGithubReleaseServer(release: GithubRelease): Promise<GithubReleaseServer> {
  const state = { release, served: [] as string[] };
  const base = `/${OWNER}/${REPO}/releases`;
  const server = createServer((req, res) => {
    // electron-updater adds a cache-busting query to some of its requests.
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    state.served.push(path);
    const r = state.release;
    const tag = `v${r.version}`;
    const sha512 = r.sha512 ?? createHash('sha512').update(r.bytes).digest('base64');
    if (path === `${base}.atom`) {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>` +
          `<link rel="alternate" type="text/html" href="http://${req.headers.host}${base}/tag/${tag}"/>` +
          `<title>${tag}</title><content type="html">No content.</content></entry></feed>`,
      );
      return;
    }
    if (path === `/api/v3/repos/${OWNER}/${REPO}/releases/latest`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ tag_name: tag }));
      return;
    }
    if (path === `${base}/download/${tag}/latest-linux.yml`) {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(
        [
          `version: ${r.version}`,
          'files:',
          `  - url: ${r.fileName}`,
          `    sha512: ${sha512}`,
          `    size: ${r.bytes.length}`,
          `path: ${r.fileName}`,
          `sha512: ${sha512}`,
          "releaseDate: '2026-12-01T00:00:00.000Z'",
          '',
        ].join('\n'),
      );
      return;
    }
    if (path === `${base}/download/${tag}/${r.fileName}`) {
      // As GitHub does: release files are served from another address, reached by a redirect.
      res.writeHead(302, { location: `/storage/${tag}/${r.fileName}` }).end();
      return;
    }
    if (path === `/storage/${tag}/${r.fileName}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': r.bytes.length });
      const chunk = 64 * 1024;
      let at = 0;
      const timer = setInterval(() => {
        if (at >= r.bytes.length) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(r.bytes.subarray(at, at + chunk));
        at += chunk;
      }, 50);
      res.on('close', () => clearInterval(timer));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    host,
    appUpdateYml: () =>
      `owner: ${OWNER}\nrepo: ${REPO}\nprovider: github\nhost: ${host}\nprotocol: http\n` +
      'updaterCacheDirName: kiedrop-updater\n',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The new release's "AppImage": a script that, started by the updater, records that it ran and how. */
export function scriptAppImage(): Buffer {
  const script =
    '#!/bin/sh\nprintf "started %s" "$APPIMAGE_SILENT_INSTALL" > "$(dirname "$0")/started.txt"\nexit 0\n';
  // 2 MiB, so electron-updater reports progress on the way.
  return Buffer.concat([Buffer.from(script), Buffer.alloc(2 * 1024 * 1024, '#\n')]);
}
