import type { FlagSpec, FlagSpecs } from './args';

// One table describes every command: the parser reads its flags and the help text is rendered from it,
// so the two cannot drift apart.

export interface OptionDoc extends FlagSpec {
  name: string;
  /** Placeholder shown in help for string options, e.g. "PATH". */
  value?: string;
  description: string;
}

export interface CommandDoc {
  /** As typed: "upload", "key set". */
  name: string;
  summary: string;
  usage: string;
  details?: string;
  options: readonly OptionDoc[];
  examples?: readonly string[];
}

/** Where uploads go on the server when --path is not given. */
export const DEFAULT_UPLOAD_PATH = 'kiedrop';

export const GLOBAL_OPTIONS: readonly OptionDoc[] = [
  {
    name: 'base-url',
    type: 'string',
    value: 'URL',
    description: 'Upload API base URL (env KIEDROP_BASE_URL).',
  },
  {
    name: 'credits-url',
    type: 'string',
    value: 'URL',
    description: 'Credits API base URL (env KIEDROP_CREDITS_URL).',
  },
  { name: 'help', type: 'boolean', short: 'h', description: 'Show help.' },
  { name: 'version', type: 'boolean', description: 'Print the version.' },
];

const JSON_OPTION: OptionDoc = {
  name: 'json',
  type: 'boolean',
  description: 'Print machine-readable JSON on stdout and nothing else there.',
};

export const COMMANDS: readonly CommandDoc[] = [
  {
    name: 'upload',
    summary: 'Upload local files and print their links.',
    usage: 'kiedrop upload <file…> [--path PATH] [--name NAME] [--base64] [--json]',
    details:
      'Files are streamed one after another. A file that fails is reported on stderr and the others still ' +
      'upload; the exit code is 1 if any failed. Uploaded files are deleted by the service after 3 days.',
    options: [
      {
        name: 'path',
        type: 'string',
        value: 'PATH',
        description: `Folder on the server (default "${DEFAULT_UPLOAD_PATH}").`,
      },
      {
        name: 'name',
        type: 'string',
        value: 'NAME',
        description: 'File name on the server (single file only).',
      },
      {
        name: 'base64',
        type: 'boolean',
        description: 'Send as Base64 JSON instead of a stream (files up to 10 MB).',
      },
      JSON_OPTION,
    ],
    examples: ['kiedrop upload photo.png', 'kiedrop upload *.jpg --path holidays --json'],
  },
  {
    name: 'upload-url',
    summary: 'Have the service fetch a file from a public URL.',
    usage: 'kiedrop upload-url <url> [--path PATH] [--name NAME] [--json]',
    details: 'The service downloads the URL itself (30 s limit, about 100 MB at most).',
    options: [
      {
        name: 'path',
        type: 'string',
        value: 'PATH',
        description: `Folder on the server (default "${DEFAULT_UPLOAD_PATH}").`,
      },
      { name: 'name', type: 'string', value: 'NAME', description: 'File name on the server.' },
      JSON_OPTION,
    ],
    examples: ['kiedrop upload-url https://example.com/cat.jpg --name cat.jpg'],
  },
  {
    name: 'credits',
    summary: 'Show the credits left on your account.',
    usage: 'kiedrop credits [--json]',
    options: [JSON_OPTION],
  },
  {
    name: 'key set',
    summary: 'Check an API key and save it in the system keychain.',
    usage: 'kiedrop key set [--no-verify]',
    details:
      'Reads the key from stdin when it is piped in, otherwise asks for it without echoing it. The key is ' +
      'checked with the credits call first and saved only if the API accepts it.',
    options: [
      { name: 'no-verify', type: 'boolean', description: 'Save the key without checking it with the API.' },
    ],
    examples: ['kiedrop key set', 'pass show kie | kiedrop key set'],
  },
  {
    name: 'key test',
    summary: 'Check that the API key in use works.',
    usage: 'kiedrop key test',
    details: 'Uses KIEDROP_API_KEY when it is set, otherwise the key in the system keychain.',
    options: [],
  },
  {
    name: 'key clear',
    summary: 'Remove the API key from the system keychain.',
    usage: 'kiedrop key clear',
    options: [],
  },
  {
    name: 'help',
    summary: 'Show help for a command.',
    usage: 'kiedrop help [command]',
    options: [],
  },
];

export const KEY_SUBCOMMANDS = ['set', 'test', 'clear'] as const;

export function findCommand(name: string): CommandDoc | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export function toFlagSpecs(options: readonly OptionDoc[]): FlagSpecs {
  const specs: Record<string, FlagSpec> = {};
  for (const o of options)
    specs[o.name] = o.short === undefined ? { type: o.type } : { type: o.type, short: o.short };
  return specs;
}

/** What the parser accepts for a command: its own options plus the global ones. */
export function flagSpecsFor(command: CommandDoc | undefined): FlagSpecs {
  return toFlagSpecs([...GLOBAL_OPTIONS, ...(command?.options ?? [])]);
}
