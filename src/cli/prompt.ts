import type { InputStream, OutputStream } from './context';
import { CliFailure, EXIT_INTERRUPTED } from './errors';

// Reading a secret. In raw mode the terminal echoes nothing, so the key never appears on screen or in
// scrollback; we handle the few editing keys people actually use while pasting.

const MAX_PIPED_BYTES = 64 * 1024;

export function readHiddenLine(opts: {
  input: InputStream;
  output: OutputStream;
  prompt: string;
}): Promise<string> {
  const { input, output } = opts;
  if (typeof input.setRawMode !== 'function') {
    return Promise.reject(new Error('Hidden input needs a terminal on stdin.'));
  }
  output.write(opts.prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();

  return new Promise<string>((resolve, reject) => {
    let text = '';

    const finish = (error: Error | null): void => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error === null) resolve(text);
      else reject(error);
    };

    function onData(chunk: string | Buffer): void {
      // Arrow keys and other escape sequences mean nothing in a key; drop them whole.
      // eslint-disable-next-line no-control-regex
      const data = String(chunk).replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/gu, '');
      for (const ch of data) {
        switch (ch) {
          case '\r':
          case '\n':
            finish(null);
            return;
          case '\u0003': // Ctrl-C: raw mode swallows SIGINT, so act on it here
            finish(new CliFailure('Cancelled; nothing was saved.', EXIT_INTERRUPTED));
            return;
          case '\u0004': // Ctrl-D
            finish(null);
            return;
          case '\u007f':
          case '\b':
            text = Array.from(text).slice(0, -1).join('');
            break;
          case '\u0015': // Ctrl-U clears the line, as in a shell
            text = '';
            break;
          default:
            text += ch;
        }
      }
    }

    input.on('data', onData);
  });
}

/** Everything piped into stdin, for `echo KEY | kiedrop key set`. Refuses huge input: that is not a key. */
export async function readPipedInput(input: InputStream, maxBytes = MAX_PIPED_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > maxBytes) {
      throw new CliFailure(`More than ${maxBytes / 1024} KB arrived on stdin; pipe in only the API key.`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
