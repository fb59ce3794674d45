// Maps socket-level failures to ApiError('network') naming the host, so "connection refused"
// reads as "is the server at X running?" rather than a bare errno.
import { ApiError } from './errors';

export type SendPhase = 'connecting' | 'sending' | 'waiting';

const PHASE_TEXT: Record<SendPhase, string> = {
  connecting: 'while connecting',
  sending: 'while sending the request',
  waiting: 'while waiting for the answer',
};

export function networkError(err: unknown, host: string, phase: SendPhase): ApiError {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  const detail = err instanceof Error ? err.message : String(err);
  const make = (message: string): ApiError => new ApiError('network', message, { cause: err });
  switch (code) {
    case 'ECONNREFUSED':
      return make(
        `Could not connect to ${host}: connection refused. Check the address in Settings and that the server is running.`,
      );
    case 'ECONNRESET':
    case 'EPIPE':
      return make(
        `The connection to ${host} was closed by the other side ${PHASE_TEXT[phase]} (${code}). Try again.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return make(
        `Could not find the server ${host} (DNS lookup failed). Check the address and your internet connection.`,
      );
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return make(`Could not reach ${host} (${code}). Check your internet connection or proxy.`);
    default:
      break;
  }
  if (
    code.startsWith('ERR_TLS') ||
    code.startsWith('CERT_') ||
    code.includes('SSL') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN'
  ) {
    return make(
      `The secure connection to ${host} failed (${code}): ${detail}. Check the address and any proxy or antivirus that intercepts HTTPS.`,
    );
  }
  return make(
    `Network error ${PHASE_TEXT[phase]} to ${host}${code ? ` (${code})` : ''}: ${detail}. Try again.`,
  );
}
