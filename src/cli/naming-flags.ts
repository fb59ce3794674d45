// --name-template and --path-template: checked for misspelt variables before the key is looked up or
// any file is read; what they give for each file is checked when it is queued.
import { checkTemplates } from '../main/core/naming/apply-templates';
import type { ParsedArgs } from './args';
import { stringFlag } from './args';
import { UsageError } from './errors';

export interface NamingFlags {
  nameTemplate?: string;
  pathTemplate?: string;
}

export function namingFlags(parsed: ParsedArgs, command: string): NamingFlags {
  const nameTemplate = stringFlag(parsed, 'name-template');
  const pathTemplate = stringFlag(parsed, 'path-template');
  if (nameTemplate !== undefined && stringFlag(parsed, 'name') !== undefined) {
    throw new UsageError('--name and --name-template cannot be used together; choose one', command);
  }
  try {
    checkTemplates({ nameTemplate, pathTemplate });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), command);
  }
  return {
    ...(nameTemplate === undefined ? {} : { nameTemplate }),
    ...(pathTemplate === undefined ? {} : { pathTemplate }),
  };
}
