// A template that cannot be used is refused before anything is queued, with the template named, so
// the person knows which setting or flag to fix. Kind 'invalid-input', like any other bad name or path.
import { ApiError } from '../api/errors';

export type TemplateTarget = 'name' | 'path';

export function templateLabel(target: TemplateTarget): string {
  return target === 'name' ? 'name template' : 'upload path template';
}

export class NamingTemplateError extends ApiError {
  readonly template: string;
  readonly target: TemplateTarget;

  constructor(target: TemplateTarget, template: string, problem: string) {
    super('invalid-input', `The ${templateLabel(target)} "${template}" ${problem}`);
    this.name = 'NamingTemplateError';
    this.template = template;
    this.target = target;
  }
}
