// What runs in each window's page before its own scripts: the sandboxed preload with the renderer side of
// Electron (contextBridge, ipcRenderer, webUtils). Rules modelled (DESIGN §8 rules 3–5, 8):
// - the preload is CommonJS and may require only electron, events, timers and url; `process` is a subset;
// - contextBridge copies: functions and promises are proxied, data is copied with prototypes dropped, errors
//   keep only their message, the exposed object is frozen;
// - ipcRenderer.invoke structured-clones its arguments (a function throws) and a handler's error arrives as
//   "Error invoking remote method '…'";
// - webUtils.getPathForFile answers '' for a File that is not on disk.
// Kept as source text so nothing from the test's transpiler leaks into the page.
import vm from 'node:vm';

export interface PageRuntimeConfig {
  /** Binding names (Playwright exposeBinding) for invoke and send; hidden from the page once captured. */
  invokeBinding: string;
  sendBinding: string;
  /** Binding told about right-clicks, so main can emit 'context-menu' with Electron's params. */
  contextMenuBinding: string;
  /** Function names main uses (through evaluate) to deliver messages and simulate OS drops. */
  deliverName: string;
  dropName: string;
  preloadPath: string;
  platform: string;
}

const RUNTIME = String.raw`
(function (cfg, preloadMain) {
  'use strict';
  var invokeBinding = window[cfg.invokeBinding];
  var sendBinding = window[cfg.sendBinding];
  var contextMenuBinding = window[cfg.contextMenuBinding];
  try { delete window[cfg.invokeBinding]; delete window[cfg.sendBinding]; delete window[cfg.contextMenuBinding]; } catch (e) {}
  if (window !== window.top) return; // preloads run in the main frame only (nodeIntegrationInSubFrames off)

  // Chromium tells the browser process about every right-click; Electron turns it into 'context-menu'.
  document.addEventListener('contextmenu', function (e) {
    var t = e.target;
    var editable = !!t && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA');
    var selection = String(window.getSelection ? window.getSelection() : '');
    contextMenuBinding({ x: e.clientX, y: e.clientY, isEditable: editable, selectionText: selection,
      editFlags: { canCut: editable && selection !== '', canCopy: selection !== '', canPaste: editable, canSelectAll: true } });
  }, true);

  var listeners = new Map();
  var filePaths = new WeakMap();

  function Emitter() { this._l = new Map(); }
  Emitter.prototype.on = function (name, fn) {
    var set = this._l.get(name) || []; set.push(fn); this._l.set(name, set); return this;
  };
  Emitter.prototype.addListener = Emitter.prototype.on;
  Emitter.prototype.once = function (name, fn) {
    var self = this; var once = function () { self.removeListener(name, once); fn.apply(this, arguments); };
    return this.on(name, once);
  };
  Emitter.prototype.removeListener = function (name, fn) {
    var set = this._l.get(name) || []; var i = set.indexOf(fn); if (i >= 0) set.splice(i, 1); return this;
  };
  Emitter.prototype.off = Emitter.prototype.removeListener;
  Emitter.prototype.removeAllListeners = function (name) { if (name) this._l.delete(name); else this._l.clear(); return this; };
  Emitter.prototype.emit = function (name) {
    var args = Array.prototype.slice.call(arguments, 1); var set = (this._l.get(name) || []).slice();
    set.forEach(function (fn) { fn.apply(null, args); }); return set.length > 0;
  };
  Emitter.prototype.listenerCount = function (name) { return (this._l.get(name) || []).length; };

  function cloneForIpc(value) {
    try { return structuredClone(value); }
    catch (err) { throw new Error('An object could not be cloned.'); }
  }

  var ipcRenderer = new Emitter();
  ipcRenderer.invoke = function (channel) {
    var args;
    try { args = cloneForIpc(Array.prototype.slice.call(arguments, 1)); }
    catch (err) { return Promise.reject(err); }
    return invokeBinding(String(channel), args).then(function (answer) {
      if (answer && answer.standinError !== undefined) {
        throw new Error("Error invoking remote method '" + channel + "': " + answer.standinError);
      }
      return answer.value;
    });
  };
  ipcRenderer.send = function (channel) {
    sendBinding(String(channel), cloneForIpc(Array.prototype.slice.call(arguments, 1)));
  };
  var baseOn = ipcRenderer.on;
  ipcRenderer.on = function (channel, fn) { return baseOn.call(this, channel, fn); };

  Object.defineProperty(window, cfg.deliverName, {
    value: function (channel, args) {
      var event = { sender: ipcRenderer, senderId: 0, ports: [] };
      ipcRenderer.emit.apply(ipcRenderer, [channel, event].concat(args));
    },
  });

  Object.defineProperty(window, cfg.dropName, {
    value: function (selector, files, text) {
      var data = new DataTransfer();
      files.forEach(function (f) {
        var file = new File([f.content], f.name);
        if (f.path !== null) filePaths.set(file, f.path);
        data.items.add(file);
      });
      if (text !== null) data.setData('text/plain', text);
      var target = selector ? document.querySelector(selector) : document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      if (!target) throw new Error('nothing to drop on: ' + selector);
      ['dragenter', 'dragover', 'drop'].forEach(function (type) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      });
    },
  });

  var webUtils = {
    getPathForFile: function (file) { return filePaths.get(file) || ''; },
  };

  function bridgeError(err) { return new Error(err && err.message !== undefined ? err.message : String(err)); }
  function isDomObject(v) {
    return (typeof Blob !== 'undefined' && v instanceof Blob) || (typeof Node !== 'undefined' && v instanceof Node) ||
      (typeof Event !== 'undefined' && v instanceof Event);
  }
  function bridge(value, depth) {
    if (depth > 1000) throw new Error('Object is too deep to cross the context bridge.');
    if (value === null || typeof value !== 'object' && typeof value !== 'function') return value;
    if (typeof value === 'function') {
      return function () {
        var args = Array.prototype.map.call(arguments, function (a) { return bridge(a, 0); });
        var result;
        try { result = value.apply(null, args); } catch (err) { throw bridgeError(err); }
        return bridge(result, 0);
      };
    }
    if (typeof value.then === 'function') {
      return new Promise(function (resolve, reject) {
        value.then(function (v) { resolve(bridge(v, 0)); }, function (e) { reject(bridgeError(e)); });
      });
    }
    if (value instanceof Error) return bridgeError(value);
    if (isDomObject(value)) return value;
    if (Array.isArray(value)) return value.map(function (v) { return bridge(v, depth + 1); });
    if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
      return structuredClone(value);
    }
    var copy = {};
    Object.keys(value).forEach(function (k) { copy[k] = bridge(value[k], depth + 1); });
    return copy;
  }
  var contextBridge = {
    exposeInMainWorld: function (key, api) {
      var copy = bridge(api, 0);
      if (copy && typeof copy === 'object') Object.freeze(copy);
      Object.defineProperty(window, key, { value: copy, enumerable: true, configurable: false, writable: false });
    },
  };

  var electron = { contextBridge: contextBridge, ipcRenderer: ipcRenderer, webUtils: webUtils };
  var timers = { setTimeout: setTimeout.bind(window), clearTimeout: clearTimeout.bind(window),
    setInterval: setInterval.bind(window), clearInterval: clearInterval.bind(window) };
  var modules = { electron: electron, events: { EventEmitter: Emitter, default: Emitter }, timers: timers,
    url: { URL: URL, URLSearchParams: URLSearchParams } };
  function sandboxRequire(name) {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new Error('module not found: ' + name);
  }
  var sandboxProcess = { platform: cfg.platform, type: 'renderer', sandboxed: true, contextIsolated: true,
    env: {}, versions: { electron: 'standin' }, argv: [] };
  var module = { exports: {} };
  try {
    preloadMain(sandboxRequire, sandboxProcess, module, module.exports);
  } catch (err) {
    console.error('Unable to load preload script: ' + cfg.preloadPath + '\n' + (err && err.stack || err));
  }
})`;

/** Why Electron would refuse this preload (a sandboxed one must be CommonJS), or null when it loads. */
export function preloadProblem(source: string, path: string): string | null {
  try {
    new vm.Script(`(function (require, process, module, exports) {\n${source}\n})`, { filename: path });
    return null;
  } catch (err) {
    return `Unable to load preload script: ${path}\n${String(err)}`;
  }
}

/**
 * The init script for one window; `preloadSource` is the preload file's text, or null for none. A preload
 * Electron would refuse is not run: the page gets the error in its console and no API, as in Electron.
 */
export function pageRuntimeScript(cfg: PageRuntimeConfig, preloadSource: string | null): string {
  const problem = preloadSource === null ? null : preloadProblem(preloadSource, cfg.preloadPath);
  const body = problem === null ? (preloadSource ?? '') : `console.error(${JSON.stringify(problem)});`;
  const main = `function (require, process, module, exports) {\n${body}\n}`;
  return `${RUNTIME.trim()}(${JSON.stringify(cfg)}, ${main});`;
}
