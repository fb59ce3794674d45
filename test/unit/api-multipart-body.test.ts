import { createHash, randomBytes } from 'node:crypto';
import busboy from 'busboy';
import { describe, expect, it } from 'vitest';
import { encodeExtValue, fileDisposition, multipartBody } from '../../src/main/core/api/multipart-body';
import type { RequestBody } from '../../src/main/core/api/request-body';

async function* inChunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** Runs the body producer the way http-send does, hashing and counting what it yields. */
async function drain(body: RequestBody): Promise<{ bytes: number; sha256: string; raw: Buffer }> {
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body.chunks()) {
    bytes += chunk.length;
    hash.update(chunk);
    parts.push(Buffer.from(chunk));
  }
  return { bytes, sha256: hash.digest('hex'), raw: Buffer.concat(parts) };
}

interface Parsed {
  fields: Record<string, string>;
  file?: { name: string; filename: string; mimeType: string; sha256: string; size: number };
  fieldOrder: string[];
}

/** Parses the body with busboy (what the emulator and many servers use). */
function parse(contentType: string, raw: Buffer): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    const parsed: Parsed = { fields: {}, fieldOrder: [] };
    const bb = busboy({ headers: { 'content-type': contentType } });
    bb.on('field', (name, value) => {
      parsed.fields[name] = value;
      parsed.fieldOrder.push(name);
    });
    bb.on('file', (name, stream, info) => {
      parsed.fieldOrder.push(name);
      const hash = createHash('sha256');
      let size = 0;
      stream.on('data', (c: Buffer) => {
        hash.update(c);
        size += c.length;
      });
      stream.on('end', () => {
        parsed.file = {
          name,
          filename: info.filename ?? '',
          mimeType: info.mimeType,
          sha256: hash.digest('hex'),
          size,
        };
      });
    });
    bb.on('close', () => resolve(parsed));
    bb.on('error', reject);
    bb.end(raw);
  });
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function bodyFor(fileName: string, content: Buffer, uploadPath = 'images/user-uploads'): RequestBody {
  return multipartBody(
    [
      ['uploadPath', uploadPath],
      ['fileName', fileName],
    ],
    {
      fieldName: 'file',
      fileName,
      contentType: 'application/pdf',
      size: content.length,
      chunks: () => inChunks(content, 65536),
    },
  );
}

describe('multipartBody', () => {
  it.each([0, 1, 2, 3, 1000, 1024 * 1024 + 7])(
    'announces exactly the bytes it produces for a %i-byte file',
    async (size) => {
      const content = randomBytes(size);
      const body = bodyFor('report.pdf', content);
      const { bytes } = await drain(body);
      expect(bytes).toBe(body.length);
    },
  );

  it('carries text fields before the file and the file content intact', async () => {
    const content = randomBytes(300_000);
    const body = bodyFor('report.pdf', content);
    const { raw } = await drain(body);
    const parsed = await parse(body.contentType, raw);
    expect(parsed.fieldOrder).toEqual(['uploadPath', 'fileName', 'file']);
    expect(parsed.fields).toEqual({ uploadPath: 'images/user-uploads', fileName: 'report.pdf' });
    expect(parsed.file).toEqual({
      name: 'file',
      filename: 'report.pdf',
      mimeType: 'application/pdf',
      sha256: sha(content),
      size: content.length,
    });
  });

  it.each(['résumé 2024.pdf', '图片.png', 'naïve "quoted" name.txt', "it's (1) *final*.doc"])(
    'delivers the name %j intact in both the field and the file part',
    async (name) => {
      const content = Buffer.from('hello');
      const body = bodyFor(name, content, 'fotos/été');
      const { raw, bytes } = await drain(body);
      expect(bytes).toBe(body.length);
      const parsed = await parse(body.contentType, raw);
      expect(parsed.fields.fileName).toBe(name);
      expect(parsed.fields.uploadPath).toBe('fotos/été');
      expect(parsed.file?.filename).toBe(name);
      expect(parsed.file?.sha256).toBe(sha(content));
    },
  );

  it('escapes quotes, CR and LF so a name cannot break out of its header', () => {
    const header = fileDisposition('file', 'a"b\r\nX-Evil: 1.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="a%22b%0D%0AX-Evil: 1.txt"');
  });

  it('adds filename* only for names outside printable ASCII', () => {
    expect(fileDisposition('file', 'plain.txt')).toBe('form-data; name="file"; filename="plain.txt"');
    expect(fileDisposition('file', '图片.png')).toContain(`filename*=UTF-8''%E5%9B%BE%E7%89%87.png`);
    expect(encodeExtValue("it's (1)*")).toBe("UTF-8''it%27s%20%281%29%2A");
  });

  it('uses a fresh random boundary per body', () => {
    const a = bodyFor('a.txt', Buffer.alloc(0)).contentType;
    const b = bodyFor('a.txt', Buffer.alloc(0)).contentType;
    expect(a).toMatch(/^multipart\/form-data; boundary=----KieDropBoundary[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});
