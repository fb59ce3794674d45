// A job's error_params column (JSON text written by the queue) read back; NULL or damaged text reads as none.
import type { JobErrorParams } from '../../../shared/domain';

export function parseJobErrorParams(text: unknown): JobErrorParams | null {
  if (typeof text !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const params: JobErrorParams = {};
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
    return params;
  } catch {
    return null;
  }
}
