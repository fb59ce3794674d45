// The PicGo-compatible editor server end to end: a real HTTP client, the real engine, the emulator.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import {
  memoryClientDecisions,
  startEditorServer,
  uploadFilesForEditor,
} from '../../src/main/core/editor-server';
import type { EditorServer, EditorServerOptions } from '../../src/main/core/editor-server';
import { postToEditorServer } from '../support/editor-client';
import { useEngineFixture } from '../support/engine-fixture';
import { encodePng } from '../support/png';

const fx = useEngineFixture('kiedrop-editor-');
let engine: Engine;
let asked: string[];
beforeEach(() => {
  engine = fx.open();
  asked = [];
});

const uploadsAtEmulator = (): number =>
  fx.emulator.log.filter((e) => e.status === 200 && e.path.includes('upload')).length;

async function start(over: Partial<EditorServerOptions> = {}): Promise<EditorServer> {
  const server = await startEditorServer({
    port: 0,
    token: '',
    uploadFiles: (paths) => uploadFilesForEditor(engine, paths, { uploadPath: 'editor', source: 'manual' }),
    uploadClipboard: async () => [],
    approveClient: async (name) => {
      asked.push(name);
      return true;
    },
    decisions: memoryClientDecisions(),
    ...over,
  });
  fx.defer(() => server.close());
  return server;
}

async function twoImages(): Promise<string[]> {
  const a = join(fx.dir, 'first.png');
  const b = join(fx.dir, 'second.png');
  await writeFile(
    a,
    encodePng(4, 4, () => [250, 10, 10]),
  );
  await writeFile(
    b,
    encodePng(6, 6, () => [10, 250, 10]),
  );
  return [a, b];
}

describe('editor server (PicGo protocol)', () => {
  it('a Typora-style request gets one link per file, in the order given, and each is in history', async () => {
    const server = await start();
    const files = await twoImages();
    const answer = await postToEditorServer(server.port, {
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Typora/1.9.3' },
      body: JSON.stringify({ list: files }),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.success).toBe(true);
    const entries = engine.history.list().entries;
    const byName = new Map(entries.map((e) => [e.fileName, e.downloadUrl]));
    expect(answer.body.result).toEqual([byName.get('first.png'), byName.get('second.png')]);
    expect(uploadsAtEmulator()).toBe(2);
  });

  it("an Obsidian-style request (the plugin's JSON, charset in the type) gets links; an empty POST uploads the clipboard", async () => {
    const server = await start({ uploadClipboard: async () => ['https://example.test/clip.png'] });
    const [file] = await twoImages();
    const obsidian = { 'User-Agent': 'Mozilla/5.0 obsidian/1.5.12 Electron/28' };
    const answer = await postToEditorServer(server.port, {
      headers: { ...obsidian, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ list: [file] }),
    });
    expect(answer).toEqual({
      status: 200,
      body: { success: true, result: [engine.history.list().entries[0]?.downloadUrl] },
    });
    const clip = await postToEditorServer(server.port, { headers: obsidian });
    expect(clip.body).toEqual({ success: true, result: ['https://example.test/clip.png'] });
  });

  it('answers like PicGo when something is wrong: a bad body is a 400, a missing file a 500', async () => {
    const server = await start();
    const headers = { 'Content-Type': 'application/json', 'User-Agent': 'Typora' };
    const bad = await postToEditorServer(server.port, { headers, body: '{"list": "a.png"}' });
    expect(bad).toEqual({
      status: 400,
      body: { success: false, result: [], message: 'Invalid request body: { list: string[] } required' },
    });
    const broken = await postToEditorServer(server.port, { headers, body: '{list' });
    expect(broken.body.message).toBe('Invalid JSON body');
    const missing = await postToEditorServer(server.port, {
      headers,
      body: JSON.stringify({ list: [join(fx.dir, 'nope.png')] }),
    });
    expect(missing.status).toBe(500);
    expect(missing.body.success).toBe(false);
    expect(uploadsAtEmulator()).toBe(0);
  });

  it('refuses an Origin header, a rebinding Host and form content types, uploading nothing', async () => {
    const server = await start();
    const files = await twoImages();
    const body = JSON.stringify({ list: files });
    const json = { 'Content-Type': 'application/json', 'User-Agent': 'Typora' };
    const answers = await Promise.all([
      postToEditorServer(server.port, { headers: { ...json, Origin: 'https://evil.example' }, body }),
      postToEditorServer(server.port, { headers: { ...json, Host: `rebind.example:${server.port}` }, body }),
      postToEditorServer(server.port, { headers: { ...json, Host: `127.0.0.1:1` }, body }),
      postToEditorServer(server.port, { headers: { 'Content-Type': 'text/plain' }, body }),
      postToEditorServer(server.port, {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `list=${files[0]}`,
      }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 415, 415]);
    expect(answers.every((a) => !a.body.success)).toBe(true);
    expect(uploadsAtEmulator()).toBe(0);
    const viaLocalhost = await postToEditorServer(server.port, {
      headers: { ...json, Host: `localhost:${server.port}` },
      body,
    });
    expect(viaLocalhost.body.success).toBe(true);
  });

  it('asks about a new client name once, and a refused client uploads nothing', async () => {
    const server = await start({
      approveClient: async (name) => {
        asked.push(name);
        return name.startsWith('Typora');
      },
    });
    const [file] = await twoImages();
    const send = (ua: string) =>
      postToEditorServer(server.port, {
        headers: { 'Content-Type': 'application/json', 'User-Agent': ua },
        body: JSON.stringify({ list: [file] }),
      });
    const [one, two] = await Promise.all([send('Typora/1.9'), send('Typora/1.9')]);
    const three = await send('Typora/1.9');
    expect([one.status, two.status, three.status]).toEqual([200, 200, 200]);
    const stranger = await send('curl/8.0');
    const again = await send('curl/8.0');
    expect([stranger.status, again.status]).toEqual([403, 403]);
    expect(asked).toEqual(['Typora/1.9', 'curl/8.0']);
    expect(uploadsAtEmulator()).toBe(3);
  });

  it('with a secret set, only requests carrying it (?key=, Bearer or X-PicGo-Secret) upload', async () => {
    const server = await start({ token: 's3cret' });
    const [file] = await twoImages();
    const body = JSON.stringify({ list: [file] });
    const json = { 'Content-Type': 'application/json', 'User-Agent': 'Typora' };
    const none = await postToEditorServer(server.port, { headers: json, body });
    const wrong = await postToEditorServer(server.port, { path: '/upload?key=guess', headers: json, body });
    expect([none.status, wrong.status]).toEqual([401, 401]);
    expect(uploadsAtEmulator()).toBe(0);
    const viaKey = await postToEditorServer(server.port, { path: '/upload?key=s3cret', headers: json, body });
    const viaBearer = await postToEditorServer(server.port, {
      headers: { ...json, Authorization: 'Bearer s3cret' },
      body,
    });
    const viaHeader = await postToEditorServer(server.port, {
      headers: { ...json, 'X-PicGo-Secret': 's3cret' },
      body,
    });
    expect([viaKey.body.success, viaBearer.body.success, viaHeader.body.success]).toEqual([true, true, true]);
    expect(uploadsAtEmulator()).toBe(3);
  });
});
