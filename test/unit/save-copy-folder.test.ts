// The folder "Save a copy…" names in its message: inside the home folder it reads from ~, as in
// "Saved report.pdf to ~/Downloads"; anywhere else it is the full path.
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownFolder } from '../../src/main/core/app-service/save-copy-handlers';

const home = join(sep, 'home', 'ana');

describe('the folder a saved copy went to', () => {
  it('reads from ~ inside the home folder, and in full elsewhere', () => {
    expect(shownFolder(join(home, 'Downloads'), home)).toBe(`~${sep}Downloads`);
    expect(shownFolder(home, home)).toBe('~');
    expect(shownFolder(join(sep, 'home', 'anabel', 'x'), home)).toBe(join(sep, 'home', 'anabel', 'x'));
    expect(shownFolder(join(sep, 'mnt', 'usb'), home)).toBe(join(sep, 'mnt', 'usb'));
  });
});
