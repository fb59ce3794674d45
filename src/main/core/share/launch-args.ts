// What a launch of KieDrop asks for: files to share and links to upload. The same parser reads our
// own argv and the argv a second instance forwards, so it must ignore everything Electron and
// Chromium add (switches, the app path in development) and accept what file managers pass
// (`--share a b`, bare paths, `file://` URIs from a .desktop file's %U).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LaunchRequest {
  /** Absolute local paths, de-duplicated, in the order given. */
  share: string[];
  /** http(s) links given on the command line, for URL uploads. */
  urls: string[];
}

export interface LaunchArgsOptions {
  /** Which path rules apply (drive letters, backslashes). Defaults to this machine's. */
  platform?: NodeJS.Platform;
  /**
   * True when running as `electron .` in development (Electron's `process.defaultApp`):
   * argv[1] is then the app folder, not something to share.
   */
  defaultApp?: boolean;
}

const SHARE_FLAG = '--share';

function fileUriToPath(uri: string, windows: boolean): string | null {
  try {
    return fileURLToPath(uri, { windows });
  } catch {
    // A remote host (file://server/…) or a malformed URI: not a local file we can read.
    return null;
  }
}

// Explorer hands a drive root to `"%1"` as `"C:\"`, and the C runtime reads `\"` as a literal
// quote, so the argument arrives as `C:"`. No Windows file name can contain a quote.
function repairWindowsQuote(arg: string): string {
  return arg.endsWith('"') ? `${arg.slice(0, -1)}\\` : arg;
}

/**
 * `argv` is the whole process.argv (argv[0] is the executable). `cwd` resolves relative paths: for
 * a forwarded launch it must be the second instance's working directory, not ours.
 */
export function parseLaunchArgs(
  argv: readonly string[],
  cwd: string,
  opts: LaunchArgsOptions = {},
): LaunchRequest {
  const windows = (opts.platform ?? process.platform) === 'win32';
  const paths = windows ? path.win32 : path.posix;
  const share = new Set<string>();
  const urls = new Set<string>();
  let switchesEnded = false;

  const addPath = (raw: string): void => {
    if (raw === '') return;
    if (/^file:/i.test(raw)) {
      const local = fileUriToPath(raw, windows);
      if (local !== null) share.add(paths.resolve(cwd, local));
      return;
    }
    if (/^https?:\/\//i.test(raw)) {
      urls.add(raw);
      return;
    }
    share.add(paths.resolve(cwd, windows ? repairWindowsQuote(raw) : raw));
  };

  for (const arg of argv.slice(opts.defaultApp === true ? 2 : 1)) {
    if (switchesEnded) {
      addPath(arg);
    } else if (arg === '--') {
      switchesEnded = true;
    } else if (arg.startsWith(`${SHARE_FLAG}=`)) {
      addPath(arg.slice(SHARE_FLAG.length + 1));
    } else if (arg.startsWith('-')) {
      // `--share` itself only says "share mode": Chromium may move switches ahead of the paths,
      // so the paths that follow it are not tied to its position. Every other switch belongs to
      // Electron, Chromium or macOS (`-psn_…`) and names nothing to share.
    } else {
      addPath(arg);
    }
  }
  return { share: [...share], urls: [...urls] };
}
