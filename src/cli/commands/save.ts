import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createAgentRouter } from '../../main/core/api/proxy-agent';
import { downloadLink } from '../../main/core/copies';
import type { ParsedArgs } from '../args';
import { booleanFlag, stringFlag } from '../args';
import type { CliContext } from '../context';
import { withEngine } from '../engine-session';
import { CliFailure, EXIT_OK } from '../errors';
import { historyEntryFor, historyRef, oneHistoryIdArg } from '../record-ids';
import { resolveCliConfig } from '../session';
import { cliVersion } from '../version';

// `kiedrop save ID [--output PATH]`: downloads a live entry's link (no key: links are public) through the
// same proxy as uploads. The bytes land in a temporary file first, so a failed download leaves nothing
// under the chosen name; an existing file is never replaced.

const COMMAND = 'save';

async function kindOf(path: string): Promise<'file' | 'folder' | null> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return null;
  }
}

export async function runSave(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const ref = oneHistoryIdArg(parsed.positionals, COMMAND);
  const output = stringFlag(parsed, 'output');
  const json = booleanFlag(parsed, 'json');
  const config = resolveCliConfig(ctx, parsed);

  return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
    const entry = historyEntryFor(engine.history, ref);
    const who = `${historyRef(entry.id)} ${entry.fileName}`;
    if (entry.replacedBy !== null)
      throw new CliFailure(`Not saved: the link of ${who} now serves a newer upload.`);
    if (Date.parse(entry.expiresAt) <= ctx.now().getTime())
      throw new CliFailure(
        `Not saved: the link of ${who} has expired. \`kiedrop renew ${historyRef(entry.id)}\` makes a fresh one.`,
      );
    let target = resolve(output ?? entry.fileName);
    if ((await kindOf(target)) === 'folder') target = join(target, entry.fileName);
    if ((await kindOf(target)) !== null)
      throw new CliFailure(`Not saved: ${target} already exists. Choose another place with --output.`);
    const agents = createAgentRouter(config.proxy);
    let size: number;
    try {
      ({ size } = await downloadLink(entry.downloadUrl, target, {
        agents,
        expectedSize: entry.size,
        signal: ctx.signal,
        userAgent: `kiedrop-cli/${cliVersion()}`,
      }));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new CliFailure(`Not saved: ${who} could not be downloaded: ${why}`);
    } finally {
      agents.closeIdle();
    }
    if (json) {
      ctx.stdout.write(
        `${JSON.stringify({ id: entry.id, fileName: entry.fileName, path: target, size }, null, 2)}\n`,
      );
    } else {
      ctx.stdout.write(`Saved ${who} (${size} bytes) to ${target}\n`);
    }
    return EXIT_OK;
  });
}
