// `npm run emulator`: runs the File Upload API emulator until Ctrl-C.
//   --port <n>      default 8787 (0 picks a free port)
//   --host <addr>   default 127.0.0.1
//   --key <key>     accepted API key; repeat for several (default: the built-in test key)
//   --storage <dir> keep uploads here (default: a temp dir removed on exit)
//   --credits <n>   balance reported by the credits endpoint (default 100)
//   --lifetime-ms <n>   how long files live (default 3 days)
//   --keep-clock-on-overwrite   an overwrite does not restart a file's lifetime (default: it does)
//   --cdn-delay-ms <n>  old bytes served for this long after an overwrite (default 0)
//   --link-root <name>  first folder of every filePath (default kieai); another gives the same name a new link
//   --verbose       print one line per request
import { parseArgs } from 'node:util';
import type { RequestLogEntry } from './types';
import { startEmulator } from './emulator';

function parseCli() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        key: { type: 'string', multiple: true },
        storage: { type: 'string' },
        credits: { type: 'string' },
        'lifetime-ms': { type: 'string' },
        'keep-clock-on-overwrite': { type: 'boolean', default: false },
        'cdn-delay-ms': { type: 'string' },
        'link-root': { type: 'string' },
        verbose: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be 0..65535, got "${values.port}"`);
    const credits = values.credits === undefined ? undefined : Number(values.credits);
    if (credits !== undefined && !Number.isFinite(credits))
      throw new Error(`--credits must be a number, got "${values.credits}"`);
    const ms = (name: 'lifetime-ms' | 'cdn-delay-ms') => {
      const text = values[name];
      if (text === undefined) return undefined;
      const n = Number(text);
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number of ms, got "${text}"`);
      return n;
    };
    const root = values['link-root'];
    if (root !== undefined && !/^[A-Za-z0-9_-]+$/.test(root))
      throw new Error(`--link-root must be one folder name of letters, digits, - or _, got "${root}"`);
    const links = {
      ...(ms('lifetime-ms') !== undefined && { lifetimeMs: ms('lifetime-ms') }),
      ...(ms('cdn-delay-ms') !== undefined && { cdnDelayMs: ms('cdn-delay-ms') }),
      ...(values['keep-clock-on-overwrite'] && { overwriteRestartsClock: false }),
      ...(values['link-root'] !== undefined && { linkRoot: values['link-root'] }),
    };
    return { ...values, port, credits, links };
  } catch (err) {
    console.error(`emulator: ${(err as Error).message}`);
    console.error(
      'Usage: npm run emulator -- [--port 8787] [--host 127.0.0.1] [--key KEY]... [--storage DIR] [--credits N]\n' +
        '         [--lifetime-ms N] [--keep-clock-on-overwrite] [--cdn-delay-ms N] [--link-root NAME]\n' +
        '         [--verbose]',
    );
    process.exit(2);
  }
}

function describe(e: RequestLogEntry): string {
  const fault = e.fault ? `  fault: ${e.fault}` : '';
  return `${e.method} ${e.path} → ${e.status || 'no response'}  ${Math.round(e.durationMs)} ms  ${e.bodyBytes} B in${fault}`;
}

const args = parseCli();
const emulator = await startEmulator({
  port: args.port,
  host: args.host,
  apiKeys: args.key,
  storageDir: args.storage,
  credits: args.credits,
  links: args.links,
  onRequest: args.verbose ? (entry) => console.log(describe(entry)) : undefined,
});

// The first line is parsed by scripts (URL and key); keep its shape.
console.log(`KieDrop API emulator on ${emulator.url}  key: ${emulator.apiKey}`);
console.log(
  `Point the CLI at it: KIEDROP_BASE_URL=${emulator.url} KIEDROP_CREDITS_URL=${emulator.url} KIEDROP_API_KEY=${emulator.apiKey} kiedrop …`,
);
console.log(`Uploads are stored in ${emulator.storageDir}. Press Ctrl-C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
