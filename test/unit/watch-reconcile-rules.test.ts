// When a ledger reservation without a job may still be in progress, and the messages for watch trouble.
import { describe, expect, it } from 'vitest';
import { RESERVATION_TTL_MS, reservationIsLive } from '../../src/main/core/watch/reconcile';
import type { OwnerCheck } from '../../src/main/core/watch/reconcile';
import {
  WATCH_LIMIT_MESSAGE,
  folderUnavailableMessage,
  isWatchLimitError,
} from '../../src/main/core/watch/watch-messages';

const check = (over: Partial<OwnerCheck> = {}): OwnerCheck => ({
  host: 'desk',
  pid: 100,
  liveInstances: new Set(['desk:100:aaaa']),
  processIsGone: (pid) => pid === 200,
  ...over,
});

describe('reservationIsLive', () => {
  const now = 1_000_000;

  it('keeps a fresh reservation of a live watcher in this process or another live process', () => {
    expect(reservationIsLive('desk:100:aaaa', now - 10, now, check())).toBe(true);
    expect(reservationIsLive('desk:300:cccc', now - 10, now, check())).toBe(true);
  });

  it('drops one whose process died, whose watcher in this process closed, or that is unreadable', () => {
    expect(reservationIsLive('desk:200:bbbb', now - 10, now, check())).toBe(false);
    expect(reservationIsLive('desk:100:dead', now - 10, now, check())).toBe(false);
    expect(reservationIsLive(null, now - 10, now, check())).toBe(false);
  });

  it('trusts another machine until the reservation is older than any enqueue could take', () => {
    expect(reservationIsLive('laptop:5:eeee', now - 1000, now, check())).toBe(true);
    expect(reservationIsLive('laptop:5:eeee', now - RESERVATION_TTL_MS - 1, now, check())).toBe(false);
  });
});

describe('watch messages', () => {
  it('recognises the OS watch limit and says what to raise and the alternative', () => {
    expect(isWatchLimitError(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe(true);
    expect(isWatchLimitError(Object.assign(new Error('x'), { code: 'EMFILE' }))).toBe(true);
    expect(isWatchLimitError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
    expect(WATCH_LIMIT_MESSAGE).toContain('fs.inotify.max_user_watches');
    expect(WATCH_LIMIT_MESSAGE).toContain('sudo sysctl fs.inotify.max_user_watches=524288');
    expect(WATCH_LIMIT_MESSAGE).toContain('polling');
  });

  it('says a missing folder is checked again and how often', () => {
    const msg = folderUnavailableMessage(
      '/media/usb/shots',
      Object.assign(new Error('x'), { code: 'ENOENT' }),
      2000,
    );
    expect(msg).toMatch(/Folder not found: \/media\/usb\/shots\..*not connected.*every 2 s/);
  });
});
