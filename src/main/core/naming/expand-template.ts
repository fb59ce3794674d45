// Naming templates: `{date:YYYY-MM}/{name}-{hash:8}.{ext}` and the like. Parsing is separate from
// expanding so Settings and the command line can refuse a typo before any file is looked at.
import { randomBytes } from 'node:crypto';
import { DEFAULT_DATE_PATTERN, formatDate, TIME_PATTERN } from './date-pattern';
import type { TemplateTarget } from './template-error';
import { NamingTemplateError } from './template-error';

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

const MAX_HASH = 64;
const MAX_RANDOM = 32;
const DEFAULT_RANDOM = 8;

/** What a template is expanded from. Costly facts are functions, called only when used. */
export interface TemplateFacts {
  /** The file's name without its extension. */
  name: string;
  /** The extension without the dot; '' when the file has none. */
  ext: string;
  now: Date;
  /** The watched folder's own name; undefined for uploads not from a watched folder. */
  folder?: string;
  /** Full SHA-256 hex of the content; read once however often {hash} appears. */
  hash?: () => Promise<string>;
  /** The next counter value for this template's target. */
  counter?: () => number;
  /** N random characters; injectable so tests are repeatable. */
  random?: (length: number) => string;
}

function isVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

function lengthArg(
  target: TemplateTarget,
  template: string,
  name: string,
  arg: string | undefined,
  max: number,
): void {
  if (arg === undefined) return;
  const n = Number(arg);
  if (!/^\d+$/.test(arg) || n < 1 || n > max) {
    throw new NamingTemplateError(
      target,
      template,
      `has {${name}:${arg}}; the length after "${name}:" must be a whole number from 1 to ${max}.`,
    );
  }
}

/** Splits a template into text and variables; throws a NamingTemplateError naming the first problem. */
export function parseTemplate(template: string, target: TemplateTarget): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) {
      throw new NamingTemplateError(target, template, 'has a "}" without a "{" before it.');
    }
    if (open === -1) {
      parts.push({ kind: 'text', text: rest });
      break;
    }
    if (open > 0) parts.push({ kind: 'text', text: rest.slice(0, open) });
    const end = rest.indexOf('}', open);
    const nextOpen = rest.indexOf('{', open + 1);
    if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
      throw new NamingTemplateError(target, template, `has a "{" that is not closed by "}".`);
    }
    const inner = rest.slice(open + 1, end);
    const colon = inner.indexOf(':');
    const name = colon === -1 ? inner : inner.slice(0, colon);
    const arg = colon === -1 ? undefined : inner.slice(colon + 1);
    if (!isVariable(name)) {
      throw new NamingTemplateError(
        target,
        template,
        `has an unknown variable {${inner}}; use ${TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(', ')}.`,
      );
    }
    if (name === 'hash') lengthArg(target, template, name, arg, MAX_HASH);
    else if (name === 'random') lengthArg(target, template, name, arg, MAX_RANDOM);
    else if (name === 'date') {
      if (arg === '') throw new NamingTemplateError(target, template, 'has {date:} with no date pattern.');
    } else if (arg !== undefined) {
      throw new NamingTemplateError(
        target,
        template,
        `has {${inner}}, but {${name}} takes nothing after ":".`,
      );
    }
    parts.push({ kind: 'var', name, arg });
    rest = rest.slice(end + 1);
  }
  return parts;
}

export function usesVariable(template: string, target: TemplateTarget, name: TemplateVariable): boolean {
  return parseTemplate(template, target).some((p) => p.kind === 'var' && p.name === name);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomText(length: number): string {
  // Bytes from 252 (7 × 36) up are dropped, so every character is equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 252 && out.length < length) out += ALPHABET[byte % 36];
    }
  }
  return out;
}

/**
 * Expands a template. Does not check the result against the API's rules: applyNamingTemplates
 * does, knowing whether it is a name or a path.
 */
export async function expandTemplate(
  template: string,
  facts: TemplateFacts,
  target: TemplateTarget = 'name',
): Promise<string> {
  const parts = parseTemplate(template, target);
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
        out += (facts.random ?? randomText)(part.arg === undefined ? DEFAULT_RANDOM : Number(part.arg));
        break;
      case 'hash': {
        if (facts.hash === undefined) {
          throw new NamingTemplateError(target, template, 'uses {hash}, which needs a local file to read.');
        }
        const hex = await facts.hash();
        out += hex.slice(0, part.arg === undefined ? MAX_HASH : Number(part.arg));
        break;
      }
      case 'counter':
        if (facts.counter === undefined) {
          throw new NamingTemplateError(target, template, 'uses {counter}, which is not available here.');
        }
        counter ??= facts.counter();
        out += String(counter);
        break;
      case 'folder':
        if (facts.folder === undefined) {
          throw new NamingTemplateError(
            target,
            template,
            "uses {folder}, the watched folder's name, but this upload is not from a watched folder.",
          );
        }
        out += facts.folder;
        break;
    }
  }
  return out;
}
