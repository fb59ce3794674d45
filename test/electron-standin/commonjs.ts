// CommonJS dependencies (electron-updater) reach `electron` through Node's CommonJS require, which the
// ESM resolve hook (resolve-electron.mjs) does not see. In Electron both give the same module; so here the
// stand-in's module is put in the CommonJS cache under the electron package's own entry point (which
// would otherwise export the path of an Electron binary).
import { createRequire } from 'node:module';
import * as electron from './electron';

export function serveElectronToCommonJs(): void {
  const require = createRequire(import.meta.url);
  const id = require.resolve('electron');
  require.cache[id] = { id, filename: id, loaded: true, exports: electron } as NodeModule;
}
