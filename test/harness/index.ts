// The Chromium e2e harness (launch-harness.ts) and the page-less test app it is built on (test-app.ts).
export { launchHarness, CHROMIUM_ARGS, CHROMIUM_PATH } from './launch-harness';
export type { Harness, HarnessOptions } from './launch-harness';
export { DROP_DELIVER_FUNCTION, launchDropPage } from './drop-page';
export type { DropPage, DropPageOptions } from './drop-page';
export { startTestApp } from './test-app';
export type { SentEvent, TestApp, TestAppOptions } from './test-app';
export {
  ensureRendererBuilt,
  rendererIsStale,
  RENDERER_OUT_DIR,
  PROJECT_ROOT,
} from './ensure-renderer-built';
export { callApi, recordEvents, recordedEvents } from './page-api';
export type { ProgrammableDialogs, RecordingClipboard, RecordingShell } from './harness-adapters';
