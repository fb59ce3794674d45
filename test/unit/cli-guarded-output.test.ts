import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardOutput } from '../../src/cli/guarded-output';

/** A stdout whose reader can go away, as a pipe into `head -1` does. */
function pipeLike(): EventEmitter & { written: string[]; write(chunk: string): boolean; close(): void } {
  const stream = Object.assign(new EventEmitter(), {
    written: [] as string[],
    closed: false,
    write(chunk: string): boolean {
      if (stream.closed) {
        const err = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        process.nextTick(() => stream.emit('error', err));
        return false;
      }
      stream.written.push(chunk);
      return true;
    },
    close(): void {
      stream.closed = true;
    },
  });
  return stream;
}

describe('guardOutput', () => {
  it('passes writes through while the reader is there', () => {
    const pipe = pipeLike();
    const out = guardOutput(pipe);
    out.write('one\n');
    expect(pipe.written).toEqual(['one\n']);
    expect(out.lostCode()).toBeNull();
  });

  it('turns EPIPE into a remembered state instead of an unhandled error, and drops later writes', async () => {
    const pipe = pipeLike();
    const out = guardOutput(pipe);
    out.write('one\n');
    pipe.close();
    out.write('two\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.lostCode()).toBe('EPIPE');
    expect(out.write('three\n')).toBe(false);
    expect(pipe.written).toEqual(['one\n']);
  });
});
