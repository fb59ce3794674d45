// What kind of file a row shows, so it can be recognised at a glance: from the content type the server
// reported, and from the name's extension when that type is missing or says nothing (octet-stream).

export type FileKind = 'image' | 'video' | 'audio' | 'archive' | 'document' | 'code' | 'file';

const ARCHIVE_TYPES = new Set([
  'application/zip',
  'application/x-zip-compressed',
  'application/x-tar',
  'application/gzip',
  'application/x-gzip',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/x-bzip2',
  'application/x-xz',
  'application/zstd',
]);

const DOCUMENT_TYPES = new Set([
  'application/pdf',
  'application/msword',
  'application/rtf',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/epub+zip',
]);

const CODE_TYPES = new Set([
  'application/json',
  'application/javascript',
  'application/xml',
  'application/x-sh',
  'application/x-httpd-php',
  'application/sql',
  'application/toml',
  'application/yaml',
  'application/x-yaml',
  'application/typescript',
]);

const EXTENSIONS: Record<Exclude<FileKind, 'file'>, readonly string[]> = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'svg', 'heic', 'heif', 'tif', 'tiff', 'ico'],
  video: ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'wmv', 'flv', 'mpg', 'mpeg', '3gp'],
  audio: ['wav', 'mp3', 'flac', 'ogg', 'oga', 'opus', 'm4a', 'aac', 'aiff', 'wma', 'mid', 'midi'],
  archive: ['zip', 'tar', 'gz', 'tgz', '7z', 'rar', 'bz2', 'xz', 'zst', 'dmg', 'iso'],
  document: ['pdf', 'doc', 'docx', 'odt', 'rtf', 'xls', 'xlsx', 'ods', 'ppt', 'pptx', 'odp', 'pages', 'epub'],
  code: [
    ...['txt', 'md', 'markdown', 'log', 'csv', 'tsv', 'json', 'yaml', 'yml', 'toml', 'ini', 'xml', 'html'],
    ...['htm', 'css', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'c'],
    ...['h', 'cpp', 'hpp', 'cs', 'php', 'swift', 'sh', 'bash', 'ps1', 'sql', 'lua', 'vue', 'svelte'],
  ],
};

const KIND_BY_EXTENSION = new Map<string, FileKind>(
  Object.entries(EXTENSIONS).flatMap(([kind, exts]) => exts.map((ext) => [ext, kind as FileKind] as const)),
);

function kindOfType(mimeType: string): FileKind | null {
  const type = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '') return null;
  const [major] = type.split('/');
  if (major === 'image') return 'image';
  if (major === 'video') return 'video';
  if (major === 'audio') return 'audio';
  if (ARCHIVE_TYPES.has(type)) return 'archive';
  if (
    DOCUMENT_TYPES.has(type) ||
    type.startsWith('application/vnd.openxmlformats-officedocument.') ||
    type.startsWith('application/vnd.oasis.opendocument.')
  ) {
    return 'document';
  }
  if (major === 'text' || CODE_TYPES.has(type) || type.endsWith('+json') || type.endsWith('+xml'))
    return 'code';
  return null;
}

function kindOfName(fileName: string): FileKind | null {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return null;
  return KIND_BY_EXTENSION.get(fileName.slice(dot + 1).toLowerCase()) ?? null;
}

/** The type decides when it is specific; the extension fills in for a missing or generic type. */
export function fileKindOf(mimeType: string | null | undefined, fileName: string): FileKind {
  return (mimeType ? kindOfType(mimeType) : null) ?? kindOfName(fileName) ?? 'file';
}
