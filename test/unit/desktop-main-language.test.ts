// What the main process shows (tray menu, tooltip) in the language the person chose, and a catalogue
// that says every one of its words in both languages.
import { describe, expect, it } from 'vitest';
import { summarizeBatch } from '../../src/main/core/share';
import type { HistoryEntry } from '../../src/main/core/history';
import { MAIN_MESSAGES, placeholdersOf, resolveLanguage } from '../../src/main/i18n';
import { batchWordsFor } from '../../src/main/i18n/batch-words';
import type { JobSnapshot } from '../../src/shared/domain';
import { trayMenuTemplate, trayTooltip } from '../../src/main/tray-menu';
import type { TrayMenuEntry, TrayMenuState } from '../../src/main/tray-menu';
import type { UploadActivity } from '../../src/shared/ipc-contract';

const idle: UploadActivity = {
  phase: 'idle',
  active: 0,
  done: 0,
  failed: 0,
  fraction: 0,
  pausedMessage: null,
  pausedReason: null,
};

function state(patch: Partial<TrayMenuState> = {}): TrayMenuState {
  return {
    platform: 'linux',
    recent: [
      { historyId: 2, fileName: 'shot.png', status: 'active' },
      { historyId: 1, fileName: 'old.png', status: 'expired' },
    ],
    copyFormatLabel: 'Markdown',
    watching: { paused: true },
    dropWindowVisible: false,
    activity: { ...idle, phase: 'uploading', active: 3, fraction: 0.5 },
    availableUpdate: '2.0.0',
    ...patch,
  };
}

function labels(entries: TrayMenuEntry[]): string[] {
  return entries.flatMap((e) => [
    e.kind === 'separator' ? '---' : (e.label ?? ''),
    ...(e.submenu ? labels(e.submenu).map((l) => `  ${l}`) : []),
  ]);
}

describe('the tray menu in Chinese', () => {
  it('reads in Chinese when the language is zh-CN', () => {
    expect(labels(trayMenuTemplate(state({ language: 'zh-CN' })))).toEqual([
      '正在上传 3 个文件',
      '---',
      'KieDrop 2.0.0 已发布…',
      '---',
      '打开 KieDrop',
      '上传文件…',
      '上传剪贴板',
      '最近上传',
      '  点击复制链接（Markdown）',
      '  ---',
      '  shot.png',
      '  old.png（已过期）',
      '---',
      '继续监视文件夹',
      '显示投放窗口',
      '---',
      '退出 KieDrop',
    ]);
  });

  it('says there are no uploads yet, and what is going on in the tooltip, in Chinese', () => {
    const menu = trayMenuTemplate(state({ language: 'zh-CN', recent: [], activity: idle }));
    expect(menu.find((e) => e.kind === 'submenu')?.submenu?.[0]?.label).toBe('还没有上传');
    const uploading: UploadActivity = { ...idle, phase: 'uploading', active: 1, fraction: 0.42 };
    expect(trayTooltip(uploading, 'zh-CN')).toBe('KieDrop — 正在上传 1 个文件，42 %');
    expect(trayTooltip({ ...idle, phase: 'failed', done: 3, failed: 1 }, 'zh-CN')).toBe(
      'KieDrop — 4 个上传中有 1 个失败',
    );
  });

  it('stays in English for English', () => {
    expect(labels(trayMenuTemplate(state({ language: 'en' }))).slice(0, 5)).toEqual([
      'Uploading 3 files',
      '---',
      'KieDrop 2.0.0 is available…',
      '---',
      'Open KieDrop',
    ]);
  });
});

describe('the main-process catalogue', () => {
  it('has every key in both languages, with the same placeholders', () => {
    const en = MAIN_MESSAGES.en;
    const zh = MAIN_MESSAGES['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, params: placeholdersOf(zh[key]).sort() }).toEqual({
        key,
        params: placeholdersOf(en[key]).sort(),
      });
    }
  });

  it('says each sentence in Chinese, not in English', () => {
    for (const [key, text] of Object.entries(MAIN_MESSAGES['zh-CN'])) {
      const words = text.replace(/\{\w+\}|KieDrop|Wayland|http\(s\)/gu, ' ').match(/[A-Za-z]{3,}/gu) ?? [];
      expect({ key, words }).toEqual({ key, words: [] });
    }
  });

  it('follows the OS for "system": any Chinese locale gets Simplified Chinese', () => {
    expect(resolveLanguage('system', 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage('system', 'de-DE')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });
});

describe("a share's or clipboard upload's notice in Chinese", () => {
  const outcome = {
    uploaded: [{ fileName: 'ok.png' } as HistoryEntry],
    failures: [
      {
        source: '/files/gone.txt',
        fileName: 'gone.txt',
        message: 'File not found: /files/gone.txt. It was moved or deleted. (Gave up after 3 attempts.)',
        errorCode: 'file.not-found',
        errorParams: { name: 'gone.txt', path: '/files/gone.txt', gaveUpAfter: 3 },
      },
    ],
    waiting: [],
    pausedMessage: null,
    pausedReason: null,
    copied: true,
    copyError: null,
  };

  it('counts and names what failed, and why, in Chinese', () => {
    expect(summarizeBatch({ outcome, words: batchWordsFor('zh-CN') })).toEqual({
      title: '2 个中已上传 1 个：1 个失败',
      body: '已复制 1 个链接。\ngone.txt：找不到文件：gone.txt。它已被移动或删除。（尝试 3 次后放弃。）',
    });
  });

  it("says in Chinese why files wait when the key stopped the queue, not in the queue's English", () => {
    const paused = {
      ...outcome,
      uploaded: [],
      failures: [],
      waiting: [{ id: 1 } as JobSnapshot],
      pausedMessage: 'The API key was rejected — save a new key to continue',
      pausedReason: 'auth' as const,
      copied: false,
    };
    const { body } = summarizeBatch({ outcome: paused, words: batchWordsFor('zh-CN') });
    expect(body).toBe('等待上传：API 密钥缺失、无法读取或被拒绝，上传已暂停；请重新保存密钥后继续');
    expect(summarizeBatch({ outcome: paused, words: batchWordsFor('en') }).body).toBe(
      'Waiting: The API key was rejected — save a new key to continue',
    );
  });

  it("says it in English, with the queue's own sentence, for English", () => {
    expect(summarizeBatch({ outcome, words: batchWordsFor('en') })).toEqual({
      title: '1 of 2 uploaded; 1 failed',
      body: '1 link copied.\ngone.txt: File not found: /files/gone.txt. It was moved or deleted. (Gave up after 3 attempts.)',
    });
  });
});
