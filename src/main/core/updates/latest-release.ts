// Asks GitHub for the newest published release: GET /repos/{owner}/{repo}/releases/latest, which
// leaves out drafts and pre-releases (docs.github.com, "Get the latest release"). No key is sent:
// release data is public. Requests go through the proxy the user configured, like every other request.
import { httpSend } from '../api/http-send';
import type { AgentRouter } from '../api/proxy-agent';
import type { UpdateFeed } from './publish-config';
import { parseVersion, plainVersion } from './version-order';

export interface ReleaseInfo {
  /** Without a leading "v", e.g. "1.4.0". */
  version: string;
  /** The release's page, where the installers are. */
  url: string;
}

/** Answers that are not a usable release: the check failed, and the reason goes to the log. */
export class ReleaseFeedError extends Error {}

export function latestReleaseUrl(feed: UpdateFeed): URL {
  const base = feed.apiBaseUrl.replace(/\/+$/, '');
  return new URL(
    `${base}/repos/${encodeURIComponent(feed.owner)}/${encodeURIComponent(feed.repo)}/releases/latest`,
  );
}

/** The release in a GitHub answer body, or a ReleaseFeedError saying what is wrong with it. */
export function parseLatestRelease(text: string): ReleaseInfo {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ReleaseFeedError('the release feed did not answer with JSON');
  }
  const tag = (body as { tag_name?: unknown } | null)?.tag_name;
  const page = (body as { html_url?: unknown } | null)?.html_url;
  if (typeof tag !== 'string' || parseVersion(tag) === null) {
    throw new ReleaseFeedError(`the latest release's tag is not a version (${JSON.stringify(tag)})`);
  }
  if (typeof page !== 'string' || !/^https?:\/\//.test(page)) {
    throw new ReleaseFeedError('the latest release has no web page address');
  }
  return { version: plainVersion(tag), url: page };
}

/** Null when the repository has no published release yet (GitHub answers 404). */
export async function fetchLatestRelease(
  feed: UpdateFeed,
  agents: AgentRouter,
  userAgent: string,
): Promise<ReleaseInfo | null> {
  const res = await httpSend({
    method: 'GET',
    url: latestReleaseUrl(feed),
    headers: { Accept: 'application/vnd.github+json', 'User-Agent': userAgent },
    agents,
    responseTimeoutMs: 30_000,
    label: 'The update check',
  });
  if (res.status === 404) return null;
  if (res.status !== 200) throw new ReleaseFeedError(`the release feed answered HTTP ${res.status}`);
  return parseLatestRelease(res.text);
}
