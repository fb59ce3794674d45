// Builds the Base64 route's JSON body from a file without holding the encoded file in memory:
// a fixed JSON prefix, the file encoded chunk by chunk, then the remaining fields.
import { bufferBody } from './request-body';
import type { RequestBody } from './request-body';

export function base64EncodedLength(byteCount: number): number {
  return 4 * Math.ceil(byteCount / 3);
}

/** Encodes a byte stream as one continuous Base64 text: only whole 3-byte groups are encoded
 * per chunk (the rest carries over), so no padding appears mid-stream. */
export async function* encodeBase64Stream(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<Buffer, void, undefined> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    const data: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
    const whole = data.length - (data.length % 3);
    if (whole > 0) yield Buffer.from(data.subarray(0, whole).toString('base64'), 'latin1');
    carry = Buffer.from(data.subarray(whole));
  }
  if (carry.length > 0) yield Buffer.from(carry.toString('base64'), 'latin1');
}

export interface Base64FileSource {
  mimeType: string;
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

function trailingFields(uploadPath: string, fileName: string | undefined): string {
  let text = `,"uploadPath":${JSON.stringify(uploadPath)}`;
  if (fileName !== undefined) text += `,"fileName":${JSON.stringify(fileName)}`;
  return `${text}}`;
}

export function base64FileBody(file: Base64FileSource, uploadPath: string, fileName?: string): RequestBody {
  // JSON.stringify keeps the prefix valid JSON whatever the MIME type; drop its closing quote
  // because the encoded data continues the same string.
  const head = Buffer.from(
    `{"base64Data":${JSON.stringify(`data:${file.mimeType};base64,`).slice(0, -1)}`,
    'utf8',
  );
  const tail = Buffer.from(`"${trailingFields(uploadPath, fileName)}`, 'utf8');
  return {
    contentType: 'application/json',
    length: head.length + base64EncodedLength(file.size) + tail.length,
    async *chunks() {
      yield head;
      yield* encodeBase64Stream(file.chunks());
      yield tail;
    },
  };
}

export function base64TextBody(base64Data: string, uploadPath: string, fileName?: string): RequestBody {
  return bufferBody(
    'application/json',
    `{"base64Data":${JSON.stringify(base64Data)}${trailingFields(uploadPath, fileName)}`,
  );
}

/** Decoded size of Base64 text or a data URL, for the size limit check. */
export function decodedBase64Size(base64Data: string): number {
  const comma = base64Data.startsWith('data:') ? base64Data.indexOf(',') : -1;
  const payload = comma >= 0 ? base64Data.slice(comma + 1) : base64Data;
  let chars = 0;
  let padding = 0;
  for (let i = 0; i < payload.length; i++) {
    const c = payload.charCodeAt(i);
    if (c === 61 /* = */) padding++;
    else if (c > 32) chars++;
  }
  return Math.floor(((chars + padding) * 3) / 4) - padding;
}
