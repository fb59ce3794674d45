// The window says a refused naming template by its code: the template, what it gave, and why that name
// cannot be used, each reason in the person's language too.
import { describe, expect, it } from 'vitest';
import { translateError } from '../../src/renderer/src/i18n/translate-error';
import { createTranslator } from '../../src/renderer/src/i18n/translate';

const zh = createTranslator('zh-CN');
const en = createTranslator('en');

describe('a refused naming template in the window', () => {
  it('says a misspelt variable in Chinese and in English', () => {
    const error = {
      kind: 'invalid-input',
      code: 'naming.unknown-variable',
      params: { template: '{nmae}.{ext}', target: 'name', variable: '{nmae}', variables: '{name}, {ext}' },
      message: 'The name template "{nmae}.{ext}" has an unknown variable {nmae}; use {name}, {ext}.',
    };
    expect(translateError(error, zh)).toBe(
      '命名模板“{nmae}.{ext}”中的 {nmae} 不是可用变量。请使用 {name}, {ext}。',
    );
    expect(translateError(error, en)).toBe(
      'The naming template “{nmae}.{ext}” uses {nmae}, which is not a variable. Use {name}, {ext}.',
    );
  });

  it('says why a result cannot be used by the reason’s own code', () => {
    const error = {
      kind: 'invalid-input',
      code: 'naming.invalid-result',
      params: {
        template: '{name}{hash}',
        target: 'name',
        result: 'x'.repeat(300),
        cause: 'naming.result.too-long',
        'cause.bytes': 300,
        'cause.max': 255,
      },
      message: 'English',
    };
    expect(translateError(error, zh)).toBe(
      `命名模板“{name}{hash}”得到的“${'x'.repeat(300)}”无法使用：它按 UTF-8 计算有 300 字节，而文件名最多 255 字节。`,
    );
    expect(translateError(error, en)).toBe(
      `The naming template “{name}{hash}” gives “${'x'.repeat(300)}”, which cannot be used: it is 300 bytes long in UTF-8, and a file name takes at most 255.`,
    );
  });

  it('says it inside a watched file’s failure, the reason’s reason included', () => {
    const error = {
      kind: 'watch',
      code: 'watch.upload-failed',
      params: {
        path: '/shots/a.png',
        reason: 'The name template "{name}/{ext}" gives "a/png", which cannot be used: …',
        cause: 'naming.invalid-result',
        'cause.template': '{name}/{ext}',
        'cause.result': 'a/png',
        'cause.cause': 'naming.result.slash',
      },
      message: 'English',
    };
    expect(translateError(error, zh)).toContain(
      '命名模板“{name}/{ext}”得到的“a/png”无法使用：文件名不能包含“/”或“\\”，文件夹请写在上传路径模板中',
    );
  });
});
