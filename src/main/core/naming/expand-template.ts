// Naming templates: `{date:YYYY-MM}/{name}-{hash:8}.{ext}` and the like. The parsing and expansion are
// shared with the Settings screen's preview (src/shared/naming-template.ts); here they get the real
// facts: a random source, the file's hash (read only when {hash} is used) and the saved counter.
import { randomBytes } from 'node:crypto';
import type { TemplatePart, TemplateVariable } from '../../../shared/naming-template';
import {
  expandParts,
  MissingFactError,
  scanTemplate,
  templateProblemText,
} from '../../../shared/naming-template';
import { missingFactCode, templateProblemCode } from './problem-code';
import type { TemplateTarget } from './template-error';
import { NamingTemplateError } from './template-error';

export { TEMPLATE_VARIABLES } from '../../../shared/naming-template';
export type { TemplatePart, TemplateVariable } from '../../../shared/naming-template';

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

/** Splits a template into text and variables; throws a NamingTemplateError naming the first problem. */
export function parseTemplate(template: string, target: TemplateTarget): TemplatePart[] {
  const scanned = scanTemplate(template);
  if ('problem' in scanned) {
    throw new NamingTemplateError(
      target,
      template,
      templateProblemText(scanned.problem),
      templateProblemCode(scanned.problem),
    );
  }
  return scanned.parts;
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

const MISSING: Record<MissingFactError['variable'], string> = {
  hash: 'uses {hash}, which needs a local file to read.',
  counter: 'uses {counter}, which is not available here.',
  folder: "uses {folder}, the watched folder's name, but this upload is not from a watched folder.",
};

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
  const needsHash = parts.some((p) => p.kind === 'var' && p.name === 'hash');
  const hex = needsHash && facts.hash !== undefined ? await facts.hash() : undefined;
  try {
    return expandParts(parts, {
      name: facts.name,
      ext: facts.ext,
      now: facts.now,
      random: facts.random ?? randomText,
      ...(hex === undefined ? {} : { hash: () => hex }),
      ...(facts.counter === undefined ? {} : { counter: facts.counter }),
      ...(facts.folder === undefined ? {} : { folder: facts.folder }),
    });
  } catch (err) {
    if (err instanceof MissingFactError)
      throw new NamingTemplateError(target, template, MISSING[err.variable], missingFactCode(err.variable));
    throw err;
  }
}
