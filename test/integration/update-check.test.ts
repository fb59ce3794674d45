// The daily update check against a real HTTP server standing in for GitHub's release feed: what it finds,
// how rarely it asks, that a failure stays off the screen, that the setting turns it off, and what
// Settings and the page link show.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness } from '../harness';
import { startTestApp } from '../harness/test-app';
import type { TestApp } from '../harness/test-app';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { startReleaseFeedServer } from '../support/release-feed-server';
import type { ReleaseFeedServer } from '../support/release-feed-server';

const PAGE = 'https://github.com/kiedrop/kiedrop/releases/tag/v9.1.0';
let feedServer: ReleaseFeedServer;

beforeAll(async () => {
  feedServer = await startReleaseFeedServer();
});
afterAll(async () => {
  await feedServer?.close();
});

/** The feed is on this machine: the test does not depend on the machine having a network. */
const online = (): boolean => true;

function feed(): { apiBaseUrl: string; owner: string; repo: string } {
  return { apiBaseUrl: feedServer.url, owner: 'kiedrop', repo: 'kiedrop' };
}

async function settledCheck(app: TestApp): Promise<void> {
  await expect.poll(() => app.service.updates.status().checkedAt, { timeout: 10_000 }).not.toBeNull();
  await app.service.updates.settled();
}

describe('update check', () => {
  it('finds a newer release, remembers it, and does not ask again within the day', async () => {
    feedServer.answer = { tag: 'v9.1.0', page: PAGE };
    feedServer.requests.length = 0;
    const first = await startTestApp({
      version: '0.1.0',
      updates: { feed: feed(), firstDelayMs: 10, isOnline: online },
    });
    try {
      await settledCheck(first);
      expect(first.service.updates.status().available).toEqual({ version: '9.1.0', url: PAGE });
      expect(feedServer.requests).toEqual(['/repos/kiedrop/kiedrop/releases/latest']);
      const update = first.events.filter((e) => e.event === 'update').at(-1);
      expect(update?.payload).toMatchObject({ available: { version: '9.1.0' } });
      const remembered = JSON.parse(await readFile(join(first.dataDir, 'update-check.json'), 'utf8'));
      expect(remembered.latest).toEqual({ version: '9.1.0', url: PAGE });
    } finally {
      await first.service.close();
    }
    // A restart the same day shows what was found without asking the feed again.
    const again = await startTestApp({
      dataDir: first.dataDir,
      version: '0.1.0',
      updates: { feed: feed(), firstDelayMs: 10, isOnline: online },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(feedServer.requests).toHaveLength(1);
      expect(again.service.updates.status().available?.version).toBe('9.1.0');
    } finally {
      await again.close();
      await first.close();
    }
  });

  it('shows nothing for the version already running, or when the repository has no release yet', async () => {
    feedServer.answer = { tag: 'v0.1.0', page: PAGE };
    const same = await startTestApp({
      version: '0.1.0',
      updates: { feed: feed(), firstDelayMs: 10, isOnline: online },
    });
    try {
      await settledCheck(same);
      expect(same.service.updates.status().available).toBeNull();
    } finally {
      await same.close();
    }
    feedServer.answer = { status: 404 };
    const none = await startTestApp({
      version: '0.1.0',
      updates: { feed: feed(), firstDelayMs: 10, isOnline: online },
    });
    try {
      await settledCheck(none);
      expect(none.service.updates.status().available).toBeNull();
    } finally {
      await none.close();
    }
  });

  it('keeps a failed check off the screen and in the log', async () => {
    const logged: string[] = [];
    const app = await startTestApp({
      version: '0.1.0',
      // A port nothing listens on: the check cannot connect.
      updates: {
        feed: { ...feed(), apiBaseUrl: 'http://127.0.0.1:9' },
        firstDelayMs: 10,
        isOnline: online,
        log: (line) => logged.push(line),
      },
    });
    try {
      await expect.poll(() => logged.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(logged[0]).toMatch(/^update check failed: .*127\.0\.0\.1:9/);
      expect(app.service.updates.status().available).toBeNull();
      expect(app.events.filter((e) => e.event === 'notice' || e.event === 'update')).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('asks nothing while the computer is offline, and checks once it is back online', async () => {
    feedServer.answer = { tag: 'v9.1.0', page: PAGE };
    feedServer.requests.length = 0;
    let connected = false;
    const logged: string[] = [];
    const app = await startTestApp({
      version: '0.1.0',
      updates: {
        feed: feed(),
        firstDelayMs: 10,
        offlineRetryMs: 50,
        isOnline: () => connected,
        log: (line) => logged.push(line),
      },
    });
    try {
      await expect.poll(() => logged.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(logged[0]).toBe('update check: the computer is offline; trying again later');
      expect(feedServer.requests).toEqual([]);
      expect(app.service.updates.status().checkedAt).toBeNull();
      connected = true;
      await settledCheck(app);
      expect(feedServer.requests).toEqual(['/repos/kiedrop/kiedrop/releases/latest']);
      expect(app.service.updates.status().available?.version).toBe('9.1.0');
    } finally {
      await app.close();
    }
  });

  it('asks nothing while "Check for updates" is off, and checks once it is turned on', async () => {
    feedServer.answer = { tag: 'v9.1.0', page: PAGE };
    feedServer.requests.length = 0;
    const app = await startTestApp({
      version: '0.1.0',
      settings: { checkForUpdates: false },
      updates: { feed: feed(), firstDelayMs: 10, isOnline: online },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(feedServer.requests).toEqual([]);
      app.service.settings.set({ checkForUpdates: true });
      await settledCheck(app);
      expect(feedServer.requests).toHaveLength(1);
      expect(app.service.updates.status().available?.version).toBe('9.1.0');
    } finally {
      await app.close();
    }
  });
});

describe('Settings → Updates', () => {
  it('says a newer version is out and opens its page', async () => {
    feedServer.answer = { tag: 'v9.1.0', page: PAGE };
    const h = await launchHarness({
      savedKey: DEFAULT_TEST_KEY,
      version: '0.1.0',
      updates: { feed: feed(), firstDelayMs: 10, isOnline: online },
    });
    try {
      await h.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Settings' })
        .click();
      const section = h.page.getByTestId('update-section');
      await expect
        .poll(() => section.getByTestId('update-available').textContent(), { timeout: 10_000 })
        .toContain('KieDrop 9.1.0 is available.');
      await section.getByRole('button', { name: 'Open the download page' }).click();
      await expect.poll(() => h.shell.opened).toEqual([PAGE]);
    } finally {
      await h.close();
    }
  });

  it('says plainly that a copy without a release feed never checks', async () => {
    const h = await launchHarness({ savedKey: DEFAULT_TEST_KEY });
    try {
      await h.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Settings' })
        .click();
      await expect
        .poll(() => h.page.getByTestId('update-section').textContent())
        .toContain('this copy has no release feed to ask');
    } finally {
      await h.close();
    }
  });
});
