export { PinStore, type PinState, type BlockedScope, type KeepAliveOutcomeKind } from './pin-store';
export { pinEntry, unpinEntry, linkLocation, PinRefusedError, isPinRefusedError } from './pin-entry';
export {
  runKeepAlivePass,
  DEFAULT_KEEPALIVE_LEAD_HOURS,
  KEEPALIVE_LEASE_MS,
  type KeepAliveDeps,
  type KeepAliveOutcome,
  type KeepAliveReport,
  type KeepAliveRoute,
} from './keepalive-pass';
export { keepAliveSource, type KeepAliveSource } from './keepalive-source';
export { linkScope } from './link-scope';
export { withPins } from './entry-pins';
