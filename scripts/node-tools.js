// Runs the project's JavaScript tools (electron-vite, vitest) with this Node, by their packages' bin files.
// `npx` needs npm on PATH, and on Windows it is a .cmd file that spawn() cannot start without a shell; the bin
// file of an installed package needs neither.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The file behind command `name` of package `name`, read from its package.json (its exports may hide it). */
export function toolEntry(name) {
  const manifest = require.resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  const file = typeof bin === 'string' ? bin : bin?.[name];
  if (!file) throw new Error(`the ${name} package declares no \`${name}\` command`);
  return join(dirname(manifest), file);
}

/**
 * Runs `name ...args` in the foreground. Resolves { ok, started, code, failure }: failure is the part of a
 * sentence saying what went wrong ("`vitest run` exited with code 1"), started is false when it never ran.
 */
export function runTool(name, args, options = {}) {
  const label = `\`${[name, ...args.slice(0, 1)].join(' ')}\``;
  let entry;
  try {
    entry = toolEntry(name);
  } catch (error) {
    return {
      ok: false,
      started: false,
      code: null,
      failure: `${label} could not be found (${error.message})`,
    };
  }
  const result = spawnSync(process.execPath, [entry, ...args], { stdio: 'inherit', ...options });
  if (result.error) {
    return {
      ok: false,
      started: false,
      code: null,
      failure: `${label} could not be started (${result.error.message})`,
    };
  }
  if (result.status === 0) return { ok: true, started: true, code: 0, failure: null };
  const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${result.status}`;
  return { ok: false, started: true, code: result.status, failure: `${label} ${how}` };
}
