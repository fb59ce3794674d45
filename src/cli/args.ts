import { UsageError } from './errors';

// A deliberately small parser: `--flag value`, `--flag=value`, boolean `--flag`, `-h`, and `--` to end
// options. Options and positionals may be mixed, as in most CLIs. Anything unknown is an error, because a
// mistyped flag silently ignored could upload to the wrong place.

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** One-letter alias, without the dash. */
  short?: string;
  /** A string option that may be given several times (each value is kept, in order). */
  repeatable?: boolean;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface ParsedArgs {
  /** Keyed by the long name without dashes. A repeatable string option holds its last value here. */
  flags: Record<string, string | boolean>;
  /** Every value of each repeatable string option, in the order given. */
  lists: Record<string, string[]>;
  positionals: string[];
}

function findShort(specs: FlagSpecs, letter: string): string | undefined {
  return Object.keys(specs).find((name) => specs[name]?.short === letter);
}

export function parseArgs(argv: readonly string[], specs: FlagSpecs, command?: string): ParsedArgs {
  const flags: Record<string, string | boolean> = {};
  const lists: Record<string, string[]> = {};
  const positionals: string[] = [];
  // For most options the last value wins (handy to override an alias); a repeatable one keeps them all.
  const setString = (name: string, spec: FlagSpec, value: string) => {
    if (spec.repeatable === true) (lists[name] ??= []).push(value);
    flags[name] = value;
  };

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;

    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    // A lone "-" is a positional by convention (often "stdin").
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }

    let name: string;
    let inlineValue: string | undefined;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      name = eq === -1 ? token.slice(2) : token.slice(2, eq);
      inlineValue = eq === -1 ? undefined : token.slice(eq + 1);
    } else {
      const long = token.length === 2 ? findShort(specs, token.slice(1)) : undefined;
      if (long === undefined) throw new UsageError(`unknown option ${token}`, command);
      name = long;
    }

    const spec = specs[name];
    if (spec === undefined) throw new UsageError(`unknown option --${name}`, command);

    if (spec.type === 'boolean') {
      if (inlineValue !== undefined) throw new UsageError(`--${name} does not take a value`, command);
      flags[name] = true;
      continue;
    }

    if (inlineValue !== undefined) {
      setString(name, spec, inlineValue);
      continue;
    }
    const next = argv[i + 1];
    // "--path --json" is almost certainly a forgotten value, not a path called "--json".
    if (next === undefined || (next.startsWith('--') && next.length > 2)) {
      throw new UsageError(`--${name} needs a value`, command);
    }
    setString(name, spec, next);
    i++;
  }

  return { flags, lists, positionals };
}

/** Reads a string flag the parser produced (booleans never land on string flags). */
export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable string option (empty when it was not given). */
export function listFlag(parsed: ParsedArgs, name: string): string[] {
  return parsed.lists[name] ?? [];
}

export function booleanFlag(parsed: ParsedArgs, name: string): boolean {
  return parsed.flags[name] === true;
}
