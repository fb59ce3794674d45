// The window's one translation of failures: by code and params for the app's errors, by kind and facts for
// a failed upload, and the app's English words whenever it has nothing better to say.
import { describe, expect, it } from 'vitest';
import { translateError, translateJobError } from '../../src/renderer/src/i18n/translate-error';
import { createTranslator } from '../../src/renderer/src/i18n/translate';

const zh = createTranslator('zh-CN');
const en = createTranslator('en');

describe('translateError', () => {
  it('says a known code in the chosen language, filled with its params', () => {
    const error = { kind: 'network', code: 'network.refused', params: { host: 'kie.ai:443' }, message: 'x' };
    expect(translateError(error, zh)).toBe('无法连接到 kie.ai:443：连接被拒绝。');
    expect(translateError(error, en)).toBe('Could not connect to kie.ai:443: connection refused.');
  });

  it('shows the English message for an unknown code, no code, or a code missing a param', () => {
    expect(translateError({ kind: 'x', code: 'no.such-code', message: 'As the app said.' }, zh)).toBe(
      'As the app said.',
    );
    expect(translateError({ kind: 'x', message: 'Plain.' }, zh)).toBe('Plain.');
    expect(translateError({ kind: 'x', code: 'network.refused', message: 'No host given.' }, zh)).toBe(
      'No host given.',
    );
  });
});

describe('translateJobError', () => {
  const job = (errorKind: string | null, lastError: string | null) => ({
    errorKind,
    lastError,
    fileName: 'photo.png',
  });

  it('reads a network failure and its give-up count from the job', () => {
    const failed = job(
      'network',
      'Could not connect to 127.0.0.1:9: connection refused. Check the address in Settings and that the server is running. (Gave up after 8 attempts.)',
    );
    expect(translateJobError(failed, zh)).toBe('无法连接到 127.0.0.1:9：连接被拒绝。（尝试 8 次后放弃。）');
    expect(translateJobError(failed, en)).toBe(
      'Could not connect to 127.0.0.1:9: connection refused. (Gave up after 8 attempts.)',
    );
  });

  it('keeps the stored English sentence when the kind alone does not say enough', () => {
    const odd = job('server', 'kie.ai answered 503 (Service Unavailable).');
    expect(translateJobError(odd, zh)).toBe('kie.ai answered 503 (Service Unavailable).');
    expect(translateJobError(job(null, null), zh)).toBe('上传失败');
  });
});
