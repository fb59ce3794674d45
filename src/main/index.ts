// The app's entry: either the bundled `kiedrop` command line (`KieDrop --cli -- …`, see cli-mode.ts), or
// the desktop app. Each is loaded only when it runs, so the command line never starts the app's parts.
import { cliModeArgs } from './cli-mode';

const cliArgs = cliModeArgs(process.argv, process.defaultApp === true);
if (cliArgs !== null) {
  const { runBundledCli } = await import('./bundled-cli');
  await runBundledCli(cliArgs);
} else {
  await import('./desktop-app');
}
