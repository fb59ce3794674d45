// Types for code-cache.js (plain JavaScript, so bin/ runs without a build step).

/** The user's cache folder for KieDrop: XDG on Linux and the BSDs, the platforms' own elsewhere. */
export function cacheRoot(
  env?: Record<string, string | undefined>,
  platform?: NodeJS.Platform,
  home?: string,
): string;

/** require()s `entry` with every file of its folder compiled through the code cache in `cacheDir`. */
export function requireWithCodeCache(entry: string, cacheDir?: string): unknown;
