import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readHiddenLine, readPipedInput } from '../../src/cli/prompt';

// A terminal stand-in: a byte stream that records raw-mode switches, as a TTY ReadStream would.
function fakeTerminal(): PassThrough & { rawModes: boolean[]; setRawMode(mode: boolean): void } {
  const stream = new PassThrough() as PassThrough & { rawModes: boolean[]; setRawMode(mode: boolean): void };
  stream.rawModes = [];
  stream.setRawMode = (mode: boolean) => void stream.rawModes.push(mode);
  return stream;
}

function collector(): { text: () => string; write(chunk: string): void } {
  let all = '';
  return { text: () => all, write: (chunk: string) => void (all += chunk) };
}

describe('readHiddenLine', () => {
  it('returns what was typed, applying backspace, and never echoes it', async () => {
    const input = fakeTerminal();
    const output = collector();
    const reading = readHiddenLine({ input, output, prompt: 'Key: ' });
    input.write('sk-secrett\x7f');
    input.write('-42\x1b[D\r');
    await expect(reading).resolves.toBe('sk-secret-42');
    expect(output.text()).toBe('Key: \n');
    expect(input.rawModes).toEqual([true, false]);
  });

  it('treats Ctrl-C as cancel and restores the terminal', async () => {
    const input = fakeTerminal();
    const reading = readHiddenLine({ input, output: collector(), prompt: '' });
    input.write('abc\u0003');
    await expect(reading).rejects.toThrow(/Cancelled; nothing was saved/);
    expect(input.rawModes).toEqual([true, false]);
  });

  it('refuses to prompt without a terminal', async () => {
    await expect(
      readHiddenLine({ input: new PassThrough(), output: collector(), prompt: '' }),
    ).rejects.toThrow(/needs a terminal/);
  });
});

describe('readPipedInput', () => {
  it('reads everything piped in', async () => {
    const input = new PassThrough();
    input.end('my-key\n');
    await expect(readPipedInput(input)).resolves.toBe('my-key\n');
  });

  it('refuses input far larger than any key', async () => {
    const input = new PassThrough();
    input.end(Buffer.alloc(2048, 'a'));
    await expect(readPipedInput(input, 1024)).rejects.toThrow(/pipe in only the API key/);
  });
});
