// The app's side of the editor server: off by default, started and stopped by the setting, an
// editor's first request asks the user once and the answer is kept in the settings file.
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEditorServerHost } from '../../src/main/core/app-service/editor-server-host';
import type { Engine } from '../../src/main/core/engine';
import { createSettingsStore } from '../../src/main/core/settings';
import { postToEditorServer } from '../support/editor-client';
import { useEngineFixture } from '../support/engine-fixture';
import { encodePng } from '../support/png';

const fx = useEngineFixture('kiedrop-editor-host-');
let engine: Engine;
beforeEach(() => {
  engine = fx.open();
});

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

describe('editor server in the app', () => {
  it('is off by default, follows the setting, and remembers the answer about each editor', async () => {
    const settings = createSettingsStore(fx.dataDir);
    expect(settings.get().editorServer).toMatchObject({ enabled: false, port: 36677, token: '' });
    const asked: string[] = [];
    const host = createEditorServerHost({
      engine,
      settings,
      clipboard: { writeText: () => undefined },
      clipboardDir: join(fx.dir, 'clipboard'),
      approveClient: async (name) => {
        asked.push(name);
        return true;
      },
    });
    fx.defer(() => host.close());
    await host.apply();
    expect(host.port).toBeNull();

    const port = await freePort();
    settings.set({ editorServer: { ...settings.get().editorServer, enabled: true, port } });
    await host.apply();
    expect(host.port).toBe(port);

    const file = join(fx.dir, 'pasted.png');
    await writeFile(
      file,
      encodePng(3, 3, () => [9, 9, 9]),
    );
    const send = () =>
      postToEditorServer(port, {
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'Typora/1.9' },
        body: JSON.stringify({ list: [file] }),
      });
    expect((await send()).body.success).toBe(true);
    expect((await send()).body.success).toBe(true);
    expect(asked).toEqual(['Typora/1.9']);
    // Kept in the settings file: a restarted app does not ask again.
    expect(createSettingsStore(fx.dataDir).get().editorServer.clients).toEqual({ 'Typora/1.9': true });
    expect(engine.history.list().entries.map((e) => e.fileName)).toEqual(['pasted.png', 'pasted.png']);

    settings.set({ editorServer: { ...settings.get().editorServer, enabled: false } });
    await host.apply();
    expect(host.port).toBeNull();
    await expect(send()).rejects.toThrow(/ECONNREFUSED/);
  });

  it("names an editor's uploads by the naming templates in Settings", async () => {
    const settings = createSettingsStore(fx.dataDir);
    const port = await freePort();
    settings.set({
      nameTemplate: 'note-{counter}.{ext}',
      uploadPathTemplate: 'notes',
      editorServer: { ...settings.get().editorServer, enabled: true, port },
    });
    const host = createEditorServerHost({
      engine,
      settings,
      clipboard: { writeText: () => undefined },
      clipboardDir: join(fx.dir, 'clipboard'),
      approveClient: async () => true,
    });
    fx.defer(() => host.close());
    await host.apply();
    const file = join(fx.dir, 'image.png');
    await writeFile(
      file,
      encodePng(2, 2, () => [1, 2, 3]),
    );
    const res = await postToEditorServer(port, {
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Obsidian/1.5' },
      body: JSON.stringify({ list: [file] }),
    });
    expect(res.body.success).toBe(true);
    expect(engine.history.list().entries.map((e) => [e.uploadPath, e.fileName])).toEqual([
      ['notes', 'note-1.png'],
    ]);
  });

  it('says why when the port is taken, and starts once another port is set', async () => {
    const taken = http.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    fx.defer(() => new Promise<void>((r) => taken.close(() => r())));
    const takenPort = (taken.address() as AddressInfo).port;
    const settings = createSettingsStore(fx.dataDir);
    const problems: string[] = [];
    const host = createEditorServerHost({
      engine,
      settings,
      clipboard: { writeText: () => undefined },
      clipboardDir: join(fx.dir, 'clipboard'),
      onNotStarted: (port, reason) => void problems.push(`${port}: ${reason}`),
    });
    fx.defer(() => host.close());
    settings.set({ editorServer: { ...settings.get().editorServer, enabled: true, port: takenPort } });
    await host.apply();
    expect(host.port).toBeNull();
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${takenPort}: .*EADDRINUSE`))]);

    const port = await freePort();
    settings.set({ editorServer: { ...settings.get().editorServer, port } });
    await host.apply();
    expect(host.port).toBe(port);
  });
});
