// The Settings proxy as electron-updater's session is given it: Chromium takes a server as
// scheme://host:port, so a path or a user name in the saved address is left out.
import { describe, expect, it } from 'vitest';
import { updaterProxyConfig } from '../../src/main/core/updates';

describe('the update download’s proxy', () => {
  it('follows Settings: none, the system’s, or the server given', () => {
    expect(updaterProxyConfig({ mode: 'none' })).toEqual({ mode: 'direct' });
    expect(updaterProxyConfig({ mode: 'system' })).toEqual({ mode: 'system' });
    expect(updaterProxyConfig({ mode: 'manual', url: 'http://proxy.example:8080' })).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'http://proxy.example:8080',
    });
  });

  it('names the server only, without a path or credentials', () => {
    expect(updaterProxyConfig({ mode: 'manual', url: 'http://ann:secret@proxy.example:3128/' })).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'http://proxy.example:3128',
    });
    expect(updaterProxyConfig({ mode: 'manual', url: 'socks5://127.0.0.1:1080' })).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'socks5://127.0.0.1:1080',
    });
  });
});
