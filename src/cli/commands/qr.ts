// `kiedrop qr ID [--svg FILE]`: a history entry's link as a QR code, for opening it on a phone. Reads the
// history only: no key, nothing sent.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { qrSvg, qrText } from '../../shared/link-qr';
import type { ParsedArgs } from '../args';
import { stringFlag } from '../args';
import type { CliContext } from '../context';
import { withEngine } from '../engine-session';
import { CliFailure, EXIT_OK } from '../errors';
import { historyEntryFor, historyRef, oneHistoryIdArg } from '../record-ids';

const COMMAND = 'qr';

export async function runQr(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const ref = oneHistoryIdArg(parsed.positionals, COMMAND);
  const svgFile = stringFlag(parsed, 'svg');

  return withEngine(ctx, parsed, { needsKey: false }, async ({ engine }) => {
    const entry = historyEntryFor(engine.history, ref);
    const link = entry.downloadUrl;
    if (svgFile !== undefined) {
      const path = resolve(svgFile);
      try {
        await writeFile(path, await qrSvg(link));
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new CliFailure(`The QR code was not saved to ${path}: ${why}`);
      }
      ctx.stdout.write(
        `Saved the QR code of ${historyRef(entry.id)} ${entry.fileName} to ${path}\n${link}\n`,
      );
      return EXIT_OK;
    }
    // Black on white by ANSI colours on a terminal, so it scans on a dark background; plain text in a pipe.
    const code = await qrText(link, ctx.isTTY.stdout);
    ctx.stdout.write(`${code}\n${link}\n`);
    return EXIT_OK;
  });
}
