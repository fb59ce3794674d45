// The IPC wrapper: only our window's main frame showing our page gets through, and only with arguments
// of the right shape. Refused calls never reach the handler.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/main/core/api';
import { IpcFailure } from '../../src/main/core/app-service';
import { RENDERER_FILE, isOwnAppUrl } from '../../src/main/app-url';
import { FOREIGN_SENDER_MESSAGE, guardedHandler } from '../../src/main/ipc-guard';
import { validateArgs } from '../../src/main/ipc-validators';
import { isOwnMainFrame } from '../../src/main/trusted-sender';
import type { FrameLike, SenderEventLike, WindowLike } from '../../src/main/trusted-sender';
import type { InvokeChannel } from '../../src/shared/ipc-contract';

const OWN_URL = pathToFileURL(RENDERER_FILE).href;

function makeWindow(url = OWN_URL): WindowLike & { webContents: { mainFrame: FrameLike } } {
  const mainFrame: FrameLike = { url, processId: 4, routingId: 1 };
  let destroyed = false;
  return {
    webContents: { mainFrame },
    isDestroyed: () => destroyed,
    destroy: () => (destroyed = true),
  } as WindowLike & { webContents: { mainFrame: FrameLike }; destroy(): void };
}

function fromMainFrame(window: WindowLike): SenderEventLike {
  return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
}

function guarded(channel: InvokeChannel, window: WindowLike | null, handler: (...args: never[]) => unknown) {
  const calls: unknown[][] = [];
  const run = guardedHandler<SenderEventLike>(
    channel,
    (...args: never[]) => {
      calls.push(args);
      return handler(...args);
    },
    { isTrustedSender: (event) => isOwnMainFrame(event, window, isOwnAppUrl), validate: validateArgs },
  );
  return { run, calls };
}

describe('who may call', () => {
  it('lets our own window main frame through and answers ok with the value', async () => {
    const window = makeWindow();
    const { run, calls } = guarded('jobs:cancel', window, () => true);
    expect(await run(fromMainFrame(window), 12)).toEqual({ ok: true, value: true });
    expect(calls).toEqual([[12]]);
  });

  it('refuses an iframe inside our window', async () => {
    const window = makeWindow();
    const { run, calls } = guarded('settings:get', window, () => ({}));
    const iframe = { sender: window.webContents, senderFrame: { url: OWN_URL, processId: 4, routingId: 9 } };
    expect(await run(iframe)).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: FOREIGN_SENDER_MESSAGE },
    });
    expect(calls).toEqual([]);
  });

  it('refuses another window, even one showing our page', async () => {
    const ours = makeWindow();
    const other = makeWindow();
    const { run, calls } = guarded('history:delete', ours, () => true);
    const result = await run(fromMainFrame(other), 1);
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('refuses our window once it has navigated to a page that is not ours', async () => {
    const window = makeWindow('https://evil.example/phish.html');
    const { run, calls } = guarded('key:state', window, () => ({}));
    expect(await run(fromMainFrame(window))).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('refuses when the window is gone or the frame is unknown', async () => {
    const window = makeWindow() as ReturnType<typeof makeWindow> & { destroy(): void };
    const { run } = guarded('app:info', window, () => ({}));
    expect(await run({ sender: window.webContents, senderFrame: null })).toMatchObject({
      error: { kind: 'forbidden' },
    });
    const event = fromMainFrame(window);
    window.destroy();
    expect(await run(event)).toMatchObject({ error: { kind: 'forbidden' } });
    const noWindow = guarded('app:info', null, () => ({}));
    expect(await noWindow.run(event)).toMatchObject({ error: { kind: 'forbidden' } });
  });
});

describe('what they may send', () => {
  const window = makeWindow();
  const call = async (channel: InvokeChannel, ...args: unknown[]) => {
    const { run, calls } = guarded(channel, window, () => 'handled');
    return { result: await run(fromMainFrame(window), ...args), calls };
  };

  it.each([
    ['jobs:cancel', ['7'], '"id"'],
    ['jobs:cancel', [1.5], '"id"'],
    ['history:delete', [-3], '"id"'],
    ['key:save', ['kie-key-abcdef123456', { sessionOnly: 'yes' }], '"options.sessionOnly"'],
    ['key:save', ['kie-key-abcdef123456'], '"options"'],
    ['key:save', ['kie-key-abcdef123456', { sessionOnly: true }, 'extra'], 'takes 2 arguments'],
    ['upload:files', [['relative/file.txt'], {}], '"paths.0"'],
    ['upload:files', [[], {}], '"paths"'],
    ['upload:files', [['/tmp/a.txt'], { uploadPath: '/leading/slash' }], 'must not start or end with "/"'],
    ['upload:files', [['/tmp/a.txt'], { method: 'ftp' }], '"options.method"'],
    ['upload:url', ['file:///etc/passwd', {}], 'Only http:// and https://'],
    ['history:copy-link', [[1, 2], 'pdf'], '"format"'],
    ['history:copy-link', [[], 'url'], '"ids"'],
    ['history:list', [{ limit: 5000 }], '"query.limit"'],
    ['history:list', [{ sort: 'name' }], 'unknown field "sort"'],
    ['history:export', ['xml'], '"format"'],
    ['settings:set', [{ concurrency: 0 }], 'Concurrency must be a whole number from 1 to 10'],
    ['settings:set', [{ apiKey: 'kie-key-abcdef123456' }], 'never in the settings file'],
    ['settings:set', [{ uploadBaseUrl: 'ftp://files.example' }], 'must be an http:// or https:// URL'],
  ] as const)('%s %j is refused naming the problem', async (channel, args, named) => {
    const { result, calls } = await call(channel, ...args);
    expect(result).toMatchObject({
      ok: false,
      // The code lets the window say it in the person's language; the message names the problem.
      error: { kind: 'invalid-argument', message: expect.stringContaining(named), code: expect.any(String) },
    });
    expect(calls).toEqual([]);
  });

  it('never repeats a refused value, so a key pasted in the wrong place does not travel on', async () => {
    const secret = 'kie-secret-0123456789abcdef';
    for (const [channel, args] of [
      ['key:save', [secret, { sessionOnly: secret }]],
      ['settings:set', [{ apiKey: secret }]],
      ['settings:set', [{ theme: secret }]],
      ['history:list', [{ status: secret }]],
    ] as const) {
      const { result } = await call(channel, ...args);
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(secret);
    }
  });

  it('passes well-formed arguments on, normalized', async () => {
    const files = await call('upload:files', ['/tmp/a.txt', '/tmp/b.png'], { uploadPath: 'images/2026' });
    expect(files.calls).toEqual([[['/tmp/a.txt', '/tmp/b.png'], { uploadPath: 'images/2026' }]]);
    const settings = await call('settings:set', { uploadBaseUrl: 'https://upload.example/', concurrency: 4 });
    expect(settings.calls).toEqual([[{ uploadBaseUrl: 'https://upload.example', concurrency: 4 }]]);
    const copy = await call('history:copy-link', [3, 1], 'markdown');
    expect(copy.result).toEqual({ ok: true, value: 'handled' });
    const none = await call('jobs:list');
    expect(none.calls).toEqual([[]]);
  });
});

describe('what comes back when the handler fails', () => {
  const window = makeWindow();

  it('keeps the kind and message of a failure the app phrased', async () => {
    const { run } = guarded('history:open-link', window, () => {
      throw new IpcFailure('not-found', 'History entry 5 no longer exists.');
    });
    expect(await run(fromMainFrame(window), 5)).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'History entry 5 no longer exists.', code: 'app.not-found' },
    });
  });

  it('passes API errors through with their kind', async () => {
    const { run } = guarded('credits:get', window, async () => {
      throw new ApiError('rate-limited', 'Too many requests; KieDrop will try again shortly.');
    });
    expect(await run(fromMainFrame(window))).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
  });
});
