// Where a file goes when templates are set: the upload path template replaces the upload path, the
// name template replaces the file's own name. Both results are checked with the same validators the
// API client uses, so a template that expands to something the service would refuse fails here,
// before anything is queued or sent.
import { basename, extname } from 'node:path';
import { validateFileName, validateUploadPath } from '../api/validate-input';
import type { KieDropDb } from '../db';
import { sha256OfFile } from './content-hash';
import { nextCounter } from './counter-store';
import type { TemplateFacts } from './expand-template';
import { expandTemplate, parseTemplate } from './expand-template';
import { invalidResultCode } from './problem-code';
import type { TemplateTarget } from './template-error';
import { NamingTemplateError } from './template-error';

export interface NamingTemplates {
  /** Empty or undefined: the file keeps its own name. */
  nameTemplate?: string;
  /** Empty or undefined: the upload path is used as given. */
  pathTemplate?: string;
}

export interface NamingInput extends NamingTemplates {
  localPath: string;
  uploadPath: string;
  now: Date;
  folder?: string;
  db?: KieDropDb;
  random?: (length: number) => string;
}

function given(template: string | undefined): template is string {
  return template !== undefined && template.trim() !== '';
}

/** The file's name split the way {name} and {ext} see it: "photo.tar.gz" is "photo.tar" and "gz". */
export function nameParts(fileName: string): { name: string; ext: string } {
  const ext = extname(fileName);
  return { name: ext === '' ? fileName : fileName.slice(0, -ext.length), ext: ext.slice(1) };
}

function checkResult(target: TemplateTarget, template: string, result: string): void {
  try {
    if (target === 'name') validateFileName(result);
    else validateUploadPath(result);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new NamingTemplateError(
      target,
      template,
      `gives "${result}", which cannot be used: ${why}`,
      invalidResultCode(target, result, why),
    );
  }
}

/** Syntax only (unknown variables, bad lengths): for Settings and flags, before any file is known. */
export function checkTemplates(templates: NamingTemplates): void {
  if (given(templates.nameTemplate)) parseTemplate(templates.nameTemplate, 'name');
  if (given(templates.pathTemplate)) parseTemplate(templates.pathTemplate, 'path');
}

export function hasTemplates(templates: NamingTemplates): boolean {
  return given(templates.nameTemplate) || given(templates.pathTemplate);
}

export async function applyNamingTemplates(
  input: NamingInput,
): Promise<{ uploadPath: string; fileName: string }> {
  const own = basename(input.localPath);
  let hex: Promise<string> | undefined;
  const facts = (counterTarget: string): TemplateFacts => ({
    ...nameParts(own),
    now: input.now,
    ...(input.folder === undefined ? {} : { folder: input.folder }),
    // One read of the file however many templates use {hash}.
    hash: () => (hex ??= sha256OfFile(input.localPath)),
    ...(input.db === undefined ? {} : { counter: () => nextCounter(input.db as KieDropDb, counterTarget) }),
    ...(input.random === undefined ? {} : { random: input.random }),
  });
  let uploadPath = input.uploadPath;
  if (given(input.pathTemplate)) {
    uploadPath = await expandTemplate(input.pathTemplate, facts(`path\n${input.pathTemplate}`), 'path');
    checkResult('path', input.pathTemplate, uploadPath);
  }
  let fileName = own;
  if (given(input.nameTemplate)) {
    // Counted per folder it lands in, so each day's folder starts again at 1 with {date} in the path.
    fileName = await expandTemplate(
      input.nameTemplate,
      facts(`name\n${uploadPath}\n${input.nameTemplate}`),
      'name',
    );
    checkResult('name', input.nameTemplate, fileName);
  }
  return { uploadPath, fileName };
}
