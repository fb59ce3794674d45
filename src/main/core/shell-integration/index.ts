// Right-click "Share with KieDrop" for Explorer, Finder, Nautilus, Nemo and Dolphin, plus the
// "Open With" entry on Linux. Plain Node: file writes and reg.exe through an injected runner.
export { install, uninstall, status } from './integration';
export { repairStaleEntries } from './repair';
export type { RepairResult } from './repair';
export { appLauncher, launcherPath } from './launcher-path';
export type { Launcher } from './launcher-path';
export { shellIntegrationTarget } from './target';
export type { TargetFacts } from './target';
export { createExecFileRunner } from './exec-runner';
export { ShellIntegrationError, isShellIntegrationError } from './errors';
export type { ShellIntegrationErrorKind } from './errors';
export type {
  CommandResult,
  CommandRunner,
  IntegrationItemStatus,
  IntegrationOptions,
  IntegrationStatus,
  IntegrationTarget,
  ItemState,
} from './types';
export {
  desktopEntry,
  dolphinServiceMenu,
  MENU_LABEL,
  nautilusScript,
  nemoAction,
  OPEN_WITH_MIME_TYPES,
} from './linux-templates';
export type { TemplateInput } from './linux-templates';
export { macDocumentWflow, macInfoPlist, macShareCommand } from './macos-templates';
export {
  parseRegQueryDefault,
  WINDOWS_VERB_KEYS,
  windowsInstallArgs,
  windowsQueryArgs,
  windowsShareCommand,
  windowsUninstallArgs,
} from './windows-registry';
export { linuxItems, macItems, MAC_WORKFLOW_NAME, xdgDataHome } from './file-items';
export type { FileItem, FileSpec } from './file-items';
export {
  desktopExecCommand,
  escapeKeyFileValue,
  escapeXml,
  quoteDesktopExecArg,
  shellCommand,
  shellQuote,
  windowsCommand,
  windowsQuoteArg,
} from './quoting';
export {
  cliCommandPath,
  cliCommandScript,
  cliCommandStatus,
  installCliCommand,
  removeCliCommand,
} from './cli-command';
export type { CliCommandStatus } from './cli-command';
