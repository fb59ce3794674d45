// The Settings proxy choice in the API client's terms. "System" asks the OS for each request where
// there is one to ask (the Electron app passes a resolver); without one (the test harness) it reads
// the environment, which is where a system proxy lives on many Linux desktops anyway.
import type { ProxyConfig, ProxyEnvironment, SystemProxyResolver } from '../api';
import type { ProxySetting } from '../../../shared/settings';

export interface SystemProxySource {
  /** Electron's session.resolveProxy; absent outside Electron. */
  resolve?: SystemProxyResolver;
  env: ProxyEnvironment;
}

export function proxyForSetting(setting: ProxySetting, system: SystemProxySource): ProxyConfig {
  switch (setting.mode) {
    case 'none':
      return { mode: 'none' };
    case 'manual':
      return { mode: 'manual', url: setting.url, origin: 'in Settings' };
    case 'system':
      return system.resolve === undefined
        ? { mode: 'env', env: system.env }
        : { mode: 'system', resolve: system.resolve, env: system.env };
  }
}
