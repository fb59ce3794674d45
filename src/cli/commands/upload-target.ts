import { validateFileName, validateUploadPath } from '../../main/core/api/validate-input';
import type { ParsedArgs } from '../args';
import { stringFlag } from '../args';
import { DEFAULT_UPLOAD_PATH } from '../command-table';
import { UsageError } from '../errors';

export interface UploadTarget {
  uploadPath: string;
  fileName: string | undefined;
}

// Checked once, before the key is looked up or any byte is sent, so a typo costs nothing.
export function uploadTarget(parsed: ParsedArgs, command: string): UploadTarget {
  const uploadPath = stringFlag(parsed, 'path') ?? DEFAULT_UPLOAD_PATH;
  const fileName = stringFlag(parsed, 'name');
  try {
    validateUploadPath(uploadPath);
    if (fileName !== undefined) validateFileName(fileName);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), command);
  }
  return { uploadPath, fileName };
}
