// The stable code and params of each way a naming template can fail, for the window's and the
// notifications' words (error-messages-*.ts, `error.naming.*`). Variables are passed with their braces
// as params, since a message's own "{hash}" would be read as a placeholder.
import { uploadPathCode } from '../error-codes/api-error-code';
import type { TemplateProblem, TemplateVariable } from '../../../shared/naming-template';
import { TEMPLATE_VARIABLES } from '../../../shared/naming-template';
import type { NamingErrorParams, NamingProblemCode } from './template-error';

/** Every variable as a person would type it: "{name}, {ext}, {date:YYYY-MM-DD}, …". */
export const VARIABLE_LIST = TEMPLATE_VARIABLES.map((v) =>
  v === 'date' ? '{date:YYYY-MM-DD}' : v === 'random' || v === 'hash' ? `{${v}:N}` : `{${v}}`,
).join(', ');

const BRACES = { open: '{', close: '}' };

export function templateProblemCode(problem: TemplateProblem): NamingProblemCode {
  switch (problem.code) {
    case 'unknown-variable':
      return {
        code: 'naming.unknown-variable',
        params: { variable: `{${problem.variable}}`, variables: VARIABLE_LIST },
      };
    case 'unclosed-brace':
      return { code: 'naming.unclosed-brace', params: BRACES };
    case 'unopened-brace':
      return { code: 'naming.unopened-brace', params: BRACES };
    case 'bad-length':
      return {
        code: 'naming.bad-length',
        params: { variable: `{${problem.variable}:${problem.arg}}`, max: problem.max },
      };
    case 'empty-date':
      return { code: 'naming.empty-date', params: { variable: '{date:}', example: '{date:YYYY-MM-DD}' } };
    case 'no-argument':
      return {
        code: 'naming.no-argument',
        params: { variable: `{${problem.variable}:${problem.arg}}`, plain: `{${problem.variable}}` },
      };
  }
}

/** {hash}, {counter} or {folder} where the upload cannot supply it. */
export function missingFactCode(
  variable: Extract<TemplateVariable, 'hash' | 'counter' | 'folder'>,
): NamingProblemCode {
  return { code: `naming.needs-${variable}`, params: { variable: `{${variable}}` } };
}

/** validate-input.ts's sentences about a file name (it decides; this only names its reason). */
const FILE_NAME: ReadonlyArray<[RegExp, (m: RegExpExecArray) => NamingProblemCode]> = [
  [/The file name is empty\./u, () => ({ code: 'naming.result.empty' })],
  [/is not a usable file name/u, () => ({ code: 'naming.result.dot' })],
  [/contains "\/" or "\\"/u, () => ({ code: 'naming.result.slash' })],
  [/control character/u, () => ({ code: 'naming.result.control-char' })],
  [
    /too long \((\d+) bytes in UTF-8; at most (\d+)\)/u,
    (m) => ({ code: 'naming.result.too-long', params: { bytes: Number(m[1]), max: Number(m[2]) } }),
  ],
];

function fileNameReason(message: string): NamingProblemCode {
  for (const [pattern, make] of FILE_NAME) {
    const m = pattern.exec(message);
    if (m) return make(m);
  }
  return { code: 'input.invalid' };
}

/**
 * A template whose result the API would refuse: `naming.invalid-result` with the result, and the reason as
 * a coded cause (`cause` and `cause.<param>`), the way translate-error.ts says a reason in the person's
 * language. A path's reason is one of the upload path's own codes.
 */
export function invalidResultCode(
  target: 'name' | 'path',
  result: string,
  validatorMessage: string,
): NamingProblemCode {
  const reason =
    target === 'name'
      ? fileNameReason(validatorMessage)
      : (uploadPathCode(validatorMessage) ?? { code: 'input.invalid' });
  const params: NamingErrorParams = { result };
  params['cause'] = reason.code;
  for (const [name, value] of Object.entries(reason.params ?? {})) params[`cause.${name}`] = value;
  return { code: 'naming.invalid-result', params };
}
