// Before any test file: the built app and CLI (out/) are brought up to date once, so every test runs what
// a user runs — the bundled main process, preloads and renderer, and `kiedrop` as built to plain JavaScript.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newestMtime } from './harness/ensure-renderer-built';

const ROOT = resolve(import.meta.dirname, '..');

function builtMtime(file: string): number {
  return statSync(join(ROOT, file), { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

export default function setup(): void {
  const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'build')));
  const built = Math.min(
    builtMtime('out/main/index.js'),
    builtMtime('out/renderer/index.html'),
    builtMtime('out/cli/kiedrop.js'),
  );
  if (built >= sources) return;
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `npm run build failed (exit ${result.status}):\n${`${result.stdout}\n${result.stderr}`.slice(-3000)}`,
    );
  }
}
