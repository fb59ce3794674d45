import { isApiError } from '../main/core/api/errors';
import { createKeychainStore, isKeychainError } from '../main/core/secrets';
import { isConfigError } from '../main/core/config';
import { booleanFlag, parseArgs } from './args';
import type { ParsedArgs } from './args';
import { COMMAND_GROUPS, COMMANDS, findCommand, flagSpecsFor, GLOBAL_OPTIONS } from './command-table';
import { toDatabaseError } from '../main/core/db/database-error';
import { explainClosedOutputAtExit } from './closed-output';
import type { CliContext } from './context';
import type { Launcher } from '../main/core/shell-integration';
import { CliFailure, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { ANY_ADDRESS, cliWording } from './cli-wording';
import { apiErrorCode } from '../main/core/error-codes/api-error-code';
import { guardOutput } from './guarded-output';
import { quickLibsqlTarget } from './quick-libsql-target';
import { markStep, startStepTimings } from './step-timings';
import { commandHelp, topLevelHelp } from './help';
import { suggestCommand } from './suggest-command';
import { ENV_NOW_OFFSET_MS } from './test-knobs';
import { cliVersion } from './version';

type Runner = (ctx: CliContext, parsed: ParsedArgs) => Promise<number>;

/** A command whose code loads libsql: its native package is looked up the quick way first. */
function opensDatabase(load: () => Promise<Runner>): () => Promise<Runner> {
  return () => {
    quickLibsqlTarget();
    return load();
  };
}

// Each command's code (and the database, keychain and HTTP modules behind it) loads only when that command
// runs, so `kiedrop --version` and `--help` start in a few tens of milliseconds.
const RUNNERS: Readonly<Record<string, () => Promise<Runner>>> = {
  upload: opensDatabase(async () => (await import('./commands/upload')).runUpload),
  'upload-url': opensDatabase(async () => (await import('./commands/upload-url')).runUploadUrl),
  share: opensDatabase(async () => (await import('./commands/share')).runShare),
  history: opensDatabase(async () => (await import('./commands/history')).runHistory),
  renew: opensDatabase(async () => (await import('./commands/renew')).runRenew),
  check: opensDatabase(async () => (await import('./commands/check')).runCheck),
  save: opensDatabase(async () => (await import('./commands/save')).runSave),
  qr: opensDatabase(async () => (await import('./commands/qr')).runQr),
  queue: opensDatabase(async () => (await import('./commands/queue')).runQueue),
  export: opensDatabase(async () => (await import('./commands/export')).runExport),
  watch: opensDatabase(async () => (await import('./commands/watch')).runWatch),
  pin: opensDatabase(async () => (await import('./commands/pin')).runPin),
  unpin: opensDatabase(async () => (await import('./commands/pin')).runUnpin),
  keepalive: opensDatabase(async () => (await import('./commands/keepalive')).runKeepalive),
  credits: async () => (await import('./commands/credits')).runCredits,
  'key set': async () => (await import('./commands/key')).runKeySet,
  'key test': async () => (await import('./commands/key')).runKeyTest,
  'key clear': async () => (await import('./commands/key')).runKeyClear,
  'integration install': async () => (await import('./commands/integration')).runIntegrationInstall,
  'integration remove': async () => (await import('./commands/integration')).runIntegrationRemove,
  'integration status': async () => (await import('./commands/integration')).runIntegrationStatus,
};

/** "set, test or clear" */
function listWords(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * Test hook: integration tests point the CLI at a throw-away keychain entry with this variable so they
 * never read or overwrite the user's real key. Not documented in --help on purpose.
 */
export const KEYCHAIN_SERVICE_ENV = 'KIEDROP_KEYCHAIN_SERVICE';

const GLOBAL_VALUE_FLAGS = new Set(
  GLOBAL_OPTIONS.filter((o) => o.type === 'string').map((o) => `--${o.name}`),
);

/** The leading words that name the command ("upload", "key set"), skipping global options and their values. */
function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const token = argv[i] as string;
    if (token === '--') break;
    if (token.startsWith('-') && token !== '-') {
      if (GLOBAL_VALUE_FLAGS.has(token)) i++;
      continue;
    }
    words.push(token);
  }
  return words;
}

async function dispatch(argv: readonly string[], ctx: CliContext): Promise<number> {
  const words = commandWords(argv);
  const first = words[0];

  if (first === undefined) {
    const parsed = parseArgs(argv, flagSpecsFor(undefined));
    if (booleanFlag(parsed, 'version')) {
      ctx.stdout.write(`kiedrop ${cliVersion()}\n`);
      return EXIT_OK;
    }
    if (booleanFlag(parsed, 'help')) {
      ctx.stdout.write(topLevelHelp());
      return EXIT_OK;
    }
    ctx.stderr.write(topLevelHelp());
    return EXIT_USAGE;
  }

  if (first === 'help') {
    const topic = argv
      .filter((t) => !t.startsWith('-'))
      .slice(1)
      .join(' ');
    if (topic === '') {
      ctx.stdout.write(topLevelHelp());
      return EXIT_OK;
    }
    const text = commandHelp(topic);
    if (text === undefined) throw new UsageError(`no help for "${topic}": unknown command`);
    ctx.stdout.write(text);
    return EXIT_OK;
  }

  let name = first;
  const group = COMMAND_GROUPS.get(first);
  if (group !== undefined) {
    const sub = words[1];
    if (sub === undefined || !group.includes(sub)) {
      const parsed = parseArgs(argv, flagSpecsFor(undefined), first);
      if (sub === undefined && booleanFlag(parsed, 'help')) {
        ctx.stdout.write(commandHelp(first) ?? '');
        return EXIT_OK;
      }
      throw new UsageError(
        sub === undefined
          ? `\`kiedrop ${first}\` needs a subcommand: ${listWords(group)}`
          : `unknown ${first} command "${sub}"`,
        first,
      );
    }
    name = `${first} ${sub}`;
  }

  const command = findCommand(name);
  const loadRunner = RUNNERS[name];
  if (command === undefined || loadRunner === undefined) {
    const known = [...new Set([...COMMANDS.map((c) => c.name.split(' ')[0] as string), 'help'])];
    const guess = suggestCommand(first, known);
    throw new UsageError(`unknown command "${first}"${guess === null ? '' : `; did you mean "${guess}"?`}`);
  }

  const parsed = parseArgs(argv, flagSpecsFor(command), name);
  // Drop the command words themselves; what is left are the command's own arguments.
  parsed.positionals = parsed.positionals.slice(name.split(' ').length);

  if (booleanFlag(parsed, 'help')) {
    ctx.stdout.write(commandHelp(name) ?? '');
    return EXIT_OK;
  }
  if (booleanFlag(parsed, 'version')) {
    ctx.stdout.write(`kiedrop ${cliVersion()}\n`);
    return EXIT_OK;
  }
  const runner = await loadRunner();
  markStep('command loaded');
  return runner(ctx, parsed);
}

/** Runs one CLI invocation and returns the exit code. Every failure becomes one line on stderr. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  try {
    return await dispatch(argv, ctx);
  } catch (err) {
    return reportError(err, ctx);
  }
}

function reportError(err: unknown, ctx: CliContext): number {
  // The core's messages may point at the app's Settings; here the fix is a flag, picked by the error's code.
  const coded = isApiError(err) ? apiErrorCode(err) : null;
  const say = (line: string): void => {
    ctx.stderr.write(`kiedrop: ${cliWording(line, coded, ANY_ADDRESS)}\n`);
  };
  if (ctx.signal.aborted || (isApiError(err) && err.kind === 'aborted')) {
    say('cancelled.');
    return EXIT_INTERRUPTED;
  }
  if (err instanceof UsageError) {
    const help = err.command === undefined ? 'kiedrop --help' : `kiedrop ${err.command} --help`;
    say(`${err.message} (see \`${help}\`)`);
    return EXIT_USAGE;
  }
  if (err instanceof CliFailure) {
    say(err.message);
    return err.exitCode;
  }
  // Locked, full, corrupt, read-only or unreadable: the message already says what to do.
  const dbErr = toDatabaseError(err);
  if (dbErr !== null) {
    say(dbErr.message);
    return EXIT_FAILURE;
  }
  if (isConfigError(err)) {
    say(err.message);
    return EXIT_USAGE;
  }
  if (isApiError(err) || isKeychainError(err)) {
    say(err.message);
    return EXIT_FAILURE;
  }
  const message = err instanceof Error ? err.message : String(err);
  say(`unexpected error: ${message}`);
  if (ctx.env['KIEDROP_DEBUG'] === '1' && err instanceof Error && err.stack !== undefined) {
    ctx.stderr.write(`${err.stack}\n`);
  } else {
    ctx.stderr.write('Set KIEDROP_DEBUG=1 to see the details.\n');
  }
  return EXIT_FAILURE;
}

/**
 * Binds the real process: streams, environment, terminal, Ctrl-C. Called by bin/kiedrop.js, and by the
 * installed app started as `KieDrop --cli -- …` (which passes its own arguments and program).
 */
export async function main(
  argv: readonly string[] = process.argv.slice(2),
  host: { desktopApp?: Launcher } = {},
): Promise<void> {
  startStepTimings(process.env);
  markStep('cli loaded');
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    // First Ctrl-C cancels cleanly; a second one means "now".
    if (++interrupts > 1) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  });

  const stdout = guardOutput(process.stdout);
  // With `2>&1 | head -1` stderr goes too; there is nobody left to tell, so that is only kept quiet.
  process.stderr.on('error', () => undefined);

  const service = process.env[KEYCHAIN_SERVICE_ENV];
  // Test-only clock shift (see test-knobs.ts); a malformed value is reported when a command reads it.
  const offset = Number(process.env[ENV_NOW_OFFSET_MS] ?? 0);
  const nowOffset = Number.isSafeInteger(offset) ? offset : 0;
  const ctx: CliContext = {
    stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    isTTY: {
      stdin: process.stdin.isTTY === true,
      stdout: process.stdout.isTTY === true,
      stderr: process.stderr.isTTY === true,
    },
    // 0 when the size is unknown (some pseudo-terminals): assume the classic 80.
    columns: process.stderr.columns || 80,
    now: () => new Date(Date.now() + nowOffset),
    signal: controller.signal,
    secretStore: () => createKeychainStore(service === undefined || service === '' ? {} : { service }),
    stdoutLost: stdout.lostCode,
    desktopApp: host.desktopApp,
  };
  const code = await runCli(argv, ctx);
  // A failed write is reported a tick later: let it arrive before the last word.
  await new Promise<void>((resolve) => setImmediate(resolve));
  explainClosedOutputAtExit(ctx, code);
  process.exitCode = code;
}
