export { applyNamingTemplates, checkTemplates, hasTemplates, nameParts } from './apply-templates';
export type { NamingInput, NamingTemplates } from './apply-templates';
export { expandTemplate, parseTemplate, usesVariable, TEMPLATE_VARIABLES } from './expand-template';
export type { TemplateFacts, TemplateVariable } from './expand-template';
export { formatDate } from '../../../shared/naming-template';
export { sha256OfFile } from './content-hash';
export { nextCounter } from './counter-store';
export { isNamingTemplateError, NamingTemplateError } from './template-error';
