// The drop window's words: the same set in English and Chinese, and a paused tile says why by the kind of
// pause, never with the queue's English sentence in a Chinese window.
import { describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/renderer/drop/strings';

describe('the drop window in both languages', () => {
  it('has every word in both', () => {
    expect(Object.keys(stringsFor(['zh-CN'])).sort()).toEqual(Object.keys(stringsFor(['en-US'])).sort());
  });

  it('says why uploads are paused, by the kind of pause', () => {
    expect(stringsFor(['zh-CN']).pausedWhy('auth')).toBe(
      '上传已暂停：API 密钥缺失、无法读取或被拒绝。请在 KieDrop 中重新保存密钥后继续。',
    );
    expect(stringsFor(['zh-CN']).pausedWhy('user')).toBe('上传已暂停。');
    expect(stringsFor(['en-US']).pausedWhy('user')).toBe('Uploads are paused.');
  });
});
