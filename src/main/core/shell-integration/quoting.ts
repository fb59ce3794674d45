// Quoting an executable path for each place it is written. Every format has its own rules, and a
// path like "/opt/My Apps/KieDrop" or "C:\Program Files\KieDrop" must survive all of them.

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
