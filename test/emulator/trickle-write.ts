// Answers that misbehave after their headers: a body that dribbles out one byte at a time, or one that
// never ends. Both stop as soon as the client goes away (or the emulator closes its connections).
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/** Sent over and over by an endless body: the start of a JSON answer that never closes. */
const FILLER = Buffer.from(`{"success":true,"code":200,"msg":"${'x'.repeat(64 * 1024 - 40)}`);

/** Resolves when `res` closes; the promise is shared so a long loop does not pile up listeners. */
function closed(res: ServerResponse): Promise<void> {
  return res.destroyed ? Promise.resolve() : once(res, 'close').then(() => undefined);
}

/** Writes `data` one byte every `intervalMs`, then ends the response. */
export async function writeBytewise(res: ServerResponse, data: Buffer, intervalMs: number): Promise<void> {
  res.flushHeaders();
  const gone = closed(res);
  for (let at = 0; at < data.length; at++) {
    await Promise.race([sleep(intervalMs), gone]);
    if (res.destroyed) return;
    res.write(data.subarray(at, at + 1));
  }
  res.end();
}

/** Writes forever: one byte every `intervalMs`, or (undefined / 0) as fast as the client reads. */
export async function writeEndless(res: ServerResponse, intervalMs: number | undefined): Promise<void> {
  res.flushHeaders();
  const gone = closed(res);
  for (let i = 0; !res.destroyed; i++) {
    if (intervalMs) {
      await Promise.race([sleep(intervalMs), gone]);
      if (res.destroyed) return;
      res.write(FILLER.subarray(i % FILLER.length, (i % FILLER.length) + 1));
    } else if (!res.write(FILLER)) {
      await Promise.race([once(res, 'drain'), gone]);
    }
  }
}
