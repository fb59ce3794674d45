// Dribbles a response body out over a set time, for clients' read-timeout and progress tests.
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

const PIECES = 20;

export async function writePaced(
  res: ServerResponse,
  source: AsyncIterable<Buffer>,
  totalBytes: number,
  durationMs: number,
): Promise<void> {
  res.flushHeaders(); // headers go out at once; only the body is slow
  const start = performance.now();
  const pieceSize = Math.max(1, Math.ceil(totalBytes / PIECES));
  let sent = 0;
  for await (const chunk of source) {
    for (let at = 0; at < chunk.length; at += pieceSize) {
      const piece = chunk.subarray(at, at + pieceSize);
      sent += piece.length;
      const due = start + (durationMs * sent) / Math.max(totalBytes, 1);
      await sleep(Math.max(0, due - performance.now()));
      if (res.destroyed) return;
      if (!res.write(piece)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
  }
  await sleep(Math.max(0, start + durationMs - performance.now()));
  if (!res.destroyed) res.end();
}
