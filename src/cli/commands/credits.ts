import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import type { CliContext } from '../context';
import { EXIT_OK } from '../errors';
import { withSession } from '../session';

export async function runCredits(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const credits = await withSession(ctx, parsed, (s) => s.client.getCredits({ signal: ctx.signal }));
  ctx.stdout.write(
    booleanFlag(parsed, 'json') ? `${JSON.stringify({ credits })}\n` : `${credits} credits left.\n`,
  );
  return EXIT_OK;
}
