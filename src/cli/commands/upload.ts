import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isApiError } from '../../main/core/api/errors';
import { BASE64_MAX_BYTES } from '../../main/core/api/types';
import type { UploadResult } from '../../main/core/api/types';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import type { CliContext } from '../context';
import { CliFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../errors';
import { formatBytes, formatLinkLine } from '../format';
import { createProgressBar } from '../progress-bar';
import { cliErrorMessage, withSession } from '../session';
import type { Session } from '../session';
import { uploadTarget } from './upload-target';
import type { UploadTarget } from './upload-target';

const COMMAND = 'upload';

export type UploadOutcome =
  ({ file: string } & UploadResult) | { file: string; error: { kind: string; message: string } };

// Base64 inflates the body by a third and the service recommends it only up to 10 MB; refusing here
// saves sending megabytes only to be turned away, and the CLI can name the flag to drop.
async function checkBase64Size(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile() === true && info.size > BASE64_MAX_BYTES) {
    throw new CliFailure(
      `${file} is ${formatBytes(info.size)}; Base64 uploads are limited to ${formatBytes(BASE64_MAX_BYTES)}. ` +
        'Leave out --base64 to stream it instead.',
    );
  }
}

async function uploadOne(
  ctx: CliContext,
  session: Session,
  file: string,
  target: UploadTarget,
  base64: boolean,
): Promise<UploadResult> {
  const bar = ctx.isTTY.stderr
    ? createProgressBar({
        stream: ctx.stderr,
        label: target.fileName ?? basename(file),
        columns: ctx.columns,
        now: () => ctx.now().getTime(),
      })
    : undefined;
  const common = {
    uploadPath: target.uploadPath,
    fileName: target.fileName,
    signal: ctx.signal,
    onProgress:
      bar === undefined ? undefined : (p: { sent: number; total: number; rate: number }) => bar.update(p),
  };
  try {
    if (base64) {
      await checkBase64Size(file);
      return await session.client.base64Upload({ ...common, source: { filePath: file } });
    }
    return await session.client.streamUpload({ ...common, filePath: file });
  } finally {
    bar?.clear();
  }
}

export async function runUpload(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError('no files given; pass one or more file paths', COMMAND);
  const target = uploadTarget(parsed, COMMAND);
  if (target.fileName !== undefined && files.length > 1) {
    throw new UsageError(`--name works with a single file only (got ${files.length} files)`, COMMAND);
  }
  const json = booleanFlag(parsed, 'json');
  const base64 = booleanFlag(parsed, 'base64');
  return withSession(ctx, parsed, (session) => uploadAll(ctx, session, files, target, { json, base64 }));
}

async function uploadAll(
  ctx: CliContext,
  session: Session,
  files: readonly string[],
  target: UploadTarget,
  opts: { json: boolean; base64: boolean },
): Promise<number> {
  const { json, base64 } = opts;
  const nameWidth = Math.max(...files.map((f) => (target.fileName ?? basename(f)).length));
  const outcomes: UploadOutcome[] = [];
  let failed = 0;

  for (const file of files) {
    try {
      const result = await uploadOne(ctx, session, file, target, base64);
      outcomes.push({ file, ...result });
      if (!json) {
        const line = formatLinkLine(
          { name: result.fileName, url: result.downloadUrl, expiresAt: result.expiresAt },
          ctx.now(),
          nameWidth,
        );
        ctx.stdout.write(`${line}\n`);
      }
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      failed++;
      const message = cliErrorMessage(err, session);
      const kind = isApiError(err) ? err.kind : 'local-file';
      outcomes.push({ file, error: { kind, message } });
      // Most messages already name the file; add it only when they do not.
      ctx.stderr.write(`kiedrop: ${message.includes(file) ? message : `${file}: ${message}`}\n`);
      // A rejected key fails every file the same way; stop instead of repeating it.
      if (isApiError(err) && err.kind === 'auth') break;
    }
  }

  if (json) ctx.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
