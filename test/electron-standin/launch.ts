// The stand-in's `electron <app folder> [args…]`: runs the app's main script (package.json "main") in
// this Node process with `electron` resolved to the stand-in, as `npm start` runs it under the real
// runtime: process.defaultApp is true, argv[1] is the app folder, and 'ready' comes after the main
// script (with its top-level awaits) has run.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from './app';
import { closeBrowser } from './browser';
import { serveElectronToCommonJs } from './commonjs';
import { serveControl } from './control';
import { modes } from './modes';
import { provideTrayHost } from './tray-host';

const [appFolder = '.', ...rest] = process.argv.slice(2);
const appDir = resolve(appFolder);
Object.defineProperty(process, 'defaultApp', { value: true, configurable: true });
if (modes.platform !== 'linux') Object.defineProperty(process, 'platform', { value: modes.platform });
process.argv = [process.execPath, appDir, ...rest];
app.setAppPathForLaunch(appDir);
serveControl();
serveElectronToCommonJs();
process.on('exit', () => void closeBrowser());

// The session the desktop gives its programs: Wayland sessions announce themselves in the environment.
if (modes.display === 'wayland') {
  process.env['WAYLAND_DISPLAY'] = 'wayland-0';
  process.env['XDG_SESSION_TYPE'] = 'wayland';
} else {
  delete process.env['WAYLAND_DISPLAY'];
  process.env['XDG_SESSION_TYPE'] = 'x11';
}

// The desktop this app runs on has a tray host unless the test chose one without (stock GNOME).
if (process.env['KIEDROP_STANDIN_TRAY_HOST'] !== 'none') await provideTrayHost();

const { main } = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { main: string };
await import(pathToFileURL(join(appDir, main)).href);
setImmediate(() => app.emitReady());
