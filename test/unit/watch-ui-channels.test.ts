// The Watch screen's channels as the guard checks them, and its event as the outbox holds it: a bad
// argument is refused with a message naming it, and a window that was reloading gets only the newest
// picture of the folders.
import { describe, expect, it } from 'vitest';
import { createEventOutbox } from '../../src/main/core/app-service';
import { validateArgs } from '../../src/main/ipc-validators';
import type { EventChannel, WatchOverview } from '../../src/shared/ipc-contract';

function refusal(channel: Parameters<typeof validateArgs>[0], args: unknown[]): string {
  const result = validateArgs(channel, args);
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(args)}`);
  return result.message;
}

describe('watch channel arguments', () => {
  it('accepts an empty folder (the picker opens) and a full one', () => {
    expect(validateArgs('watch:add', [{}]).ok).toBe(true);
    expect(
      validateArgs('watch:add', [
        { path: '/home/ana/Shots', uploadPath: 'shots', include: ['*.png'], quietMs: 1500, polling: true },
      ]).ok,
    ).toBe(true);
  });

  it('takes what to do with the files already in the folder, and previews a folder the same way', () => {
    expect(validateArgs('watch:add', [{ path: '/home/ana/Shots', existingFiles: 'skip' }]).ok).toBe(true);
    expect(validateArgs('watch:add', [{ path: '/home/ana/Shots', existingFiles: 'upload' }]).ok).toBe(true);
    expect(refusal('watch:add', [{ path: '/home/ana/Shots', existingFiles: 'all' }])).toMatch(
      /^Argument "folder\.existingFiles" of watch:add must be "skip" or "upload"/,
    );
    expect(validateArgs('watch:preview', [{}]).ok).toBe(true);
    expect(refusal('watch:preview', [{ path: 'Shots' }])).toBe(
      'Argument "folder.path" of watch:preview must be an absolute folder path.',
    );
  });

  it('refuses a relative folder path', () => {
    expect(refusal('watch:add', [{ path: 'Shots' }])).toBe(
      'Argument "folder.path" of watch:add must be an absolute folder path.',
    );
  });

  it('refuses moving a folder through an update: the location is not a setting', () => {
    expect(refusal('watch:update', [1, { path: '/elsewhere' }])).toBe(
      'Argument "patch" of watch:update has unknown field "path".',
    );
  });

  it('refuses a quiet period outside what the watcher takes', () => {
    expect(refusal('watch:update', [1, { quietMs: 50 }])).toMatch(
      /^Argument "patch\.quietMs" of watch:update must be a whole number of milliseconds from 100 to 600000/,
    );
  });

  it("takes a folder's picture choices and refuses ones it cannot apply", () => {
    const choices = {
      imageMode: 'optimize',
      imageFormat: 'avif',
      imageQuality: 75,
      imageMaxSide: null,
      imageStrip: 'always',
    };
    expect(validateArgs('watch:update', [1, choices]).ok).toBe(true);
    expect(validateArgs('watch:add', [{ path: '/home/ana/DCIM', ...choices, imageMaxSide: 1920 }]).ok).toBe(
      true,
    );
    expect(refusal('watch:update', [1, { imageStrip: 'sometimes' }])).toMatch(
      /^Argument "patch\.imageStrip" of watch:update must be "settings", "always" or "never"/,
    );
    expect(refusal('watch:update', [1, { imageQuality: 0 }])).toMatch(
      /^Argument "patch\.imageQuality" of watch:update must be a whole number from 1 to 100/,
    );
    expect(refusal('watch:update', [1, { imageMaxSide: 0 }])).toMatch(
      /^Argument "patch\.imageMaxSide" of watch:update must be a whole number of pixels from 1 to 65535, or null/,
    );
  });

  it('takes an id or null ("all") for pause and resume, and nothing else', () => {
    expect(validateArgs('watch:pause', [null]).ok).toBe(true);
    expect(validateArgs('watch:resume', [3]).ok).toBe(true);
    expect(refusal('watch:pause', ['all'])).toMatch(/^Argument "id" of watch:pause must be an id/);
    expect(refusal('watch:resume', [])).toBe('watch:resume is missing its argument "id".');
  });
});

describe('the "watch" event while the window is not listening', () => {
  it('keeps only the newest folder picture, in its place among the other events', () => {
    const sent: { event: EventChannel; payload: unknown }[] = [];
    const outbox = createEventOutbox((event, payload) => sent.push({ event, payload }));
    const picture = (n: number): WatchOverview => ({ allPaused: n % 2 === 0, folders: [] });
    outbox.emit('watch', picture(1));
    outbox.emit('credits', 5);
    outbox.emit('watch', picture(2));
    outbox.emit('watch', picture(3));
    outbox.ready();
    expect(sent).toEqual([
      { event: 'credits', payload: 5 },
      { event: 'watch', payload: picture(3) },
    ]);
  });
});
