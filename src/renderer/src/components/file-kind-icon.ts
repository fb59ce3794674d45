// Which line icon stands for each kind of file, in history rows and upload rows alike.
import type { FileKind } from '../format/file-kind';
import type { IconName } from './icon';

export const FILE_KIND_ICON: Readonly<Record<FileKind, IconName>> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  archive: 'archive',
  document: 'document',
  code: 'code',
  file: 'file',
};
