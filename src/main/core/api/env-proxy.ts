// The proxy the environment asks for: HTTPS_PROXY / HTTP_PROXY / ALL_PROXY, minus the hosts in NO_PROXY,
// read the way curl reads them. The environment is a parameter so the app, the CLI and tests each pass
// their own instead of sharing process.env.
import { BlockList, isIP } from 'node:net';
import type { ProxyEnvironment } from './proxy-config';

export interface EnvProxy {
  /** As set, with "http://" added when it had no scheme. */
  url: string;
  /** The variable it came from, for messages ("HTTPS_PROXY"). */
  variable: string;
}

/** The first non-blank of the lower- then upper-case variable (curl's order). */
function read(env: ProxyEnvironment, name: string): { value: string; variable: string } | null {
  for (const variable of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[variable]?.trim();
    if (value !== undefined && value !== '') return { value, variable };
  }
  return null;
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/** One NO_PROXY entry: a host name (its sub-domains too), an IP, or an IP range in CIDR form, with an
 * optional ":port". A leading "." or "*." means the same as the bare domain. */
function matchesEntry(entry: string, host: string, port: number): boolean {
  let name = entry;
  let entryPort: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/u.exec(name);
  const withPort = /^([^:]+):(\d+)$/u.exec(name);
  if (bracketed) {
    name = bracketed[1] ?? '';
    entryPort = bracketed[2] === undefined ? undefined : Number(bracketed[2]);
  } else if (withPort) {
    name = withPort[1] ?? '';
    entryPort = Number(withPort[2]);
  }
  if (entryPort !== undefined && entryPort !== port) return false;

  const cidr = /^([^/]+)\/(\d{1,3})$/u.exec(name);
  if (cidr && isIP(host) !== 0) {
    const family = isIP(cidr[1] ?? '');
    const prefix = Number(cidr[2]);
    if (family === 0 || family !== isIP(host) || prefix > (family === 4 ? 32 : 128)) return false;
    const range = new BlockList();
    const type = family === 4 ? 'ipv4' : 'ipv6';
    range.addSubnet(cidr[1] ?? '', prefix, type);
    return range.check(host, type);
  }
  const domain = name.replace(/^\*?\./u, '');
  return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
}

export function bypassesProxy(target: URL, env: ProxyEnvironment): boolean {
  const noProxy = read(env, 'no_proxy')?.value.toLowerCase();
  if (noProxy === undefined) return false;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/gu, '');
  const port = target.port === '' ? defaultPort(target.protocol) : Number(target.port);
  return noProxy
    .split(/[\s,]+/u)
    .filter((entry) => entry !== '')
    .some((entry) => entry === '*' || matchesEntry(entry, host, port));
}

/** The proxy for `target`, or null to connect directly. */
export function proxyFromEnv(target: URL, env: ProxyEnvironment): EnvProxy | null {
  const scheme = target.protocol === 'https:' ? 'https_proxy' : 'http_proxy';
  const found = read(env, scheme) ?? read(env, 'all_proxy');
  if (found === null || bypassesProxy(target, env)) return null;
  // curl's rule: a proxy given without a scheme speaks plain HTTP, whatever the target is.
  const url = /^[a-z][a-z0-9+.-]*:\/\//iu.test(found.value) ? found.value : `http://${found.value}`;
  return { url, variable: found.variable };
}
