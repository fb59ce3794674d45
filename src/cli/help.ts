import { COMMAND_GROUPS, COMMANDS, findCommand, GLOBAL_OPTIONS } from './command-table';
import type { CommandDoc, OptionDoc } from './command-table';

const WRAP_WIDTH = 78;

/** Wraps prose at word boundaries so help reads well in an 80-column terminal. */
export function wrapText(text: string, width = WRAP_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function optionLabel(o: OptionDoc): string {
  const long = `--${o.name}${o.value === undefined ? '' : ` ${o.value}`}`;
  return o.short === undefined ? `    ${long}` : `-${o.short}, ${long}`;
}

function optionLines(options: readonly OptionDoc[]): string[] {
  const width = Math.max(...options.map((o) => optionLabel(o).length));
  return options.map((o) => `  ${optionLabel(o).padEnd(width)}  ${o.description}`);
}

function commandList(commands: readonly CommandDoc[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
}

export function topLevelHelp(): string {
  return [
    'kiedrop: upload files to the kie.ai File Upload API and get shareable links.',
    '',
    'Usage: kiedrop <command> [options]',
    '',
    'Commands:',
    ...commandList(COMMANDS),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Environment:',
    '  KIEDROP_API_KEY      Key for this run; beats the keychain, never saved.',
    '  KIEDROP_BASE_URL     Same as --base-url.',
    '  KIEDROP_CREDITS_URL  Same as --credits-url.',
    '  KIEDROP_DATA_DIR     Folder for the history and queue database (default: the',
    "                       desktop app's data folder, so both share them).",
    '  KIEDROP_DEBUG=1      Print stack traces for unexpected errors.',
    '  ELECTRON_EXEC_PATH   Electron runtime `integration` points the menu at',
    "                       (default: the electron package's, as `npm start`).",
    '  HTTPS_PROXY          Proxy for https:// hosts (HTTP_PROXY for http://,',
    '                       ALL_PROXY for both); NO_PROXY lists hosts to reach',
    '                       directly. Overridden by --proxy and --no-proxy.',
    '',
    'Run `kiedrop <command> --help` for details on one command.',
    '',
  ].join('\n');
}

const GROUP_INTROS: Readonly<Record<string, string>> = {
  key: 'Manage the API key kept in the system keychain.',
  integration: 'Add or remove "Share with KieDrop" in the file manager\'s right-click menu.',
};

/** `kiedrop key --help`, `kiedrop integration --help`: the group's subcommands. */
export function groupHelp(group: string): string | undefined {
  const subcommands = COMMAND_GROUPS.get(group);
  if (subcommands === undefined) return undefined;
  return [
    `Usage: kiedrop ${group} <${subcommands.join('|')}>`,
    '',
    GROUP_INTROS[group] ?? '',
    '',
    'Commands:',
    ...commandList(COMMANDS.filter((c) => c.name.startsWith(`${group} `))),
    '',
  ].join('\n');
}

export function commandHelp(name: string): string | undefined {
  const group = groupHelp(name);
  if (group !== undefined) return group;
  const command = findCommand(name);
  if (command === undefined) return undefined;
  const lines = [`Usage: ${command.usage}`, '', command.summary];
  if (command.details !== undefined) lines.push('', ...wrapText(command.details));
  if (command.options.length > 0) lines.push('', 'Options:', ...optionLines(command.options));
  lines.push('', 'Global options:', ...optionLines(GLOBAL_OPTIONS));
  if (command.examples !== undefined && command.examples.length > 0) {
    lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  }
  lines.push('');
  return lines.join('\n');
}
