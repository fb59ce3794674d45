// `npx tsx scripts/make-icons.ts`: regenerates the PNG icons in resources/ from the same drawing code the
// tray uses at run time (src/main/tray-icon-art.ts), so the app icon, the Linux menu icon and the tray
// always show the same mark.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodePng } from '../src/main/png-encode';
import { drawTrayIcon } from '../src/main/tray-icon-art';

const OUT = resolve(import.meta.dirname, '..', 'resources');

const icons: { file: string; size: number; template: boolean }[] = [
  // The app and the Linux "Share with KieDrop" menus.
  { file: 'icon.png', size: 256, template: false },
  // Tray icons for packagers that want files (the app draws its own, with the progress ring).
  { file: 'tray-icon.png', size: 16, template: false },
  { file: 'tray-icon@2x.png', size: 32, template: false },
  // macOS reads "Template" in the name as "tint me for the menu bar".
  { file: 'tray-iconTemplate.png', size: 16, template: true },
  { file: 'tray-iconTemplate@2x.png', size: 32, template: true },
];

mkdirSync(OUT, { recursive: true });
for (const { file, size, template } of icons) {
  writeFileSync(join(OUT, file), encodePng(size, size, drawTrayIcon(size, { template, progress: null })));
  console.log(`wrote resources/${file}`);
}
