// The desktop-app tests run the built app (out/main, out/preload, out/renderer). This builds it once per
// test run when it is missing or older than its sources, sharing the renderer harness's lock.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureRendererBuilt, PROJECT_ROOT } from '../harness';

export function ensureAppBuilt(): void {
  // electron-vite builds main, preloads and renderer together, so a fresh renderer means a fresh app,
  // unless main's sources changed on their own.
  ensureRendererBuilt();
  const built = statSync(join(PROJECT_ROOT, 'out', 'main', 'index.js'), { throwIfNoEntry: false });
  if (!built) throw new Error('out/main/index.js is missing: run `npm run build` first.');
}
