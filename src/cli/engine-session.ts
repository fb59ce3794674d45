import { homedir } from 'node:os';
import { allowBlockingSmallFileIo } from '../main/core/api/blocking-io';
import { openEngine } from '../main/core/engine';
import type { Engine } from '../main/core/engine';
import { defaultDataDir } from '../main/core/paths';
import type { ParsedArgs } from './args';
import { savedLinkLifetimeHours } from './saved-link-lifetime';
import { cliLocationPolicy } from './location-note';
import type { CliContext } from './context';
import { resolveApiKey, resolveCliConfig } from './session';
import type { ResolvedKey } from './session';
import { markStep } from './step-timings';
import { readLeaseMs, readTestKnobs, readTimeoutKnobs } from './test-knobs';
import { cliVersion } from './version';

// The CLI opens the same engine (database, history, queue) as the desktop app, on the same data folder,
// so uploads started in a terminal show up in the app and `kiedrop queue --resume` finishes the app's work.

export interface CliEngine {
  engine: Engine;
  /** Null for commands that only read or edit records and never upload. */
  key: ResolvedKey | null;
}

export interface CliEngineOptions {
  /** Look up the API key first (and fail before touching the database if there is none). */
  needsKey: boolean;
  concurrency?: number;
  /** --keep-metadata was given: a photo sent with its GPS position needs no note. */
  keepsMetadata?: boolean;
}

export function cliDataDir(ctx: CliContext): string {
  return defaultDataDir(ctx.env, process.platform, homedir());
}

export async function openCliEngine(
  ctx: CliContext,
  parsed: ParsedArgs,
  opts: CliEngineOptions,
): Promise<CliEngine> {
  const config = resolveCliConfig(ctx, parsed);
  const knobs = readTestKnobs(ctx.env);
  const timeouts = readTimeoutKnobs(ctx.env);
  const key = opts.needsKey ? await resolveApiKey(ctx, config) : null;
  const lifetimeHours = savedLinkLifetimeHours(cliDataDir(ctx));
  // No window to keep responsive: small files are read in blocking calls, a tenth of the CPU each.
  allowBlockingSmallFileIo();
  const engine = openEngine({
    dataDir: cliDataDir(ctx),
    linkLifetimeHours: () => lifetimeHours,
    endpoints: config.endpoints,
    // One run uses one key: reading the keychain before every attempt would cost a D-Bus round trip
    // per file, and a key saved meanwhile is picked up by `kiedrop queue --resume`.
    getApiKey: async () => key?.apiKey ?? null,
    now: () => ctx.now().getTime(),
    concurrency: opts.concurrency,
    retry: knobs.retry,
    leaseMs: readLeaseMs(ctx.env),
    // The engine calls the idle limit "stall": no byte could be sent (or no connection made).
    stallTimeoutMs: timeouts.idleTimeoutMs,
    responseTimeoutMs: timeouts.responseTimeoutMs,
    userAgent: `kiedrop-cli/${cliVersion()}`,
    proxy: config.proxy,
    // Never a prompt: the saved "Pictures with a location" is followed, and a note says when a photo
    // goes up with its position because it was never chosen.
    location: cliLocationPolicy(
      cliDataDir(ctx),
      (line) => ctx.stderr.write(line),
      opts.keepsMetadata === true,
    ),
  });
  markStep('database open');
  const recovered = engine.db.recovered;
  if (recovered !== null) {
    ctx.stderr.write(
      `kiedrop: warning: the database could not be used because ${recovered.reason}; ` +
        `it was moved to ${recovered.movedTo} and a fresh one was started.\n`,
    );
  }
  // The daily integrity check runs in the background (commands that end within seconds never start it).
  void engine.db.integrityCheck.then((outcome) => {
    if (outcome.status === 'failed') ctx.stderr.write(`kiedrop: warning: ${outcome.message}\n`);
  });
  return { engine, key };
}

/** Runs `run` with an open engine and always closes it: in-flight uploads go back to the queue. */
export async function withEngine<T>(
  ctx: CliContext,
  parsed: ParsedArgs,
  opts: CliEngineOptions,
  run: (session: CliEngine) => Promise<T>,
): Promise<T> {
  const session = await openCliEngine(ctx, parsed, opts);
  try {
    return await run(session);
  } finally {
    await session.engine.close();
    markStep('database closed');
  }
}
