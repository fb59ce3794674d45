// Runs `kiedrop` inside the app (see cli-mode.ts): the same built tool as the npm package's, loaded from
// out/cli in the app, with this app as the program the right-click menu starts by default.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from 'electron';
import { appLauncher } from './core/shell-integration';

/** Waits until what was written to stdout and stderr has left, so exiting cuts nothing off. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

export async function runBundledCli(args: string[]): Promise<void> {
  // A command line tool has no Dock icon (macOS).
  app.dock?.hide();
  const entry = join(app.getAppPath(), 'out', 'cli', 'kiedrop.js');
  if (!existsSync(entry)) {
    process.stderr.write(`kiedrop: the command line tool is missing from this KieDrop (${entry}).\n`);
    app.exit(1);
    return;
  }
  const desktopApp = appLauncher({
    platform: process.platform,
    execPath: process.execPath,
    env: process.env,
    defaultApp: process.defaultApp === true,
    appPath: app.getAppPath(),
  });
  const cli = (await import(pathToFileURL(entry).href)) as {
    main(argv: readonly string[], host: { desktopApp: typeof desktopApp }): Promise<void>;
  };
  await cli.main(args, { desktopApp });
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  // Electron keeps running after the script ends (it waits for windows); the tool's exit code ends it.
  app.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}
