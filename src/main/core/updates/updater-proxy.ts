// The proxy chosen in Settings, in the form Electron's session.setProxy takes (electron-updater downloads
// through a session of its own). Chromium's proxy rules name a server as scheme://host:port: no path and
// no user name or password (those are asked for through the 'login' event instead).
import type { ProxySetting } from '../../../shared/settings';

/** The shape of Electron's ProxyConfig used here (src/main/core stays free of Electron). */
export interface UpdaterProxyConfig {
  mode: 'direct' | 'system' | 'fixed_servers';
  proxyRules?: string;
}

export function updaterProxyConfig(proxy: ProxySetting): UpdaterProxyConfig {
  if (proxy.mode === 'none') return { mode: 'direct' };
  if (proxy.mode === 'system') return { mode: 'system' };
  const url = new URL(proxy.url);
  return { mode: 'fixed_servers', proxyRules: `${url.protocol}//${url.host}` };
}
