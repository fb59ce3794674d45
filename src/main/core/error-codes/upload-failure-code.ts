// The code of anything an upload attempt can throw: the API client's failures, the database's, or
// something unforeseen ('internal', which the window shows by its English message).
import { isApiError } from '../api';
import { toDatabaseError } from '../db';
import { apiErrorCode } from './api-error-code';
import type { CodedError } from './api-error-code';

export function uploadFailureCode(err: unknown, knownPath: string | null = null): CodedError {
  if (isApiError(err)) return apiErrorCode(err, knownPath);
  const db = toDatabaseError(err);
  if (db) return { code: `db.${db.kind}` };
  return { code: 'internal' };
}
