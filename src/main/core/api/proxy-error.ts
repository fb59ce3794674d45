// Failures that happen at the proxy rather than at the API: the proxy is unreachable, or it answered
// CONNECT with something other than 200. Messages name the proxy by host and port only (never its
// credentials) and say where to fix it.
import { STATUS_CODES } from 'node:http';
import { ApiError } from './errors';
import type { ProxyHop } from './proxy-agent';

/** The proxy's answer to CONNECT was not 200. `target` is the host:port it was asked to reach. */
export function proxyRefusedError(
  proxy: ProxyHop,
  target: string,
  status: number,
  statusText: string,
): ApiError {
  const answer = `${status} ${statusText.trim() || STATUS_CODES[status] || 'no reason given'}`;
  const make = (message: string): ApiError => new ApiError('network', message, { proxy: proxy.name });
  if (status === 407) {
    return make(
      `The proxy ${proxy.name} refused the connection (${answer}). Check the proxy address and its user name and password ${proxy.origin}.`,
    );
  }
  if (status >= 400 && status < 500) {
    return make(
      `The proxy ${proxy.name} refused the connection to ${target} (${answer}). Check the proxy address ${proxy.origin}, or ask whoever runs the proxy to allow ${target}.`,
    );
  }
  return make(
    `The proxy ${proxy.name} could not reach ${target} (${answer}). Check your internet connection and the upload address, then try again.`,
  );
}

/** Connecting to the proxy itself (or reading its answer to CONNECT) failed. */
export function proxyConnectError(err: unknown, proxy: ProxyHop, target: string): ApiError {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  const detail = err instanceof Error ? err.message : String(err);
  const make = (message: string): ApiError =>
    new ApiError('network', message, { cause: err, proxy: proxy.name });
  const where = `Check the proxy address ${proxy.origin}`;
  switch (code) {
    case 'ECONNREFUSED':
      return make(
        `Could not connect to the proxy ${proxy.name}: connection refused. ${where} and that the proxy is running.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return make(`Could not find the proxy ${proxy.name} (DNS lookup failed). ${where}.`);
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return make(`Could not reach the proxy ${proxy.name} (${code}). ${where} and your network connection.`);
    case 'ECONNRESET':
    case 'EPIPE':
      return make(
        `The proxy ${proxy.name} closed the connection before letting it through to ${target} (${code}). ${where}.`,
      );
    default:
      break;
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('CERT_') || code.includes('SSL')) {
    return make(
      `The secure connection to the proxy ${proxy.name} failed (${code}). ${where}: an https:// proxy URL needs a proxy that speaks TLS.`,
    );
  }
  return make(
    `Could not connect to ${target} through the proxy ${proxy.name}${code ? ` (${code})` : ''}: ${detail}. ${where}.`,
  );
}
