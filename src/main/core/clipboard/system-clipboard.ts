// Putting text on the clipboard without Electron (for the CLI): through the tool each desktop
// provides. Which tools make sense depends on the session: wl-copy needs Wayland, xclip and xsel
// need an X display, and trying them without one just hangs or fails slowly.
import { spawn } from 'node:child_process';

export interface ClipboardTool {
  command: string;
  args: string[];
  /** clip.exe reads UTF-16LE (with a BOM) correctly; as UTF-8 it garbles anything non-ASCII. */
  encoding: 'utf8' | 'utf16le-bom';
}

export function clipboardTools(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): ClipboardTool[] {
  if (platform === 'darwin') return [{ command: 'pbcopy', args: [], encoding: 'utf8' }];
  if (platform === 'win32') return [{ command: 'clip.exe', args: [], encoding: 'utf16le-bom' }];
  const tools: ClipboardTool[] = [];
  if ((env['WAYLAND_DISPLAY'] ?? '') !== '') tools.push({ command: 'wl-copy', args: [], encoding: 'utf8' });
  if ((env['DISPLAY'] ?? '') !== '') {
    tools.push({ command: 'xclip', args: ['-selection', 'clipboard'], encoding: 'utf8' });
    tools.push({ command: 'xsel', args: ['--clipboard', '--input'], encoding: 'utf8' });
  }
  return tools;
}

function encode(text: string, encoding: ClipboardTool['encoding']): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Resolves true when the tool took the text. Never rejects: a missing tool is simply false. */
function runTool(
  tool: ClipboardTool,
  text: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    // stdout/stderr ignored: xclip and wl-copy leave a child behind to serve the clipboard, and a
    // pipe it inherits would keep us waiting for as long as that child lives.
    const child = spawn(tool.command, tool.args, {
      stdio: ['pipe', 'ignore', 'ignore'],
      env,
      windowsHide: true,
    });
    const timer = setTimeout(() => {
      child.kill();
      resolve(false);
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(encode(text, tool.encoding));
  });
}

/** The name of the tool that took the text, or null when none was available or all failed. */
export async function copyWithSystemTool(
  text: string,
  opts: { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string | null> {
  for (const tool of clipboardTools(opts.platform, opts.env)) {
    if (await runTool(tool, text, opts.env, opts.timeoutMs ?? 5000)) return tool.command;
  }
  return null;
}
