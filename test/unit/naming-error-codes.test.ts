// A naming template refused at upload time reaches the window with a code of its own (`naming.*`) and
// the params to say it, so a Chinese window or notification says it in Chinese, not in the app's English.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIpcError } from '../../src/main/core/app-service';
import { uploadFailureCode } from '../../src/main/core/error-codes';
import { applyNamingTemplates } from '../../src/main/core/naming/index';
import type { NamingTemplates } from '../../src/main/core/naming/index';
import { errorText } from '../../src/main/i18n/error-text';
const NOW = new Date(2026, 0, 5, 7, 8, 9);

let dir: string;
let photo: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-naming-codes-'));
  photo = join(dir, 'photo.png');
  await writeFile(photo, 'not really a picture');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(templates: NamingTemplates): Promise<ReturnType<typeof toIpcError>> {
  const err = await applyNamingTemplates({ localPath: photo, uploadPath: 'kiedrop', now: NOW, ...templates })
    .then(() => null)
    .catch((e: unknown) => e);
  expect(err).not.toBeNull();
  return toIpcError(err);
}

describe('naming template failures', () => {
  it.each([
    [
      { nameTemplate: '{nme}.{ext}' },
      'naming.unknown-variable',
      '命名模板“{nme}.{ext}”中的 {nme} 不是可用变量。',
    ],
    [{ nameTemplate: '{name' }, 'naming.unclosed-brace', '命名模板“{name”中有一个 { 没有用 } 闭合。'],
    [{ pathTemplate: 'a}' }, 'naming.unopened-brace', '命名模板“a}”中有一个 } 前面没有 {。'],
    [
      { nameTemplate: '{hash:65}' },
      'naming.bad-length',
      '命名模板“{hash:65}”中 {hash:65} 的长度必须是 1 到 64 之间的整数。',
    ],
    [
      { nameTemplate: '{date:}x' },
      'naming.empty-date',
      '命名模板“{date:}x”中的 {date:} 需要日期格式，例如 {date:YYYY-MM-DD}。',
    ],
    [
      { nameTemplate: '{name:3}' },
      'naming.no-argument',
      '命名模板“{name:3}”中的 {name:3}：{name} 的冒号后不能带任何内容。',
    ],
    [
      { pathTemplate: '{folder}/x' },
      'naming.needs-folder',
      '命名模板“{folder}/x”使用了 {folder}（监视文件夹的名称），但这次上传并非来自监视文件夹。',
    ],
  ])('%o is refused as %s, said in Chinese', async (templates, code, chinese) => {
    const ipc = await refusal(templates);
    expect(ipc.code).toBe(code);
    expect(ipc.params?.['template']).toBe(Object.values(templates)[0]);
    expect(ipc.params?.['target']).toBe('nameTemplate' in templates ? 'name' : 'path');
    // The English sentence stays for the command line and the logs.
    expect(ipc.message).toMatch(/^The (name|upload path) template "/u);
    // The window's words (the same catalogue: renderer-naming-error.test.ts says them there).
    expect(errorText('zh-CN', ipc)).toContain(chinese);
  });

  it.each([
    [
      { nameTemplate: '{name}/{ext}' },
      'naming.result.slash',
      '命名模板“{name}/{ext}”得到的“photo/png”无法使用：文件名不能包含“/”或“\\”',
    ],
    [
      { nameTemplate: '{hash}{hash}{hash}{hash}{hash}' },
      'naming.result.too-long',
      '它按 UTF-8 计算有 320 字节，而文件名最多 255 字节。',
    ],
    [
      { pathTemplate: '/{date}' },
      'upload-path.slash-ends',
      '命名模板“/{date}”得到的“/2026-01-05”无法使用：“/2026-01-05”不能以 "/" 开头或结尾，请改用“2026-01-05”。',
    ],
  ])('%o gives a result the API refuses: its reason is coded too', async (templates, cause, chinese) => {
    const ipc = await refusal(templates);
    expect(ipc.code).toBe('naming.invalid-result');
    expect(ipc.params?.['cause']).toBe(cause);
    // As notifications (the clipboard's upload, say) and the window say it.
    expect(errorText('zh-CN', ipc)).toContain(chinese);
  });

  it('a failed job records the naming code the same way', async () => {
    const err = await applyNamingTemplates({
      localPath: photo,
      uploadPath: 'kiedrop',
      now: NOW,
      nameTemplate: '{ext}{counter}',
    }).catch((e: unknown) => e);
    expect(uploadFailureCode(err)).toMatchObject({
      code: 'naming.needs-counter',
      params: { template: '{ext}{counter}', variable: '{counter}' },
    });
  });
});
