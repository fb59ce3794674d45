// `npx tsx test/harness/serve.ts [--key] [--visible]`: the harness for manual poking. Starts the emulator,
// the app service and Chromium on the built renderer, prints where everything is, and runs until Ctrl-C.
// --key saves the emulator's key first (skips first run); --visible opens a window (needs a display).
import { launchHarness } from './launch-harness';

const args = new Set(process.argv.slice(2));
const emulatorKey = 'kie-test-key-0123456789abcdef';
const h = await launchHarness({
  headless: !args.has('--visible'),
  savedKey: args.has('--key') ? emulatorKey : undefined,
});
console.log(`page       ${h.url} (window.kiedrop works only in the harness's own browser)`);
console.log(`emulator   ${h.emulator.url} (key ${h.emulator.apiKey})`);
console.log(`data dir   ${h.dataDir}`);
console.log(`drop dir   ${h.dropDir}`);
console.log('Ctrl-C to stop.');
h.service.engine.on('job', (job) => console.log(`job ${job.id} ${job.fileName}: ${job.status}`));

let stopping = false;
process.on('SIGINT', () => {
  if (stopping) return;
  stopping = true;
  void h.close().then(() => process.exit(0));
});
