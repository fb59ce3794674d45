// Naming templates: every variable, and every way a template can be wrong, refused with the template
// named before anything is sent. Real files and a real database for {hash} and {counter}.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import type { KieDropDb } from '../../src/main/core/db/index';
import {
  applyNamingTemplates,
  checkTemplates,
  expandTemplate,
  NamingTemplateError,
} from '../../src/main/core/naming/index';
import type { TemplateFacts } from '../../src/main/core/naming/index';

// Local time, as the templates use it: 5 January 2026, 07:08:09.
const NOW = new Date(2026, 0, 5, 7, 8, 9);
const facts: TemplateFacts = { name: 'photo', ext: 'png', now: NOW, random: (n) => 'r'.repeat(n) };

let dir: string;
let db: KieDropDb | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-naming-'));
});
afterEach(async () => {
  db?.close();
  db = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('expandTemplate', () => {
  it('{name} and {ext} are the file name without and with its extension', async () => {
    expect(await expandTemplate('{name}-copy.{ext}', facts)).toBe('photo-copy.png');
  });

  it('{date} defaults to YYYY-MM-DD and takes any pattern with literal text', async () => {
    expect(await expandTemplate('{date}', facts)).toBe('2026-01-05');
    expect(await expandTemplate('{date:YYYY/MM}', facts, 'path')).toBe('2026/01');
    expect(await expandTemplate('{date:DD.MM.YYYY at HHh mm ss}', facts)).toBe('05.01.2026 at 07h 08 09');
  });

  it('{time} is HH-mm-ss, with no ":" that a file name cannot carry on Windows', async () => {
    expect(await expandTemplate('{time}', facts)).toBe('07-08-09');
  });

  it('{random:N} gives N characters, {random} eight, and real ones are lower-case letters and digits', async () => {
    expect(await expandTemplate('{random:3}', facts)).toBe('rrr');
    expect(await expandTemplate('{random}', facts)).toBe('rrrrrrrr');
    const real = await expandTemplate('{random:32}', { name: 'a', ext: '', now: NOW });
    expect(real).toMatch(/^[a-z0-9]{32}$/);
  });

  it('{hash:N} is the first N hex of the SHA-256 and is read once however often it appears', async () => {
    let reads = 0;
    const hex = createHash('sha256').update('hello').digest('hex');
    const withHash = { ...facts, hash: () => (reads++, Promise.resolve(hex)) };
    expect(await expandTemplate('{hash:8}/{hash}', withHash, 'path')).toBe(`${hex.slice(0, 8)}/${hex}`);
    expect(reads).toBe(1);
  });

  it('{counter} is one number for the whole name, {folder} the watched folder', async () => {
    let n = 41;
    const more = { ...facts, counter: () => ++n, folder: 'Screenshots' };
    expect(await expandTemplate('{folder}-{counter}-{counter}', more)).toBe('Screenshots-42-42');
  });

  it.each([
    ['{nme}.{ext}', 'has an unknown variable {nme}; use {name}, {ext}'],
    ['{name', 'has a "{" that is not closed by "}".'],
    ['name}', 'has a "}" without a "{" before it.'],
    ['{hash:0}', 'must be a whole number from 1 to 64'],
    ['{hash:65}', 'must be a whole number from 1 to 64'],
    ['{random:x}', 'must be a whole number from 1 to 32'],
    ['{date:}', 'has {date:} with no date pattern.'],
    ['{name:3}', 'but {name} takes nothing after ":"'],
  ])('refuses %s, naming the template', async (template, problem) => {
    const err = await expandTemplate(template, facts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NamingTemplateError);
    expect((err as Error).message).toContain(`The name template "${template}"`);
    expect((err as Error).message).toContain(problem);
    expect(() => checkTemplates({ nameTemplate: template })).toThrow(problem);
  });

  it('{folder} outside a watched folder says why instead of leaving a hole', async () => {
    await expect(expandTemplate('{folder}/x', facts, 'path')).rejects.toThrow(
      'The upload path template "{folder}/x" uses {folder}, the watched folder\'s name, but this upload is not from a watched folder.',
    );
  });
});

describe('applyNamingTemplates', () => {
  async function file(name: string, content: string): Promise<string> {
    const p = join(dir, name);
    await writeFile(p, content);
    return p;
  }

  it('replaces the name and the upload path, the hash read from the file itself', async () => {
    const p = await file('holiday.jpg', 'some bytes');
    const hex = createHash('sha256').update('some bytes').digest('hex');
    const out = await applyNamingTemplates({
      localPath: p,
      uploadPath: 'kiedrop',
      pathTemplate: 'photos/{date:YYYY-MM}',
      nameTemplate: '{hash:12}.{ext}',
      now: NOW,
    });
    expect(out).toEqual({ uploadPath: 'photos/2026-01', fileName: `${hex.slice(0, 12)}.jpg` });
  });

  it('empty templates leave the name and the path as they were', async () => {
    const p = await file('a.txt', 'x');
    const out = await applyNamingTemplates({
      localPath: p,
      uploadPath: 'kiedrop',
      nameTemplate: '  ',
      pathTemplate: '',
      now: NOW,
    });
    expect(out).toEqual({ uploadPath: 'kiedrop', fileName: 'a.txt' });
  });

  it('{counter} goes on from the database across runs, counted per folder it lands in', async () => {
    db = openDatabase(join(dir, 'kiedrop.db'));
    const p = await file('scan.pdf', 'x');
    const name = async (uploadPath: string): Promise<string> =>
      (
        await applyNamingTemplates({
          localPath: p,
          uploadPath,
          nameTemplate: 'scan-{counter}.{ext}',
          now: NOW,
          db,
        })
      ).fileName;
    expect(await name('docs')).toBe('scan-1.pdf');
    expect(await name('docs')).toBe('scan-2.pdf');
    expect(await name('other')).toBe('scan-1.pdf');
    db.close();
    db = openDatabase(join(dir, 'kiedrop.db'));
    expect(await name('docs')).toBe('scan-3.pdf');
  });

  it.each([
    ['name', '{name}/{ext}', 'gives "photo/", which cannot be used', 'contains "/" or "\\"'],
    ['name', '{date:}x', 'has {date:} with no date pattern.', ''],
    ['name', '{ext}', 'gives "", which cannot be used', 'The file name is empty'],
    [
      'name',
      '{name}{hash}{hash}{hash}{hash}',
      'gives "photo2d711642',
      'The file name is too long (261 bytes',
    ],
    ['path', '/{date}', 'gives "/2026-01-05", which cannot be used', 'must not start or end with "/"'],
    ['path', 'a/../{name}', 'gives "a/../photo", which cannot be used', 'must not contain "." or ".."'],
    ['path', '{name}\\x', 'gives "photo\\x", which cannot be used', 'contains a backslash'],
  ])('a %s template %s that breaks the API rules is refused: %s', async (target, template, what, why) => {
    const p = await file('photo', 'x');
    const err = await applyNamingTemplates({
      localPath: p,
      uploadPath: 'kiedrop',
      ...(target === 'name' ? { nameTemplate: template } : { pathTemplate: template }),
      now: NOW,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NamingTemplateError);
    const label = target === 'name' ? 'name template' : 'upload path template';
    expect((err as Error).message).toContain(`The ${label} "${template}" ${what}`);
    expect((err as Error).message).toContain(why);
  });
});
