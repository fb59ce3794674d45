// A naming template's problem in the person's language: shown next to the field as it is typed, and
// for a template the app refused when it was saved.
import type { TemplateProblem } from '../../../../shared/naming-template';
import {
  MAX_HASH_LENGTH,
  MAX_RANDOM_LENGTH,
  scanTemplate,
  TEMPLATE_VARIABLES,
} from '../../../../shared/naming-template';
import type { TFunction } from '../../i18n/messages';

export const TEMPLATE_VARIABLE_LIST = TEMPLATE_VARIABLES.map((v) =>
  v === 'date' ? '{date:YYYY-MM-DD}' : v === 'random' || v === 'hash' ? `{${v}:N}` : `{${v}}`,
).join(', ');

export function templateProblemWords(problem: TemplateProblem, t: TFunction): string {
  switch (problem.code) {
    case 'unknown-variable':
      return t('settings.naming.unknownVariable', {
        variable: `{${problem.variable}}`,
        variables: TEMPLATE_VARIABLE_LIST,
      });
    case 'unclosed-brace':
      return t('settings.naming.unclosed', { open: '{', close: '}' });
    case 'unopened-brace':
      return t('settings.naming.unopened', { open: '{', close: '}' });
    case 'bad-length':
      return t('settings.naming.badLength', {
        variable: `{${problem.variable}:${problem.arg}}`,
        max: problem.variable === 'hash' ? MAX_HASH_LENGTH : MAX_RANDOM_LENGTH,
      });
    case 'empty-date':
      return t('settings.naming.emptyDate', { variable: '{date:}', example: '{date:YYYY-MM-DD}' });
    case 'no-argument':
      return t('settings.naming.noArgument', {
        variable: `{${problem.variable}:${problem.arg}}`,
        plain: `{${problem.variable}}`,
      });
  }
}

/** The template's problem in words, or null when it has none. */
export function templateProblemIn(template: string, t: TFunction): string | null {
  const scanned = scanTemplate(template);
  return 'problem' in scanned ? templateProblemWords(scanned.problem, t) : null;
}
