// The exact Linux files behind "Share with KieDrop", and the quoting each format needs.
import { describe, expect, it } from 'vitest';
import {
  desktopEntry,
  dolphinServiceMenu,
  escapeKeyFileValue,
  linuxItems,
  nautilusScript,
  nemoAction,
  quoteDesktopExecArg,
  shellQuote,
  xdgDataHome,
} from '../../src/main/core/shell-integration';

const MARK = `# Created by KieDrop: turn "Share with KieDrop" off in KieDrop's Settings to remove it.`;
const EXE = '/opt/Kie Drop/kiedrop';

describe('quoting', () => {
  it('shell: single quotes, with a quote inside closed and reopened', () => {
    expect(shellQuote("/opt/it's/kiedrop")).toBe(`'/opt/it'\\''s/kiedrop'`);
  });

  it('Desktop Entry Exec: double quotes, escaping " ` $ \\ and doubling %', () => {
    expect(quoteDesktopExecArg('/opt/a "b" $c `d` \\e 100%/x')).toBe(
      '"/opt/a \\"b\\" \\$c \\`d\\` \\\\e 100%%/x"',
    );
  });

  it("key files: backslashes doubled on top of the Exec quoting (the spec's two levels)", () => {
    expect(escapeKeyFileValue(quoteDesktopExecArg('/opt/a\\b'))).toBe('"/opt/a\\\\\\\\b"');
  });
});

describe('Linux templates', () => {
  it('Nautilus script', () => {
    expect(nautilusScript({ exePath: EXE })).toBe(
      [
        '#!/bin/sh',
        MARK,
        '# Nautilus lists the selected files one per line; split on newlines only so spaces survive.',
        "IFS='",
        "'",
        'set -f',
        'set --',
        'for file in $NAUTILUS_SCRIPT_SELECTED_FILE_PATHS; do',
        '  set -- "$@" "$file"',
        'done',
        'exec \'/opt/Kie Drop/kiedrop\' --share "$@"',
        '',
      ].join('\n'),
    );
  });

  it('Nemo action', () => {
    expect(nemoAction({ exePath: '/opt/100% Kie/kiedrop', iconPath: '/opt/kie/icon.png' })).toBe(
      [
        MARK,
        '[Nemo Action]',
        'Name=Share with KieDrop',
        'Comment=Upload the selection with KieDrop and copy the links',
        "Exec='/opt/100%% Kie/kiedrop' --share %F",
        'Icon-Name=/opt/kie/icon.png',
        'Selection=notnone',
        'Extensions=any;',
        'Quote=double',
        '',
      ].join('\n'),
    );
  });

  it('Dolphin service menu', () => {
    expect(dolphinServiceMenu({ exePath: EXE })).toBe(
      [
        MARK,
        '[Desktop Entry]',
        'Type=Service',
        'Name=Share with KieDrop',
        'MimeType=all/allfiles;inode/directory;',
        'Actions=share',
        'X-KDE-ServiceTypes=KonqPopupMenu/Plugin',
        '',
        '[Desktop Action share]',
        'Name=Share with KieDrop',
        'Exec="/opt/Kie Drop/kiedrop" --share %F',
        '',
      ].join('\n'),
    );
  });

  it('"Open With" desktop entry', () => {
    expect(desktopEntry({ exePath: EXE, iconPath: '/opt/Kie Drop/icon.png' })).toBe(
      [
        MARK,
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.4',
        'Name=KieDrop',
        'GenericName=File Uploader',
        'Comment=Upload files and copy their links',
        'TryExec=/opt/Kie Drop/kiedrop',
        'Exec="/opt/Kie Drop/kiedrop" --share %F',
        'Icon=/opt/Kie Drop/icon.png',
        'Terminal=false',
        'Categories=Network;FileTransfer;',
        'Keywords=upload;share;link;',
        'MimeType=application/octet-stream;application/pdf;application/zip;text/plain;image/png;image/jpeg;image/gif;image/webp;image/svg+xml;audio/mpeg;audio/ogg;video/mp4;video/webm;inode/directory;',
        '',
      ].join('\n'),
    );
  });
});

describe('Linux locations', () => {
  it('uses XDG_DATA_HOME when it is absolute, else ~/.local/share', () => {
    expect(xdgDataHome('/home/ana', {})).toBe('/home/ana/.local/share');
    expect(xdgDataHome('/home/ana', { XDG_DATA_HOME: '/data/ana' })).toBe('/data/ana');
    expect(xdgDataHome('/home/ana', { XDG_DATA_HOME: 'relative/dir' })).toBe('/home/ana/.local/share');
  });

  it('puts each file where its file manager looks, with the mode it needs', () => {
    const items = linuxItems('/home/ana', { XDG_DATA_HOME: '/data/ana' }, { exePath: EXE });
    expect(items.map((i) => [i.root, (i.files[0]?.mode ?? 0).toString(8)])).toEqual([
      ['/data/ana/nautilus/scripts/Share with KieDrop', '755'],
      ['/data/ana/nemo/actions/kiedrop-share.nemo_action', '644'],
      ['/data/ana/kio/servicemenus/kiedrop-share.desktop', '755'],
      ['/data/ana/applications/kiedrop.desktop', '644'],
    ]);
  });
});
