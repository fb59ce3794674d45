// What the route handlers need from the running emulator.
import type { UploadDeps } from '../upload-result';

export interface RouteDeps extends UploadDeps {
  credits: () => number;
  urlFetchTimeoutMs: number;
  urlMaxBytes: number;
  /** Aborted on close(), so in-flight URL downloads stop. */
  shutdown: AbortSignal;
}
