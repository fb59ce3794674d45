// Quoting the program and its fixed arguments for each place they are written. Every format has its own
// rules, and a path like "/opt/My Apps/KieDrop" or "C:\Program Files\KieDrop" must survive all of them.

/** POSIX shell: single quotes keep everything literal; a quote itself is closed, escaped, reopened. */
export function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * One Exec argument under the Desktop Entry spec: inside double quotes, `"`, backquote, `$` and `\`
 * need a backslash, and a literal `%` is written `%%` so it is not read as a field code.
 * We always quote the program, as the spec allows, so spaces never split it.
 */
export function quoteDesktopExecArg(arg: string): string {
  const inner = arg.replace(/["`$\\]/g, (c) => `\\${c}`).replace(/%/g, '%%');
  return `"${inner}"`;
}

/**
 * A value in a desktop-entry-style key file (.desktop, .nemo_action): the file format itself
 * escapes backslashes and control characters, on top of any quoting inside the value.
 */
export function escapeKeyFileValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
}

/** XML text content (we write no attributes): quotes may stay as they are, which keeps it readable. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One argument after the program on a Windows command line, read back by CommandLineToArgvW (Electron
 * and Node both use its rules): backslashes are literal except before a quote, so those before a quote
 * and at the very end (before our closing quote) are doubled. `C:\dev\kiedrop\` stays a folder.
 */
export function windowsQuoteArg(arg: string): string {
  const inner = arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1');
  return `"${inner}"`;
}

/** The program and its fixed arguments for a POSIX shell line (Nautilus, Nemo, the Quick Action). */
export function shellCommand(exePath: string, exeArgs: readonly string[]): string {
  return [exePath, ...exeArgs].map(shellQuote).join(' ');
}

/** The program and its fixed arguments as the start of a Desktop Entry Exec value, before key-file escaping. */
export function desktopExecCommand(exePath: string, exeArgs: readonly string[]): string {
  return [exePath, ...exeArgs].map(quoteDesktopExecArg).join(' ');
}

/**
 * The program and its fixed arguments for a registry command line. The program itself is only wrapped
 * in quotes: Windows reads the first token up to the next quote, and no Windows path contains one.
 */
export function windowsCommand(exePath: string, exeArgs: readonly string[]): string {
  return [`"${exePath}"`, ...exeArgs.map(windowsQuoteArg)].join(' ');
}
