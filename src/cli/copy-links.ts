import { copyWithSystemTool } from '../main/core/clipboard';
import type { KieDropDb } from '../main/core/db';
import { isLinkFormat } from '../main/core/links';
import type { LinkFormat } from '../main/core/links';
import { LinkShareStore } from '../main/core/reminders/link-share-store';
import type { ParsedArgs } from './args';
import { stringFlag } from './args';
import type { CliContext } from './context';
import { UsageError } from './errors';

// Putting a batch's links on the clipboard in one go, through the desktop's own tool, as `kiedrop share`
// and `kiedrop upload --copy` both do.

export const CLI_LINK_FORMATS: readonly LinkFormat[] = ['url', 'markdown', 'html', 'bbcode'];

/** --format as given (url, markdown, html or bbcode), or undefined when it was left out. */
export function linkFormatFlag(parsed: ParsedArgs, command: string): LinkFormat | undefined {
  const value = stringFlag(parsed, 'format');
  if (value === undefined) return undefined;
  if (!isLinkFormat(value) || !CLI_LINK_FORMATS.includes(value)) {
    throw new UsageError(`--format must be url, markdown, html or bbcode (got "${value}")`, command);
  }
  return value;
}

/**
 * Copies `links` (one per line) and says on stderr whether, and with which tool, it worked. Once they are
 * on the clipboard, their entries (`historyIds`) count as shared, as a copy in the app does: the app reminds
 * of shared links before they expire.
 */
export async function copyLinks(
  ctx: CliContext,
  links: readonly string[],
  shared?: { db: KieDropDb; historyIds: readonly number[] },
): Promise<void> {
  if (links.length === 0) return;
  const tool = await copyWithSystemTool(links.join('\n'), {
    platform: process.platform,
    env: { ...ctx.env },
  });
  const what = links.length === 1 ? 'The link' : `All ${links.length} links`;
  ctx.stderr.write(
    tool !== null
      ? `${what} copied to the clipboard (${tool}).\n`
      : `No clipboard tool found (wl-copy, xclip, xsel, pbcopy or clip.exe); copy the ${links.length === 1 ? 'link' : 'links'} above.\n`,
  );
  if (tool !== null && shared !== undefined) recordShared(ctx, shared.db, shared.historyIds);
}

function recordShared(ctx: CliContext, db: KieDropDb, historyIds: readonly number[]): void {
  try {
    new LinkShareStore(db).record(historyIds, Date.now());
  } catch (err) {
    // The links are on the clipboard; only a later reminder is at stake.
    const why = err instanceof Error ? err.message : String(err);
    ctx.stderr.write(`kiedrop: the copy was not recorded for expiry reminders: ${why}\n`);
  }
}
