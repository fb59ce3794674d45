// `kiedrop upload --optimize` with a file it cannot optimise (a damaged picture, a PDF): the file goes
// up unchanged, and the command says why after the upload, in its --json output and in `history --json`.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { storedBytes } from '../support/emulator-records';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';
import { writeScreenshotPng } from '../support/test-images';

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;
let corrupt: string;
let pdf: string;

const UNREADABLE = 'The picture could not be read for optimising; sent unchanged.';
const NOT_A_PICTURE = 'Not a picture KieDrop can optimise; sent unchanged.';

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-notes-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropCliNotes-${process.pid}`,
    fastRetries: true,
  });
  // A real PNG signature and header, then garbage where the pixels should be.
  const png = await readFile(await writeScreenshotPng(dir, 'whole.png'));
  corrupt = await writeFileIn(dir, 'broken.png', Buffer.concat([png.subarray(0, 64), Buffer.alloc(4000, 7)]));
  pdf = await writeFileIn(dir, 'paper.pdf', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
});

afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

interface Outcome {
  file: string;
  status: string;
  filePath?: string;
  image?: { originalSize: number; uploadedSize: number; note: string | null; noteCode: string | null };
}

describe('kiedrop upload --optimize with files it cannot optimise', () => {
  it('uploads them unchanged and prints a note for each', { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await runKiedrop(['upload', corrupt, pdf, '--optimize'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('broken.png');
    expect(stdout).toContain('paper.pdf');
    expect(stderr).toContain(`kiedrop: note: ${corrupt}: ${UNREADABLE}\n`);
    expect(stderr).toContain(`kiedrop: note: ${pdf}: ${NOT_A_PICTURE}\n`);
  });

  it('--json carries the note with its code, and so does `history --json`', { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await runKiedrop(
      ['upload', corrupt, pdf, '--optimize', '--path', 'notes', '--json'],
      env,
    );
    expect(code).toBe(0);
    // Said on stderr too, so --json stays one document on stdout.
    expect(stderr).toContain(`kiedrop: note: ${pdf}: ${NOT_A_PICTURE}\n`);
    const outcomes = JSON.parse(stdout) as Outcome[];
    expect(outcomes.map((o) => [o.file, o.status, o.image?.noteCode, o.image?.note])).toEqual([
      [corrupt, 'done', 'unreadable', UNREADABLE],
      [pdf, 'done', 'not-an-image', NOT_A_PICTURE],
    ]);
    // Unchanged: the same bytes arrived, and both sizes are the file's own.
    for (const [i, path] of [corrupt, pdf].entries()) {
      const stored = await storedBytes(emulator, outcomes[i]?.filePath ?? '');
      expect(stored.equals(await readFile(path))).toBe(true);
      expect(outcomes[i]?.image?.uploadedSize).toBe(stored.length);
      expect(outcomes[i]?.image?.originalSize).toBe(stored.length);
    }

    const history = await runKiedrop(['history', '--json', '--search', 'paper'], env);
    expect(history.code).toBe(0);
    const page = JSON.parse(history.stdout) as { entries: { fileName: string; image?: Outcome['image'] }[] };
    expect(page.entries.length).toBeGreaterThan(0);
    for (const entry of page.entries) {
      expect(entry.image).toMatchObject({ noteCode: 'not-an-image', note: NOT_A_PICTURE });
    }
  });
});
