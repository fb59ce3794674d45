// The editor server uploads local files on request, so a web page must get nothing out of it. A page
// from another origin, in Chromium, tries what a hostile page can: a cross-origin fetch with JSON (a
// preflight first), a no-cors fetch with a text body, and form POSTs (text/plain and form-encoded).
// A DNS-rebinding page reaches loopback under its own host name; Node forges that Host header here.
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  memoryClientDecisions,
  startEditorServer,
  uploadFilesForEditor,
} from '../../src/main/core/editor-server';
import type { EditorServer } from '../../src/main/core/editor-server';
import type { Engine } from '../../src/main/core/engine';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/served-page';
import { postToEditorServer } from '../support/editor-client';
import { useEngineFixture } from '../support/engine-fixture';
import { encodePng } from '../support/png';
import { until } from '../support/wait-until';

const fx = useEngineFixture('kiedrop-editor-web-');
let browser: Browser;
let engine: Engine;
let server: EditorServer;
let refusals: string[];
let image: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  engine = fx.open();
  refusals = [];
  image = join(fx.dir, 'secret.png');
  await writeFile(
    image,
    encodePng(4, 4, () => [1, 2, 3]),
  );
  server = await startEditorServer({
    port: 0,
    token: '',
    uploadFiles: (paths) => uploadFilesForEditor(engine, paths, { uploadPath: 'editor', source: 'manual' }),
    uploadClipboard: async () => [],
    approveClient: async () => true,
    decisions: memoryClientDecisions(),
    onProblem: (m) => void refusals.push(m),
  });
  fx.defer(() => server.close());
});

const uploadsAtEmulator = (): number =>
  fx.emulator.log.filter((e) => e.status === 200 && e.path.includes('upload')).length;

/** A page on another origin (another loopback port), as any web site would be. */
async function hostilePage(): Promise<string> {
  const site = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(
      '<!doctype html><title>elsewhere</title><iframe name="sink-text/plain"></iframe>' +
        '<iframe name="sink-application/x-www-form-urlencoded"></iframe>',
    );
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  fx.defer(() => new Promise<void>((r) => site.close(() => r())));
  return `http://localhost:${(site.address() as AddressInfo).port}/`;
}

describe('editor server against the web', () => {
  it('a cross-origin fetch, a no-cors fetch and form POSTs from a page upload nothing', async () => {
    const page = await browser.newPage();
    fx.defer(() => page.close());
    await page.goto(await hostilePage());
    const target = `http://127.0.0.1:${server.port}/upload`;
    const body = JSON.stringify({ list: [image] });

    const fetched = await page.evaluate(
      async ({ target, body }) => {
        const outcomes: string[] = [];
        try {
          const r = await fetch(target, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
          });
          outcomes.push(`answered ${r.status}`);
        } catch {
          outcomes.push('blocked');
        }
        await fetch(target, { method: 'POST', mode: 'no-cors', body }).then(
          () => outcomes.push('opaque'),
          () => outcomes.push('blocked'),
        );
        return outcomes;
      },
      { target, body },
    );
    expect(fetched).toEqual(['blocked', 'opaque']);

    for (const enctype of ['text/plain', 'application/x-www-form-urlencoded']) {
      const before = refusals.length;
      // As page script (a string: this file is type-checked without the DOM's types). Each form has a frame
      // of its own: a second navigation of one frame could cancel the first before it is sent.
      await page.evaluate(`(() => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = ${JSON.stringify(target)};
        form.enctype = ${JSON.stringify(enctype)};
        form.target = ${JSON.stringify(`sink-${enctype}`)};
        const field = document.createElement('input');
        field.name = ${JSON.stringify(body.slice(0, -2))};
        field.value = '"]}';
        form.append(field);
        document.body.append(form);
        form.submit();
      })()`);
      await until(`the ${enctype} form POST to be refused`, () => refusals.length > before);
    }

    // The preflight, the no-cors POST and both forms were each refused, and nothing went up.
    expect(refusals.length).toBe(4);
    expect(refusals.every((r) => r.startsWith('403'))).toBe(true);
    expect(uploadsAtEmulator()).toBe(0);
    expect(engine.history.list().entries).toEqual([]);
  });

  it('a DNS-rebinding request (loopback reached under another host name) uploads nothing', async () => {
    const answer = await postToEditorServer(server.port, {
      headers: {
        Host: `attacker.example:${server.port}`,
        'Content-Type': 'application/json',
        'User-Agent': 'Mozilla/5.0',
      },
      body: JSON.stringify({ list: [image] }),
    });
    expect(answer.status).toBe(403);
    expect(answer.body.success).toBe(false);
    expect(uploadsAtEmulator()).toBe(0);
  });
});
