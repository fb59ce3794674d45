// Turns validation issues into one sentence per problem, each naming the setting it is about.
import type { z } from 'zod';

function unknownKeyMessage(key: string): string {
  if (/key|token|secret|password/i.test(key)) {
    return `"${key}" is not a setting: the API key lives in the system keychain, never in the settings file.`;
  }
  return `"${key}" is not a setting KieDrop knows.`;
}

export function describeSettingsIssues(
  issues: readonly z.core.$ZodIssue[],
): { field: string | null; message: string }[] {
  const out: { field: string | null; message: string }[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: key, message: unknownKeyMessage(key) });
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
    const message = field === null ? issue.message : `Setting "${field}": ${issue.message}`;
    out.push({ field, message });
  }
  return out;
}
