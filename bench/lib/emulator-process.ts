// Runs the API emulator in its own process, as a real server would be, so the process under measurement
// shares neither its event loop nor its memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface EmulatorProcess {
  url: string;
  apiKey: string;
  /** The server's process, for measuring what it costs. */
  pid: number;
  stop(): Promise<void>;
}

export function startEmulatorProcess(storageDir: string): Promise<EmulatorProcess> {
  return startServerProcess(['test/emulator/cli.ts', '--port', '0', '--storage', storageDir]);
}

/** A server that discards bodies: isolates the uploader's own cost. */
export function startDiscardServerProcess(): Promise<EmulatorProcess> {
  return startServerProcess(['bench/lib/discard-server.ts']);
}

/** Starts a TypeScript server script that prints "… http://127.0.0.1:PORT  key: KEY" once listening. */
async function startServerProcess(args: string[]): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
    const apiKey = /key:\s*(\S+)/.exec(line)?.[1];
    if (url && apiKey) {
      return {
        url,
        apiKey,
        pid: child.pid!,
        async stop() {
          child.kill('SIGTERM');
          if (child.exitCode === null) await once(child, 'exit');
        },
      };
    }
  }
  throw new Error(`${args[0]} exited before printing its URL`);
}
