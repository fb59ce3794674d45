// Chromium's Linux sandbox needs either unprivileged user namespaces or its SUID-root helper, chrome-sandbox, next
// to the executable. Ubuntu 23.10 and later restrict the namespaces through AppArmor, and npm unpacks the helper
// as the user, so there Electron aborts at start (electron/electron#42510, DESIGN.md §8 rule 18).
// This predicts that abort from the system's settings, so that a crash Electron explains badly (a bare SIGTRAP)
// can still be named. It never blocks a launch: an AppArmor profile for the executable can allow what the
// kernel setting forbids, and only Electron knows.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where Chromium looks for its SUID helper: next to the executable. */
export function chromeSandboxPath(runtime) {
  return join(dirname(runtime), 'chrome-sandbox');
}

function readProcSys(name) {
  try {
    return readFileSync(join('/proc/sys', name), 'utf8').trim();
  } catch {
    return null;
  }
}

function statOrNull(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** True when the kernel settings keep unprivileged processes from creating user namespaces. */
export function userNamespacesRestricted(readProc = readProcSys) {
  return (
    readProc('kernel/apparmor_restrict_unprivileged_userns') === '1' || // Ubuntu 23.10+
    readProc('kernel/unprivileged_userns_clone') === '0' || // older Debian kernels
    readProc('user/max_user_namespaces') === '0'
  );
}

/** True when Electron at `runtime` would abort on its sandbox check. Reads of /proc/sys and stat are injectable. */
export function sandboxWillAbort(
  runtime,
  { platform = process.platform, readProc = readProcSys, statFile = statOrNull } = {},
) {
  if (platform !== 'linux' || !userNamespacesRestricted(readProc)) return false;
  const helper = statFile(chromeSandboxPath(runtime));
  const suidRoot = helper !== null && helper.uid === 0 && (helper.mode & 0o4000) !== 0;
  return !suidRoot;
}
