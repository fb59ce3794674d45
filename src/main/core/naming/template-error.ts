// A template that cannot be used is refused before anything is queued, with the template named, so
// the person knows which setting or flag to fix. Kind 'invalid-input', like any other bad name or path;
// it also carries a stable code (`naming.*`) and params, so the window says it in the person's language.
import { ApiError } from '../api/errors';

export type TemplateTarget = 'name' | 'path';

export function templateLabel(target: TemplateTarget): string {
  return target === 'name' ? 'name template' : 'upload path template';
}

export type NamingErrorParams = Record<string, string | number>;

/** The code and params of a template problem: `template` and `target` are added by the error itself. */
export interface NamingProblemCode {
  code: string;
  params?: NamingErrorParams;
}

export class NamingTemplateError extends ApiError {
  readonly template: string;
  readonly target: TemplateTarget;
  /** `naming.<problem>` (e.g. `naming.unknown-variable`) with its params. Not named `code`, which
   * readers of errno-style errors would take for a system error code. */
  readonly coded: { code: string; params: NamingErrorParams };

  constructor(target: TemplateTarget, template: string, problem: string, coded: NamingProblemCode) {
    super('invalid-input', `The ${templateLabel(target)} "${template}" ${problem}`);
    this.name = 'NamingTemplateError';
    this.template = template;
    this.target = target;
    this.coded = { code: coded.code, params: { ...coded.params, template, target } };
  }
}

export function isNamingTemplateError(err: unknown): err is NamingTemplateError {
  return err instanceof NamingTemplateError;
}
