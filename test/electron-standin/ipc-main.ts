// ipcMain: one handler per channel (a second handle() throws, as in Electron), invoking a channel with no
// handler rejects, and a handler's error reaches the page as "Error invoking remote method …" with only
// its text (DESIGN §8 rule 5). Arguments and answers cross by structured clone.
import { EventEmitter } from 'node:events';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class IpcMain extends EventEmitter {
  private handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** An invoke from a page: `{ value }`, or `{ standinError }` with the text the page will see. */
  async invoke(
    channel: string,
    event: unknown,
    args: unknown[],
  ): Promise<{ value?: unknown; standinError?: string }> {
    const handler = this.handlers.get(channel);
    if (!handler) return { standinError: `Error: No handler registered for '${channel}'` };
    try {
      return { value: structuredClone(await handler(event, ...structuredClone(args))) };
    } catch (err) {
      return { standinError: String(err instanceof Error ? `Error: ${err.message}` : err) };
    }
  }
}

export const ipcMain = new IpcMain();
