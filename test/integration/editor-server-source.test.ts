// What the editor server uploads is recorded in history as the editor's: files an editor names and
// the clipboard picture an empty request sends, so the History screen and `kiedrop history --json`
// can tell them from the person's own uploads.
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
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { encodePng } from '../support/png';

const fx = useEngineFixture('kiedrop-editor-source-');
let engine: Engine;
beforeEach(() => {
  engine = fx.open();
});

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

async function startHost(clipboardPng: Buffer | null): Promise<number> {
  const settings = createSettingsStore(fx.dataDir);
  const port = await freePort();
  settings.set({
    editorServer: { enabled: true, port, token: '', clients: { 'Typora/1.9': true, 'Obsidian/1.5': true } },
  });
  const host = createEditorServerHost({
    engine,
    settings,
    clipboard: {
      writeText: () => undefined,
      read: async () => ({ imagePng: clipboardPng, filePaths: [], text: '' }),
    },
    clipboardDir: join(fx.dir, 'clipboard'),
  });
  fx.defer(() => host.close());
  await host.apply();
  expect(host.port).toBe(port);
  return port;
}

describe('uploads made for an editor in history', () => {
  it('records files an editor sends, and the clipboard picture of an empty request, as source editor', async () => {
    const port = await startHost(encodePng(5, 5, () => [200, 10, 10]));
    const file = join(fx.dir, 'diagram.png');
    await writeFile(
      file,
      encodePng(3, 3, () => [9, 9, 9]),
    );
    const typora = await postToEditorServer(port, {
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Typora/1.9' },
      body: JSON.stringify({ list: [file] }),
    });
    expect(typora.body.success).toBe(true);
    // Obsidian's plugin posts nothing to upload what is on the clipboard.
    const obsidian = await postToEditorServer(port, {
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Obsidian/1.5' },
    });
    expect(obsidian.body.success).toBe(true);

    const entries = engine.history.list().entries;
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.source)).toEqual(['editor', 'editor']);
    expect(entries.map((e) => e.downloadUrl).sort()).toEqual(
      [...typora.body.result, ...obsidian.body.result].sort(),
    );

    // The command line reads the same file and says so too.
    const env = cliEnv(fx.emulator, {
      dataDir: fx.dataDir,
      keychainService: `KieDropEditorSource-${process.pid}`,
    });
    const cli = await runKiedrop(['history', '--json'], env);
    expect(cli.code).toBe(0);
    const listed = (JSON.parse(cli.stdout) as { entries: { fileName: string; source: string }[] }).entries;
    expect(listed.map((e) => e.source)).toEqual(['editor', 'editor']);
  });
});
