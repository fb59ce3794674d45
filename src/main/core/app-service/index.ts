// The app's handler table and its wiring, over the core. Plain Node: no Electron here.
export { openAppService } from './open-app-service';
export type { AppService, AppServiceOptions } from './open-app-service';
export { createHandlers } from './handlers';
export { createEventOutbox } from './event-outbox';
export type { EventOutbox, EventSend } from './event-outbox';
export { createEngineHost } from './engine-host';
export type { EngineHost } from './engine-host';
export { createKeyService, KEY_REJECTED_MESSAGE } from './key-service';
export type { KeyService, KeyServiceDeps } from './key-service';
export { currentKeyState, NO_KEY_MESSAGE } from './key-handlers';
export { IpcFailure, refusedArgumentError, scrubSecrets, toIpcError } from './ipc-failure';
export { forwardEngineEvents } from './forward-events';
export { createCreditsRefresher } from './credits-refresher';
export { createCopyOnUpload } from './copy-on-upload';
export { MAX_THUMBNAIL_SOURCE_BYTES } from './history-handlers';
export { createUploadActivity } from './upload-activity';
export type { UploadActivityTracker } from './upload-activity';
export { createShortcutService } from './shortcut-service';
export type { ShortcutService } from './shortcut-service';
export { createSummarizedBatches } from './summarized-batches';
export type { SummarizedBatches } from './summarized-batches';
export { clipboardImageDir } from './clipboard-handlers';
export { createWatchHost, createAppWatch } from './watch-host';
export type { WatchHost } from './watch-host';
export { watchOverview, folderView } from './watch-overview';
export { forwardWatchEvents, WATCH_EVENT_INTERVAL_MS } from './forward-watch-events';
export type {
  ClipboardAdapter,
  ClipboardSnapshot,
  DialogAdapter,
  HandlerDeps,
  NotifyAdapter,
  ShellAdapter,
  ShellIntegrationTarget,
  ThumbnailAdapter,
} from './types';
