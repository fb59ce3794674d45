// The real service files every upload under `kieai/<n>/`, where <n> is one number per account: the
// same for every upload made with one key, different between accounts. The emulator derives <n>
// from the key, so one key always gets the same URLs and two keys never share a file.
import { createHash } from 'node:crypto';

export const ACCOUNT_ROOT = 'kieai';

export function accountNumberFor(apiKey: string): number {
  // Six digits, never starting with 0, stable across runs.
  return 100_000 + (createHash('sha256').update(apiKey).digest().readUInt32BE(0) % 900_000);
}

/** The key in an `Authorization: Bearer <key>` header (routes run only after the key was accepted). */
export function bearerKey(header: string | undefined): string {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
}

/** The API filePath the service answers for an upload: `kieai/<n>/<uploadPath>/<fileName>` (`root` replaces
 * `kieai` when a test has the service file uploads elsewhere, so the same path and name get a new link). */
export function accountFilePath(
  apiKey: string,
  uploadPath: string,
  fileName: string,
  root = ACCOUNT_ROOT,
): string {
  return `${root}/${accountNumberFor(apiKey)}/${uploadPath}/${fileName}`;
}
