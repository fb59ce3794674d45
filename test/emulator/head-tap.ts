// A pass-through that counts bytes, keeps the first few for type sniffing, and can enforce a size cap.
import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES } from './mime-sniff';

export class HeadTap extends Transform {
  size = 0;
  private headParts: Buffer[] = [];
  private headLength = 0;

  constructor(
    private readonly maxBytes = Infinity,
    private readonly onTooLarge?: () => Error,
  ) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.headParts).subarray(0, SNIFF_BYTES);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(this.onTooLarge?.() ?? new Error(`more than ${this.maxBytes} bytes`));
      return;
    }
    if (this.headLength < SNIFF_BYTES) {
      this.headParts.push(chunk.subarray(0, SNIFF_BYTES - this.headLength));
      this.headLength += Math.min(chunk.length, SNIFF_BYTES - this.headLength);
    }
    done(null, chunk);
  }
}
