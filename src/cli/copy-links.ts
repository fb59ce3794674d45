import { copyWithSystemTool } from '../main/core/clipboard';
import { isLinkFormat } from '../main/core/links';
import type { LinkFormat } from '../main/core/links';
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

/** Copies `links` (one per line) and says on stderr whether, and with which tool, it worked. */
export async function copyLinks(ctx: CliContext, links: readonly string[]): Promise<void> {
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
}
