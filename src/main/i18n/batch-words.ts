// A share's or clipboard upload's notice in the person's language: the core's English words, or these.
// A failed upload's reason is said by its code where it has one; a paused queue's is the queue's sentence.
import { ENGLISH_BATCH_WORDS } from '../core/share';
import type { BatchWords } from '../core/share';
import { clipboardReason } from './clipboard-reason';
import { jobErrorText } from './error-text';
import type { Language } from './language';

/** Why the queue is paused, by the kind of pause (the queue's own sentences are English). */
const PAUSE_WORDS = {
  auth: 'API 密钥缺失、无法读取或被拒绝，上传已暂停；请重新保存密钥后继续',
  user: '上传已暂停',
} as const;

export const CHINESE_BATCH_WORDS: BatchWords = {
  files: (n) => `${n} 个文件`,
  uploaded: (what, copied) => (copied === null ? `${what} 已上传` : `${what} 已上传，链接已复制`),
  failed: (n) => `${n} 个失败`,
  notFound: (n) => `${n} 个找不到`,
  unreadable: (n) => `${n} 个无法读取`,
  waiting: (n) => `${n} 个等待上传`,
  problems: (list) => list.join('，'),
  nothingUploaded: (problems) => `没有上传任何文件：${problems}`,
  someUploaded: (ok, total, problems) => `${total} 个中已上传 ${ok} 个：${problems}`,
  failureLine: (name, reason) => `${name}：${reason}`,
  reason: (failure) =>
    jobErrorText('zh-CN', {
      lastError: failure.message,
      errorCode: failure.errorCode,
      errorParams: failure.errorParams,
    }) ?? failure.message,
  notFoundLine: (p) => `找不到：${p}`,
  // The queue's sentence is English: said here by the kind of pause instead.
  waitingLine: (_reason, pause) => `等待上传：${PAUSE_WORDS[pause ?? 'user']}`,
  andMore: (n) => `……还有 ${n} 个`,
  copyFailed: (_links, reason) => `链接没有复制：${clipboardReason('zh-CN', reason)}`,
  linksCopied: (n) => `已复制 ${n} 个链接。`,
  pasteHint: (links) =>
    links === 1 ? '可以粘贴到任何地方，3 天内有效。' : '可以粘贴到任何地方，每行一个，3 天内有效。',
  nothingToShare: '没有可分享的内容',
  couldNotShare: '无法分享',
  notUploaded: (reason) => `没有上传：${reason}`,
  emptyFolder: (name) => `“${name}”中没有可分享的文件。`,
  hiddenSkipped: (hint) => `隐藏文件会被跳过。${hint}`,
  recurseHint: '只有打开分享子文件夹时，才会包含子文件夹中的文件。',
  noFilesGiven: '没有给出任何文件。',
  confirm: (count, threshold) => `上传 ${count} 个文件并复制所有链接？一次超过了 ${threshold} 个。`,
  declined: '已取消分享，没有上传任何文件。',
};

export function batchWordsFor(language: Language): BatchWords {
  return language === 'zh-CN' ? CHINESE_BATCH_WORDS : ENGLISH_BATCH_WORDS;
}
