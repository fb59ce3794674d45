import type { ParsedArgs } from './args';
import { stringFlag } from './args';
import { UsageError } from './errors';

// Whole-number flags and arguments (--limit 20, --concurrency 4, `renew 12`), checked strictly: "1e3",
// "4.5" or "" are refused with the accepted range rather than being rounded into something unexpected.

export function parseWholeNumber(
  text: string,
  what: string,
  range: { min: number; max?: number },
  command: string,
): number {
  const value = /^\d+$/u.test(text.trim()) ? Number(text.trim()) : NaN;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value < range.min || value > max) {
    const bounds = range.max === undefined ? `of ${range.min} or more` : `from ${range.min} to ${range.max}`;
    throw new UsageError(`${what} must be a whole number ${bounds} (got "${text}")`, command);
  }
  return value;
}

export function wholeNumberFlag(
  parsed: ParsedArgs,
  name: string,
  range: { min: number; max?: number },
  command: string,
): number | undefined {
  const text = stringFlag(parsed, name);
  return text === undefined ? undefined : parseWholeNumber(text, `--${name}`, range, command);
}
