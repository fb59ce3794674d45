import { isApiError } from '../../main/core/api/errors';
import { ENV_API_KEY } from '../../main/core/config';
import { keyHint, normalizeApiKey } from '../../main/core/secrets';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import type { CliContext } from '../context';
import { CliFailure, EXIT_OK } from '../errors';
import { readHiddenLine, readPipedInput } from '../prompt';
import { clientFor, keyLabel, resolveCliConfig, withSession } from '../session';

export const KEY_REJECTED_MESSAGE = 'That key was rejected by the API; nothing was saved.';

async function readKey(ctx: CliContext): Promise<string> {
  if (ctx.isTTY.stdin) {
    return readHiddenLine({
      input: ctx.stdin,
      output: ctx.stderr,
      prompt: 'kie.ai API key (input hidden): ',
    });
  }
  return readPipedInput(ctx.stdin);
}

export async function runKeySet(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const config = resolveCliConfig(ctx, parsed);
  const store = ctx.secretStore();

  // Ask for the key only if it can be kept: typing a secret just to hear "cannot save" is a waste.
  const status = await store.status();
  if (!status.available) throw new CliFailure(status.reason);

  const key = normalizeApiKey(await readKey(ctx));

  if (!booleanFlag(parsed, 'no-verify')) {
    const client = clientFor(config, key);
    try {
      await client.getCredits({ signal: ctx.signal });
    } catch (err) {
      if (isApiError(err) && err.kind === 'auth') throw new CliFailure(KEY_REJECTED_MESSAGE);
      if (isApiError(err) && err.kind !== 'aborted') {
        throw new CliFailure(
          `Could not check the key: ${err.message} Nothing was saved; use --no-verify to save it without checking.`,
        );
      }
      throw err;
    } finally {
      client.close();
    }
  }

  await store.setKey(key);
  ctx.stdout.write(`API key saved in the system keychain (${keyHint(key)}).\n`);
  if (config.envApiKey !== null) {
    ctx.stderr.write('Note: KIEDROP_API_KEY is set in this shell, and it wins over the saved key.\n');
  }
  return EXIT_OK;
}

export async function runKeyTest(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  return withSession(ctx, parsed, async (session) => {
    // A 401 here becomes the "rejected" message in withSession.
    const credits = await session.client.getCredits({ signal: ctx.signal });
    ctx.stdout.write(`${keyLabel(session)} works: ${credits} credits left.\n`);
    return EXIT_OK;
  });
}

export async function runKeyClear(ctx: CliContext): Promise<number> {
  const removed = await ctx.secretStore().clearKey();
  ctx.stdout.write(removed ? 'API key removed from the system keychain.\n' : 'No API key was stored.\n');
  if ((ctx.env[ENV_API_KEY] ?? '').trim() !== '') {
    ctx.stderr.write('Note: KIEDROP_API_KEY is still set in this shell.\n');
  }
  return EXIT_OK;
}
