// The channel names as runtime values, for the preload and the test harness to build window.kiedrop from.
// Plain arrays on purpose: this file ends up in the sandboxed preload, so it must stay tiny and dependency-free.
// The type checks at the bottom fail the build if a channel is added to the contract but not here (or vice versa).
import type { EventChannel, InvokeChannel } from './ipc-contract';

export const INVOKE_CHANNELS = [
  'app:info',
  'app:ready',
  'key:state',
  'key:save',
  'key:clear',
  'key:open-page',
  'credits:get',
  'upload:files',
  'upload:url',
  'upload:pick',
  'jobs:list',
  'jobs:cancel',
  'jobs:cancel-all',
  'jobs:retry',
  'jobs:dismiss',
  'queue:pause',
  'queue:resume',
  'queue:state',
  'history:list',
  'history:failed',
  'history:delete',
  'history:clear-expired',
  'history:renew',
  'history:export',
  'history:copy-link',
  'history:open-link',
  'history:reveal-file',
  'history:thumbnail',
  'history:file-present',
  'history:start-drag',
  'history:preview',
  'history:pin',
  'history:unpin',
  'history:pin-state',
  'history:lifetime',
  'history:check',
  'history:save-copy',
  'settings:get',
  'settings:set',
  'clipboard:upload',
  'integration:status',
  'integration:install',
  'integration:uninstall',
  'cli:status',
  'cli:install',
  'cli:uninstall',
  'shortcut:state',
  'shortcut:set',
  'activity:get',
  'activity:copy-links',
  'activity:latest-link',
  'update:status',
  'update:open',
  'update:install-status',
  'update:download',
  'update:restart',
  'watch:list',
  'watch:preview',
  'watch:add',
  'watch:update',
  'watch:remove',
  'watch:pause',
  'watch:resume',
  'watch:screenshots',
  'location:pending',
  'location:answer',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = [
  'job',
  'progress',
  'history',
  'links-copied',
  'queue-state',
  'key-state',
  'credits',
  'show-entry',
  'notice',
  'settings',
  'watch',
  'update',
  'update-install',
  'link-checks',
  'location-question',
] as const satisfies readonly EventChannel[];

/** Events travel on their own IPC channel names, so they can never be mistaken for an invoke channel. */
export function eventWireChannel(event: EventChannel): string {
  return `event:${event}`;
}

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}

// Compile-time completeness: each resolves to `true` only when the arrays list every contract key.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const INVOKE_CHANNELS_COMPLETE: Exactly<(typeof INVOKE_CHANNELS)[number], InvokeChannel> = true;
export const EVENT_CHANNELS_COMPLETE: Exactly<(typeof EVENT_CHANNELS)[number], EventChannel> = true;
