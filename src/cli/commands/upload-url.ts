import { validateHttpUrl } from '../../main/core/api/validate-input';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import type { CliContext } from '../context';
import { EXIT_OK, UsageError } from '../errors';
import { formatLinkLine } from '../format';
import { withSession } from '../session';
import { uploadTarget } from './upload-target';

const COMMAND = 'upload-url';

export async function runUploadUrl(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const [url, ...extra] = parsed.positionals;
  if (url === undefined) throw new UsageError('no URL given', COMMAND);
  if (extra.length > 0) throw new UsageError(`takes one URL (got ${parsed.positionals.length})`, COMMAND);
  try {
    validateHttpUrl(url);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), COMMAND);
  }
  const target = uploadTarget(parsed, COMMAND);
  const result = await withSession(ctx, parsed, (s) =>
    s.client.urlUpload({
      fileUrl: url.trim(),
      uploadPath: target.uploadPath,
      fileName: target.fileName,
      signal: ctx.signal,
    }),
  );
  if (booleanFlag(parsed, 'json')) {
    ctx.stdout.write(`${JSON.stringify({ url, ...result }, null, 2)}\n`);
  } else {
    ctx.stdout.write(
      `${formatLinkLine({ name: result.fileName, url: result.downloadUrl, expiresAt: result.expiresAt }, ctx.now())}\n`,
    );
  }
  return EXIT_OK;
}
