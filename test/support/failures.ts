// Calls that must fail: await them and hand back what they failed with, so a test can check the kind and
// the message a person would see. A call that succeeds instead fails the test, naming what was expected.
import { expect } from 'vitest';
import { ApiError } from '../../src/main/core/api/errors';

/** Awaits a call that must reject with an ApiError, and returns that error. */
export async function apiFailure(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the call to fail with an ApiError, but it succeeded');
}

/** Awaits a handler call that must reject, and returns the kind and message the window would get. */
export async function handlerFailure(call: unknown): Promise<{ kind: string; message: string }> {
  try {
    await call;
  } catch (err) {
    return { kind: (err as { kind: string }).kind, message: (err as Error).message };
  }
  throw new Error('expected the handler call to fail, but it succeeded');
}
