// `kiedrop qr ID` as a user runs it: the code it prints is the link's code, and --svg saves the same SVG
// the app shows.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrMatrix, qrSvg, qrText } from '../../src/shared/link-qr';
import { startEmulator, type Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { decodeQrText } from '../support/qr-text-decode';
import { makeTempDir } from '../support/temp-files';

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-qr-');
  env = cliEnv(emulator, { dataDir: join(dir, 'data'), keychainService: `KieDropCliQrTest-${process.pid}` });
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('kiedrop qr', () => {
  it("prints a code holding the entry's link, named by entry or job id, and saves the app's SVG", async () => {
    const source = join(dir, 'photo.png');
    await writeFile(source, 'not really a png');
    const up = await runKiedrop(['upload', source, '--json'], env);
    expect(up.code).toBe(0);
    const [entry] = JSON.parse(up.stdout) as { historyId: number; jobId: number; downloadUrl: string }[];
    const link = entry?.downloadUrl ?? '';
    expect(link).toMatch(/^https?:\/\//);

    for (const id of [`h${entry?.historyId}`, `j${entry?.jobId}`]) {
      const shown = await runKiedrop(['qr', id], env);
      expect(shown.stderr).toBe('');
      expect(shown.code).toBe(0);
      const lines = shown.stdout.trimEnd().split('\n');
      expect(lines.at(-1)).toBe(link);
      expect(decodeQrText(lines.slice(0, -1).join('\n'))).toEqual(qrMatrix(link));
    }

    const svgPath = join(dir, 'link.svg');
    const saved = await runKiedrop(['qr', `h${entry?.historyId}`, '--svg', svgPath], env);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain(`to ${svgPath}`);
    const svg = await readFile(svgPath, 'utf8');
    expect(svg).toBe(await QRCode.toString(link, { type: 'svg' }));
    expect(svg).toBe(await qrSvg(link));
  });

  it('refuses an id that names nothing, saying where the ids are', async () => {
    const missing = await runKiedrop(['qr', 'h999'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no history entry h999');
    const bad = await runKiedrop(['qr', 'photo'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be an entry id like h34');
  });
});

describe('the terminal rendering', () => {
  it('draws the same matrix black on white with colours, for dark terminals', async () => {
    const link = 'https://example.com/files/kiedrop/screenshot.png';
    expect(decodeQrText(await qrText(link, true))).toEqual(qrMatrix(link));
    expect(decodeQrText(await qrText(link, false))).toEqual(qrMatrix(link));
  });
});
