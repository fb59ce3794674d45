// Who owns a file, in the words a person uses: "root" rather than "uid 0". Node can only name the
// current user, so other accounts come from /etc/passwd (local accounts; directory-service accounts
// such as macOS users stay numbers).

import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

/** The login name of `uid`, or null when none is known. */
export function accountName(uid: number): string | null {
  if (uid === process.getuid?.()) {
    try {
      return userInfo().username;
    } catch {
      // No passwd entry for this process's user: fall through to the file, which will not know it either.
    }
  }
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return null;
  }
  for (const line of passwd.split('\n')) {
    const [name, , id] = line.split(':');
    if (name !== undefined && name !== '' && id === String(uid)) return name;
  }
  return null;
}
