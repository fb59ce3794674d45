// Which clipboard tool the CLI tries, per platform and session.
import { describe, expect, it } from 'vitest';
import { clipboardTools } from '../../src/main/core/clipboard';

const names = (platform: NodeJS.Platform, env: Record<string, string>) =>
  clipboardTools(platform, env).map((t) => [t.command, ...t.args].join(' '));

describe('clipboardTools', () => {
  it('Wayland first, then X11 tools, only when a display exists', () => {
    expect(names('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' })).toEqual([
      'wl-copy',
      'xclip -selection clipboard',
      'xsel --clipboard --input',
    ]);
    expect(names('linux', { DISPLAY: ':0' })).toEqual([
      'xclip -selection clipboard',
      'xsel --clipboard --input',
    ]);
    expect(names('linux', {})).toEqual([]);
  });

  it('pbcopy on macOS, clip.exe with UTF-16 on Windows', () => {
    expect(names('darwin', {})).toEqual(['pbcopy']);
    expect(clipboardTools('win32', {})).toEqual([{ command: 'clip.exe', args: [], encoding: 'utf16le-bom' }]);
  });
});
