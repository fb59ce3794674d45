// A stand-in for GitHub's "latest release" endpoint (GET /repos/{owner}/{repo}/releases/latest), a real
// HTTP server on 127.0.0.1 that answers what the test sets and counts the requests it gets.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReleaseFeedServer {
  /** The API base URL to put in the feed. */
  url: string;
  /** Requests so far, by path. */
  requests: string[];
  /** What the endpoint answers next: a release, or a status with no release. */
  answer: { tag: string; page: string } | { status: number };
  close(): Promise<void>;
}

export async function startReleaseFeedServer(): Promise<ReleaseFeedServer> {
  const state: Pick<ReleaseFeedServer, 'requests' | 'answer'> = {
    requests: [],
    answer: { status: 404 },
  };
  const server = createServer((req, res) => {
    state.requests.push(req.url ?? '');
    const a = state.answer;
    if (!/^\/repos\/[^/]+\/[^/]+\/releases\/latest$/.test(req.url ?? '') || 'status' in a) {
      res.writeHead('status' in a ? a.status : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ tag_name: a.tag, html_url: a.page, draft: false, prerelease: false }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
