// The last step every upload route shares: name the file, type it, store it, describe it.
import type { Storage } from './storage';
import { accountFilePath } from './account';
import { randomFileName, type NameHints } from './file-naming';
import { resolveMimeType } from './mime-sniff';

export interface UploadDeps {
  storage: Storage;
  now: () => number;
  /** The emulator's base URL, for downloadUrl. */
  publicUrl: () => string;
}

/** An upload fully received into a temp file. */
export interface ReceivedFile {
  tempPath: string;
  size: number;
  head: Buffer;
}

export interface UploadResult {
  fileName: string;
  filePath: string;
  downloadUrl: string;
  fileSize: number;
  mimeType: string;
  uploadedAt: string;
}

export async function storeUpload(
  deps: UploadDeps,
  file: ReceivedFile,
  uploadPath: string,
  requestedName: string | undefined,
  hints: NameHints,
  apiKey: string,
): Promise<UploadResult> {
  const fileName = requestedName ?? randomFileName(hints, file.head);
  const filePath = accountFilePath(apiKey, uploadPath, fileName, deps.storage.linkRoot());
  const mimeType = resolveMimeType(fileName, file.head, hints.declaredType);
  const uploadedAt = deps.now();
  try {
    await deps.storage.commit(file.tempPath, { filePath, fileName, size: file.size, mimeType, uploadedAt });
  } catch (err) {
    await deps.storage.discard(file.tempPath);
    throw err;
  }
  return {
    fileName,
    filePath,
    downloadUrl: downloadUrlFor(deps.publicUrl(), filePath),
    fileSize: file.size,
    mimeType,
    uploadedAt: new Date(uploadedAt).toISOString(),
  };
}

/** The download host followed by the filePath, as the service's links are. */
export function downloadUrlFor(baseUrl: string, filePath: string): string {
  return `${baseUrl}/files/${filePath.split('/').map(encodeURIComponent).join('/')}`;
}

export function uploadedBody(result: UploadResult) {
  return { success: true, code: 200, msg: 'File uploaded successfully', data: result };
}
