// Everything the installers need, from what the running app knows about itself. Pure, so a test can
// drive it with a dev run's or a packaged app's facts; src/main/shell-integration.ts reads them from Electron.
import { appLauncher } from './launcher-path';
import type { CommandRunner, IntegrationTarget } from './types';

export interface TargetFacts {
  platform: NodeJS.Platform;
  /** process.execPath */
  execPath: string;
  /** process.defaultApp: true under `electron <folder>` (npm start). */
  defaultApp: boolean;
  /** app.getAppPath() */
  appPath: string;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  run?: CommandRunner;
  iconPath?: string;
}

export function shellIntegrationTarget(facts: TargetFacts): IntegrationTarget {
  const { exePath, exeArgs } = appLauncher(facts);
  return {
    platform: facts.platform,
    options: {
      exePath,
      exeArgs,
      home: facts.home,
      env: facts.env,
      run: facts.run,
      iconPath: facts.iconPath,
    },
  };
}
