import type { OutputStream } from './context';

// `kiedrop upload *.txt | head -1`: the reader goes away after one line. Node reports that as an
// 'error' event (EPIPE) on stdout, and with nobody listening it kills the process mid-batch with a
// stack trace. This wrapper listens, remembers why the output ended, and drops later writes, so the
// command can finish its work and say in one line on stderr what happened.

export interface GuardedOutput extends OutputStream {
  /** 'EPIPE' (or the code of another write error) once writing failed; null while all is well. */
  lostCode(): string | null;
  /** Resolves once the stream has room again (at once if it has), or once the output is lost. */
  whenDrained(): Promise<void>;
}

interface ErrorEmitter {
  write(chunk: string): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  once?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  off?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  writableNeedDrain?: boolean;
}

export function guardOutput(stream: ErrorEmitter): GuardedOutput {
  let lost: string | null = null;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    lost ??= typeof err.code === 'string' ? err.code : 'write error';
  });
  return {
    /** False once the output is lost, or while the stream's buffer is full (then wait for whenDrained). */
    write(chunk: string): boolean {
      if (lost !== null) return false;
      try {
        return stream.write(chunk) !== false;
      } catch (err) {
        // Some streams throw instead of emitting (a destroyed one, say): same outcome.
        lost ??= (err as NodeJS.ErrnoException).code ?? 'write error';
        return false;
      }
    },
    lostCode: () => lost,
    whenDrained(): Promise<void> {
      const { once, off } = stream;
      if (lost !== null || stream.writableNeedDrain !== true || once === undefined) return Promise.resolve();
      return new Promise((resolve) => {
        const done = (): void => {
          for (const event of ['drain', 'close', 'error'] as const) off?.call(stream, event, done);
          resolve();
        };
        for (const event of ['drain', 'close', 'error'] as const) once.call(stream, event, done);
      });
    },
  };
}
