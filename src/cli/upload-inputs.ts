import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { collectShareFiles } from '../main/core/share/collect-files';
import type { CliContext } from './context';
import { CliFailure, UsageError } from './errors';

// What `kiedrop upload` is given, turned into files the queue can send: a folder becomes the files in it
// (as with `kiedrop share`; -r goes into sub-folders too), and "-" becomes what was piped in.

export interface ExpandedInputs {
  /** Files to send, as typed or as found inside a typed folder. */
  files: string[];
  /** Typed folders that gave no file to send, with why. */
  emptyFolders: { index: number; file: string; message: string }[];
}

/** Each folder among `given` replaced by its files, in name order; files stay as typed. */
export async function expandFolders(given: readonly string[], recurse: boolean): Promise<ExpandedInputs> {
  const files: string[] = [];
  const emptyFolders: ExpandedInputs['emptyFolders'] = [];
  for (const item of given) {
    const info = item === '-' ? undefined : await stat(item).catch(() => undefined);
    if (info?.isDirectory() !== true) {
      // Missing files go to the queue too, which reports them in its own words.
      files.push(item);
      continue;
    }
    const found = await collectShareFiles([item], { recurse });
    if (found.files.length + found.refused.length > 0) {
      // Files with names the service refuses are passed on, so they are named with the others refused.
      files.push(...found.files, ...found.refused.map((r) => r.path));
      continue;
    }
    const why =
      found.unreadable[0]?.message ??
      (recurse ? 'it holds no file to upload' : 'it holds no file to upload (-r includes its sub-folders)');
    emptyFolders.push({ index: files.length, file: item, message: `is a folder, and ${why}` });
    // Keeps its place among the outcomes, so --json lists it where it was given.
    files.push(item);
  }
  return { files, emptyFolders };
}

/** Where piped-in data waits until it is uploaded: the queue sends files, and may resume them later. */
export async function spoolStdin(ctx: CliContext, dataDir: string, name: string): Promise<string> {
  if (ctx.isTTY.stdin) {
    throw new UsageError(
      '`upload -` uploads what is piped in; pipe the data in (… | kiedrop upload - --name NAME)',
      'upload',
    );
  }
  const folder = join(dataDir, 'stdin', randomUUID());
  await mkdir(folder, { recursive: true });
  const file = join(folder, name);
  try {
    await pipeline(ctx.stdin, createWriteStream(file, { flags: 'wx' }));
  } catch (err) {
    await rm(folder, { recursive: true, force: true });
    throw new CliFailure(`could not read stdin: ${err instanceof Error ? err.message : String(err)}`);
  }
  return file;
}

/** Removes the spooled copy once it is uploaded; a copy whose upload is waiting stays for the resume. */
export async function dropSpool(file: string): Promise<void> {
  await rm(join(file, '..'), { recursive: true, force: true });
}
