// Naming templates without Node: parsing, problems as codes (the window says them in the person's
// language), dates, and a synchronous expansion. The core adds the file's hash and the saved counter
// (src/main/core/naming); the Settings screen uses the same code for its preview, so the two agree.

export const TEMPLATE_VARIABLES = [
  'name',
  'ext',
  'date',
  'time',
  'random',
  'hash',
  'counter',
  'folder',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'var'; name: TemplateVariable; arg: string | undefined };

export type TemplateProblem =
  | { code: 'unknown-variable'; variable: string }
  | { code: 'unclosed-brace' }
  | { code: 'unopened-brace' }
  | { code: 'bad-length'; variable: 'hash' | 'random'; arg: string; max: number }
  | { code: 'empty-date' }
  | { code: 'no-argument'; variable: TemplateVariable; arg: string };

export const MAX_HASH_LENGTH = 64;
export const MAX_RANDOM_LENGTH = 32;
export const DEFAULT_RANDOM_LENGTH = 8;
export const DEFAULT_DATE_PATTERN = 'YYYY-MM-DD';
/** ':' is not allowed in file names on Windows, and looks odd in links, so times use '-'. */
export const TIME_PATTERN = 'HH-mm-ss';

function isVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

function lengthProblem(variable: 'hash' | 'random', arg: string | undefined): TemplateProblem | null {
  if (arg === undefined) return null;
  const max = variable === 'hash' ? MAX_HASH_LENGTH : MAX_RANDOM_LENGTH;
  const n = Number(arg);
  return /^\d+$/.test(arg) && n >= 1 && n <= max ? null : { code: 'bad-length', variable, arg, max };
}

/** Splits a template into text and variables, or names its first problem. */
export function scanTemplate(template: string): { parts: TemplatePart[] } | { problem: TemplateProblem } {
  const parts: TemplatePart[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) return { problem: { code: 'unopened-brace' } };
    if (open === -1) {
      parts.push({ kind: 'text', text: rest });
      break;
    }
    if (open > 0) parts.push({ kind: 'text', text: rest.slice(0, open) });
    const end = rest.indexOf('}', open);
    const nextOpen = rest.indexOf('{', open + 1);
    if (end === -1 || (nextOpen !== -1 && nextOpen < end)) return { problem: { code: 'unclosed-brace' } };
    const inner = rest.slice(open + 1, end);
    const colon = inner.indexOf(':');
    const name = colon === -1 ? inner : inner.slice(0, colon);
    const arg = colon === -1 ? undefined : inner.slice(colon + 1);
    if (!isVariable(name)) return { problem: { code: 'unknown-variable', variable: inner } };
    const problem =
      name === 'hash' || name === 'random'
        ? lengthProblem(name, arg)
        : name === 'date'
          ? arg === ''
            ? ({ code: 'empty-date' } as const)
            : null
          : arg !== undefined
            ? ({ code: 'no-argument', variable: name, arg } as const)
            : null;
    if (problem !== null) return { problem };
    parts.push({ kind: 'var', name, arg });
    rest = rest.slice(end + 1);
  }
  return { parts };
}

/** The problem in English, after 'The name template "…" '. */
export function templateProblemText(problem: TemplateProblem): string {
  switch (problem.code) {
    case 'unknown-variable':
      return `has an unknown variable {${problem.variable}}; use ${TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(', ')}.`;
    case 'unclosed-brace':
      return 'has a "{" that is not closed by "}".';
    case 'unopened-brace':
      return 'has a "}" without a "{" before it.';
    case 'bad-length':
      return `has {${problem.variable}:${problem.arg}}; the length after "${problem.variable}:" must be a whole number from 1 to ${problem.max}.`;
    case 'empty-date':
      return 'has {date:} with no date pattern.';
    case 'no-argument':
      return `has {${problem.variable}:${problem.arg}}, but {${problem.variable}} takes nothing after ":".`;
  }
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** YYYY, MM, DD, HH, mm and ss are replaced, in local time (the day and hour on the person's clock). */
export function formatDate(date: Date, pattern: string): string {
  return pattern.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => {
    switch (token) {
      case 'YYYY':
        return String(date.getFullYear()).padStart(4, '0');
      case 'MM':
        return two(date.getMonth() + 1);
      case 'DD':
        return two(date.getDate());
      case 'HH':
        return two(date.getHours());
      case 'mm':
        return two(date.getMinutes());
      default:
        return two(date.getSeconds());
    }
  });
}

/** What expansion needs, every costly fact asked for only when the template uses it. */
export interface SyncTemplateFacts {
  name: string;
  ext: string;
  now: Date;
  random: (length: number) => string;
  /** Full SHA-256 hex. */
  hash?: () => string;
  counter?: () => number;
  folder?: string;
}

/** A variable the facts cannot supply: {hash} without a file, {counter} without a database, {folder}. */
export class MissingFactError extends Error {
  readonly variable: 'hash' | 'counter' | 'folder';
  constructor(variable: 'hash' | 'counter' | 'folder') {
    super(`{${variable}} is not available`);
    this.variable = variable;
  }
}

export function expandParts(parts: readonly TemplatePart[], facts: SyncTemplateFacts): string {
  let counter: number | undefined;
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    switch (part.name) {
      case 'name':
        out += facts.name;
        break;
      case 'ext':
        out += facts.ext;
        break;
      case 'date':
        out += formatDate(facts.now, part.arg ?? DEFAULT_DATE_PATTERN);
        break;
      case 'time':
        out += formatDate(facts.now, TIME_PATTERN);
        break;
      case 'random':
        out += facts.random(part.arg === undefined ? DEFAULT_RANDOM_LENGTH : Number(part.arg));
        break;
      case 'hash':
        if (facts.hash === undefined) throw new MissingFactError('hash');
        out += facts.hash().slice(0, part.arg === undefined ? MAX_HASH_LENGTH : Number(part.arg));
        break;
      case 'counter':
        if (facts.counter === undefined) throw new MissingFactError('counter');
        // One number for the whole name, however often {counter} appears.
        counter ??= facts.counter();
        out += String(counter);
        break;
      case 'folder':
        if (facts.folder === undefined) throw new MissingFactError('folder');
        out += facts.folder;
        break;
    }
  }
  return out;
}
