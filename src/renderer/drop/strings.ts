// The drop window's few words, in the two languages the app speaks. It has no settings of its own to
// read the language from, so it follows the system's, as the main window does by default.
export interface DropStrings {
  idle: string;
  release: string;
  uploading: (percent: number) => string;
  paused: string;
  /** The tile's tooltip while paused: why, by the kind of pause. */
  pausedWhy: (reason: 'auth' | 'user' | null) => string;
  done: (count: number) => string;
  failed: (count: number) => string;
  notALink: string;
  grip: string;
  /** Dropped files that could not even be queued (gone, unreadable, a folder). */
  notUploaded: (count: number, name: string) => string;
  copyLinks: (count: number) => string;
  copied: (count: number) => string;
  /** The QR button: shows the latest link as a QR code. */
  showQr: string;
  /** The code's description (its image's alt text) and how to hide it. */
  qrAlt: string;
  /** No upload of the latest burst has a link any more. */
  noLink: string;
}

const en: DropStrings = {
  idle: 'Drop files or a link',
  release: 'Release to upload',
  uploading: (percent) => `${percent} %`,
  paused: 'Paused',
  pausedWhy: (reason) =>
    reason === 'auth'
      ? 'Uploads are paused: the API key is missing, unreadable or was refused. Save it again in KieDrop to continue.'
      : 'Uploads are paused.',
  done: (count) => (count === 1 ? 'Uploaded' : `${count} uploaded`),
  failed: (count) => `${count} failed`,
  notALink: 'Only files and http(s) links can be uploaded.',
  grip: 'Drag here to move',
  notUploaded: (count, name) =>
    count === 1 ? `${name} was not uploaded` : `${count} files were not uploaded`,
  copyLinks: (count) => (count === 1 ? 'Copy the link again' : `Copy the ${count} links again`),
  copied: (count) => (count === 1 ? 'Link copied' : `${count} links copied`),
  showQr: 'Show the latest link as a QR code',
  qrAlt: 'QR code of the latest link; scan it with a phone. Click to hide it.',
  noLink: 'None of the latest uploads has a link any more.',
};

const zhCN: DropStrings = {
  idle: '拖入文件或链接',
  release: '松开即上传',
  uploading: (percent) => `${percent}%`,
  paused: '已暂停',
  pausedWhy: (reason) =>
    reason === 'auth'
      ? '上传已暂停：API 密钥缺失、无法读取或被拒绝。请在 KieDrop 中重新保存密钥后继续。'
      : '上传已暂停。',
  done: (count) => (count === 1 ? '已上传' : `已上传 ${count} 个`),
  failed: (count) => `${count} 个失败`,
  notALink: '只能上传文件或 http(s) 链接。',
  grip: '拖动此处移动窗口',
  notUploaded: (count, name) => (count === 1 ? `${name} 未上传` : `${count} 个文件未上传`),
  copyLinks: (count) => (count === 1 ? '再次复制链接' : `再次复制 ${count} 个链接`),
  copied: (count) => (count === 1 ? '链接已复制' : `已复制 ${count} 个链接`),
  showQr: '以二维码显示最新链接',
  qrAlt: '最新链接的二维码；用手机扫描。点击即可隐藏。',
  noLink: '最近的上传都已没有链接。',
};

export function stringsFor(languages: readonly string[]): DropStrings {
  return (languages[0] ?? 'en').toLowerCase().startsWith('zh') ? zhCN : en;
}
