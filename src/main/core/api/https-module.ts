// node:https, loaded the first time an https:// address is used: it brings TLS along (4–7 ms of every
// `kiedrop` start), which requests to http:// addresses (a local server, the emulator) never need.
import { createRequire } from 'node:module';
import type * as Https from 'node:https';

let loaded: typeof Https | undefined;

export function httpsModule(): typeof Https {
  loaded ??= createRequire(import.meta.url)('node:https') as typeof Https;
  return loaded;
}
