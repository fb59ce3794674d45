// One data folder for the app and the CLI: the core computes it, and Electron is told to use the same
// one (before 'ready'), so KIEDROP_DATA_DIR moves both and they always share the database.
import { homedir } from 'node:os';
import { app } from 'electron';
import { defaultDataDir } from './core/paths';

export function setupDataDir(): string {
  const dir = defaultDataDir(process.env, process.platform, homedir());
  app.setPath('userData', dir);
  return dir;
}
