// The window's one translation of failures: by code and params for the app's errors and for a failed
// upload (as the queue recorded it), and the app's English words whenever it has nothing better to say.
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
  const job = (
    lastError: string | null,
    errorCode: string | null = null,
    errorParams: Record<string, string | number> | null = null,
  ) => ({ errorKind: 'network', lastError, errorCode, errorParams, fileName: 'photo.png' });

  it('says a failure by the code the queue recorded, with the attempts it gave up after', () => {
    const failed = job(
      'Could not connect to 127.0.0.1:9: connection refused. Check the address in Settings and that the server is running. (Gave up after 8 attempts.)',
      'network.refused',
      { host: '127.0.0.1:9', gaveUpAfter: 8 },
    );
    expect(translateJobError(failed, zh)).toBe('无法连接到 127.0.0.1:9：连接被拒绝。（尝试 8 次后放弃。）');
    expect(translateJobError(failed, en)).toBe(
      'Could not connect to 127.0.0.1:9: connection refused. (Gave up after 8 attempts.)',
    );
  });

  it('says it by its code whatever the English sentence says', () => {
    const pipe = job(
      '/home/me/fifo is not a regular file (a pipe, socket or device?); it cannot be uploaded.',
      'file.unreadable',
      {
        name: 'fifo',
        path: '/home/me/fifo',
      },
    );
    expect(translateJobError(pipe, zh)).toBe('无法读取 fifo。');
    const tls = job('Some reworded sentence about certificates.', 'network.tls', { host: 'kie.ai' });
    expect(translateJobError(tls, zh)).toBe('与 kie.ai 的安全连接失败。');
    const busy = job('The server had an internal error (500).', 'api.server-said', {
      status: 500,
      detail: 'Storage node unavailable',
    });
    expect(translateJobError(busy, zh)).toBe(
      'kie.ai 自身出现问题（错误 500）。它说：“Storage node unavailable”。请稍后再试。',
    );
  });

  it('shows the English sentence of a job recorded without a code, or with a code it cannot say', () => {
    const before = job('Could not connect to 127.0.0.1:9: connection refused. (Gave up after 8 attempts.)');
    expect(translateJobError(before, zh)).toBe(
      'Could not connect to 127.0.0.1:9: connection refused. (Gave up after 8 attempts.)',
    );
    const internal = job('Unexpected error while uploading: boom', 'internal');
    expect(translateJobError(internal, zh)).toBe('Unexpected error while uploading: boom');
    expect(translateJobError(job(null), zh)).toBe('上传失败');
  });
});
