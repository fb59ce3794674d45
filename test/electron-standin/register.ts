// `node --import tsx --import ./test/electron-standin/register.ts …`: from here on, `import 'electron'`
// (in the app's bundle and anywhere else) loads the stand-in instead of the real runtime's module.
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url);
