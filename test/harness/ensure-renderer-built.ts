// The harness serves the built renderer (out/renderer). This builds it once when it is missing or older
// than its sources; parallel test files wait on a lock folder instead of building at the same time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_OUT_DIR = join(PROJECT_ROOT, 'out', 'renderer');
const SOURCES = [join(PROJECT_ROOT, 'src', 'renderer'), join(PROJECT_ROOT, 'src', 'shared')];
const LOCK_DIR = join(PROJECT_ROOT, 'out', '.renderer-build.lock');
const LOCK_STALE_MS = 5 * 60_000;

/** The newest modification time of any file under `dir`. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtMtime(): number | null {
  try {
    return statSync(join(RENDERER_OUT_DIR, 'index.html')).mtimeMs;
  } catch {
    return null;
  }
}

export function rendererIsStale(): boolean {
  const built = builtMtime();
  return built === null || SOURCES.some((dir) => newestMtime(dir) > built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function takeLock(): void {
  mkdirSync(join(PROJECT_ROOT, 'out'), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      return;
    } catch {
      // Someone else is building; a lock left by a killed run is taken over once it is old.
      const lock = statSync(LOCK_DIR, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > LOCK_STALE_MS)
        rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`Gave up waiting for another renderer build (lock ${LOCK_DIR}).`);
      sleep(250);
    }
  }
}

let checked = false;

/** Runs `electron-vite build` if out/renderer is missing or stale; throws with the build's output if it fails. */
export function ensureRendererBuilt(): string {
  if (checked) return RENDERER_OUT_DIR;
  takeLock();
  try {
    if (rendererIsStale()) {
      const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
      if (result.status !== 0) {
        const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
          .trim()
          .split('\n')
          .slice(-30)
          .join('\n');
        throw new Error(
          `The renderer could not be built (npx electron-vite build exited with ${result.status}):\n${output}`,
        );
      }
    }
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
  checked = true;
  return RENDERER_OUT_DIR;
}
