// Checks many links with at most `concurrency` requests in flight, retrying the answers that may be
// passing (no connection, 5xx, 429) with a growing pause, so a blip does not mark a link as broken.
import { probeLink, type LinkProbe, type ProbeOptions } from './link-probe';

export interface LinkToCheck {
  id: number;
  url: string;
}

export interface CheckOptions extends ProbeOptions {
  /** Default 4. */
  concurrency?: number;
  /** Further tries after a passing failure; default 2. */
  retries?: number;
  /** Pause before the first retry, doubled for each next one; default 500 ms. */
  backoffMs?: number;
  probe?: (url: string, opts: ProbeOptions) => Promise<LinkProbe>;
}

const isPassing = (p: LinkProbe): boolean =>
  p.state === 'unreachable' || (p.state === 'error' && (p.status === 429 || (p.status ?? 0) >= 500));

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    if (ms <= 0 || signal?.aborted) return done();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
  });
}

export async function checkOne(url: string, opts: CheckOptions = {}): Promise<LinkProbe> {
  const probe = opts.probe ?? probeLink;
  const retries = opts.retries ?? 2;
  let delay = opts.backoffMs ?? 500;
  let result = await probe(url, opts);
  for (let attempt = 0; attempt < retries && isPassing(result) && !opts.signal?.aborted; attempt++) {
    await pause(delay, opts.signal);
    delay *= 2;
    result = await probe(url, opts);
  }
  return result;
}

/** Results in the order of `links`; `onResult` hears each as it arrives. */
export async function checkLinks(
  links: readonly LinkToCheck[],
  opts: CheckOptions = {},
  onResult?: (link: LinkToCheck, result: LinkProbe) => void,
): Promise<LinkProbe[]> {
  const results: LinkProbe[] = new Array<LinkProbe>(links.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < links.length) {
      const index = next++;
      const link = links[index] as LinkToCheck;
      const result = await checkOne(link.url, opts);
      results[index] = result;
      onResult?.(link, result);
    }
  };
  const width = Math.max(1, Math.min(opts.concurrency ?? 4, links.length));
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
