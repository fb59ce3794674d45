import { isPinRefusedError, pinEntry, unpinEntry, PinStore } from '../../main/core/keepalive';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import type { CliContext } from '../context';
import { withEngine } from '../engine-session';
import { CliFailure, EXIT_OK } from '../errors';
import { formatExpiry, formatLocalDateTime } from '../format';
import { historyEntryFor, historyRef, oneHistoryIdArg } from '../record-ids';

// `kiedrop pin ID` and `kiedrop unpin ID`: mark an entry so `kiedrop keepalive` (and the app, while it
// runs) upload it again to its own link before it expires. Pinning only records the wish; nothing is sent.

function oneId(parsed: ParsedArgs, command: string) {
  return oneHistoryIdArg(parsed.positionals, command);
}

export async function runPin(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const ref = oneId(parsed, 'pin');
  const json = booleanFlag(parsed, 'json');
  const followFile = booleanFlag(parsed, 'follow-file');
  return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
    const id = historyEntryFor(engine.history, ref).id;
    let pinned;
    try {
      pinned = pinEntry(engine.db, engine.history, id, { followFile, now: ctx.now().getTime() });
    } catch (err) {
      if (!isPinRefusedError(err)) throw err;
      throw new CliFailure(err.message.replace(/entry (\d+)/gu, 'entry h$1'));
    }
    const { entry, pin } = pinned;
    if (json) {
      ctx.stdout.write(
        `${JSON.stringify({ id: entry.id, pinned: true, followFile: pin.followFile, keptAliveCount: pin.keptAliveCount, downloadUrl: entry.downloadUrl, expiresAt: entry.expiresAt }, null, 2)}\n`,
      );
      return EXIT_OK;
    }
    const expires = new Date(entry.expiresAt);
    ctx.stdout.write(
      `Pinned ${historyRef(entry.id)} ${entry.fileName}: \`kiedrop keepalive\` or the app uploads it again to ` +
        `${entry.downloadUrl} before it expires (now ${formatLocalDateTime(expires)}, ` +
        `${formatExpiry(expires, ctx.now())}).\n` +
        (pin.followFile
          ? 'If the local file changes, the link will serve the new content.\n'
          : 'If the local file changes, the link keeps serving what it serves now.\n'),
    );
    return EXIT_OK;
  });
}

export async function runUnpin(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const ref = oneId(parsed, 'unpin');
  const json = booleanFlag(parsed, 'json');
  return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
    const entry = historyEntryFor(engine.history, ref);
    const was = unpinEntry(engine.db, entry.id);
    const count = new PinStore(engine.db).get(entry.id)?.keptAliveCount ?? 0;
    if (json) {
      ctx.stdout.write(
        `${JSON.stringify({ id: entry.id, pinned: false, wasPinned: was, keptAliveCount: count }, null, 2)}\n`,
      );
    } else if (was) {
      ctx.stdout.write(
        `Unpinned ${historyRef(entry.id)} ${entry.fileName}: its link expires ${formatLocalDateTime(new Date(entry.expiresAt))} ` +
          `unless renewed (it was kept alive ${count} time${count === 1 ? '' : 's'}).\n`,
      );
    } else {
      ctx.stdout.write(`${historyRef(entry.id)} ${entry.fileName} was not pinned; nothing changed.\n`);
    }
    return EXIT_OK;
  });
}
