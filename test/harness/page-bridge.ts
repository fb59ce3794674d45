// The harness's stand-in for the preload: a script run in the page before its own code that defines
// window.kiedrop with the same named functions (from the same channel list and methodName()). Calls go
// to the Node side through a Playwright binding; events come back through window.__kiedropDeliver.
// Kept as source text (not a serialized function) so no transpiler helper can leak into the page.
import { sep } from 'node:path';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../src/shared/ipc-channels';
import { methodName } from '../../src/shared/ipc-contract';

export const INVOKE_BINDING = '__kiedropInvoke';
export const DELIVER_FUNCTION = '__kiedropDeliver';
/** Sent by the bridge as each new document starts, before the page's own code can call app:ready. */
export const PAGE_START_CHANNEL = '__page-start';

export interface BridgeConfig {
  /** Folder that pathsForFiles resolves dropped/picked File names against. */
  dropDir: string;
  platform: string;
}

const BRIDGE_SOURCE = `
(function (config) {
  var listeners = new Map();
  var api = { platform: config.platform };
  config.channels.forEach(function (channel) {
    api[config.methods[channel]] = function () {
      return window[config.binding](channel, Array.prototype.slice.call(arguments));
    };
  });
  api.on = function (event, listener) {
    if (config.events.indexOf(event) < 0) {
      throw new Error('"' + String(event) + '" is not a KieDrop event; use one of ' + config.events.join(', ') + '.');
    }
    var set = listeners.get(event);
    if (!set) { set = new Set(); listeners.set(event, set); }
    var own = function (payload) { listener(payload); };
    set.add(own);
    return function () { set.delete(own); };
  };
  api.pathsForFiles = function (files) {
    return Array.prototype.map.call(files, function (file) { return config.dropDir + config.sep + file.name; });
  };
  Object.defineProperty(window, config.deliver, {
    value: function (event, payload) {
      var set = listeners.get(event);
      if (!set) return;
      Array.from(set).forEach(function (listener) {
        try { listener(payload); } catch (err) { console.error(err); }
      });
    },
  });
  Object.defineProperty(window, 'kiedrop', { value: Object.freeze(api), enumerable: true });
  if (window === window.top && typeof window[config.binding] === 'function') window[config.binding](config.pageStart, []);
})`;

export function bridgeScript(config: BridgeConfig): string {
  const full = {
    ...config,
    sep,
    binding: INVOKE_BINDING,
    deliver: DELIVER_FUNCTION,
    pageStart: PAGE_START_CHANNEL,
    channels: INVOKE_CHANNELS,
    events: EVENT_CHANNELS,
    methods: Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, methodName(c)])),
  };
  return `${BRIDGE_SOURCE.trim()}(${JSON.stringify(full)});`;
}

/** The expression that hands one event to the page's listeners. */
export function deliverExpression(event: string, payload: unknown): string {
  return `window.${DELIVER_FUNCTION}(${JSON.stringify(event)}, ${JSON.stringify(payload ?? null)})`;
}
