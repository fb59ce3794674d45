// A stand-in for the unpacked Electron distribution electron-builder copies into a build (its
// `electronDist` option), for machines where the real zip cannot be downloaded. The "electron" program is a
// shell script that carries Electron's fuse wire (sentinel, version 1, the nine V1 fuses at Electron's
// defaults), so electron-builder flips real fuses in it and a test can read them back.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The sentinel @electron/fuses searches a binary for. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar,
 * V8Snapshot, GrantFileProtocolExtraPrivileges, WasmTrapHandlers, as a new Electron ships them. */
const DEFAULT_WIRE = '101100011';

export async function makeElectronDistStandin(dir: string, version: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  const program = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron: not a runtime" >&2\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.from('\n'),
  ]);
  await writeFile(join(dir, 'electron'), program);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'version'), version);
  await writeFile(join(dir, 'LICENSE'), 'MIT (stand-in)\n');
  return dir;
}
