// Decodes base64Data: plain Base64 or a data URL ("data:image/png;base64,...").
// Strict like a standard decoder: no whitespace, no URL-safe alphabet, padding only at the end.
import { ApiFailure } from './api-failure';

export interface DecodedPayload {
  bytes: Buffer;
  /** The data URL's media type, if it had one. */
  declaredType?: string;
}

const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*),/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const invalid = () => new ApiFailure(400, 'Base64 decoding failed: Invalid Base64 format');

export function decodeBase64Payload(input: string): DecodedPayload {
  let data = input;
  let declaredType: string | undefined;
  if (input.startsWith('data:')) {
    const match = DATA_URL.exec(input);
    if (!match || !(match[2] ?? '').split(';').includes('base64')) throw invalid();
    declaredType = match[1] || undefined;
    data = input.slice(match[0].length);
  }
  const padded = data.includes('=');
  if (!BASE64.test(data) || data.length % 4 === 1 || (padded && data.length % 4 !== 0)) throw invalid();
  return { bytes: Buffer.from(data, 'base64'), declaredType };
}
