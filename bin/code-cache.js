// Loads the built command line (out/cli/, CommonJS) with a V8 code cache, so a start does not parse and
// compile the same JavaScript again: after the first run of a command, its code starts already compiled.
// With the CommonJS build, this took a one-file `kiedrop upload` from about 140 to 100 ms of CPU time.
//
// Node 20 has no built-in cache for CommonJS (module.enableCompileCache arrived in Node 22), so this
// does what it does: compile each file of out/cli/ with vm.Script and V8's cachedData, and when there was
// no usable cache, write one at exit, which then also holds the functions this run compiled. Caches live
// in the user's cache folder, one folder per Node version and KieDrop folder, one file per source file
// and content hash, so an update or another Node never picks up stale code. Anything that goes wrong with
// the cache (unwritable folder, damaged file) only means compiling as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';

/** The user's cache folder for KieDrop: XDG on Linux and the BSDs, the platforms' own elsewhere. */
export function cacheRoot(env = process.env, platform = process.platform, home = homedir()) {
  if (platform === 'win32') {
    return join(env['LOCALAPPDATA'] || join(home, 'AppData', 'Local'), 'KieDrop', 'Cache');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'KieDrop');
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg !== undefined && xdg.trim() !== '' ? xdg : join(home, '.cache'), 'kiedrop');
}

const hash = (text) => createHash('sha1').update(text).digest('hex').slice(0, 16);

/**
 * require()s `entry` with every file of its folder compiled through the code cache in `cacheDir`.
 * Returns the entry's exports.
 */
export function requireWithCodeCache(entry, cacheDir = cacheRoot()) {
  const folder = dirname(entry);
  const prefix = folder + sep;
  const dir = join(cacheDir, 'code-cache', hash(`${process.version}\0${process.arch}\0${folder}`));
  /** Scripts that had no usable cache: theirs is written at exit. */
  const toWrite = [];
  const compile = Module.prototype._compile;
  // The way Node's own loader compiles a CommonJS file, with the cache added; other files as before.
  Module.prototype._compile = function compileWithCache(content, filename) {
    // vm.Script runs import() only behind a flag: such a file (the build turns them into require()) is
    // compiled as before.
    if (!filename.startsWith(prefix) || content.includes('import(')) {
      return compile.call(this, content, filename);
    }
    const file = join(dir, `${basename(filename)}.${hash(content)}.cache`);
    let cachedData;
    try {
      cachedData = readFileSync(file);
    } catch {
      // No cache yet.
    }
    const script = new Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) toWrite.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const require = createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once('exit', () => {
    if (toWrite.length > 0) writeCaches(dir, toWrite);
  });
  return createRequire(import.meta.url)(entry);
}

function writeCaches(dir, scripts) {
  try {
    mkdirSync(dir, { recursive: true });
    const current = new Set(scripts.map(({ file }) => basename(file)));
    // An older cache of the same source file (before an update) is of no more use.
    const stems = new Set([...current].map((name) => name.split('.').slice(0, -2).join('.')));
    for (const name of readdirSync(dir)) {
      if (!current.has(name) && stems.has(name.split('.').slice(0, -2).join('.'))) {
        rmSync(join(dir, name), { force: true });
      }
    }
    for (const { script, file } of scripts) {
      // Written aside and renamed: another kiedrop starting now reads a whole cache or none.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, file);
    }
  } catch {
    // A read-only or full disk: the next start compiles, as it would without a cache.
  }
}
