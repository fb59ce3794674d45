// Public surface of the File Upload API client. Plain Node: no Electron here.
export { createApiClient, DEFAULT_USER_AGENT } from './client';
export type { ApiClient, ApiClientConfig } from './client';
export { validateFileName, validateHttpUrl, validateUploadPath } from './validate-input';
export { parseRetryAfter } from './error-from-response';
export { parseProxyUrl, PROXY_URL_EXAMPLE } from './proxy-config';
export type { ProxyConfig, ProxyEnvironment, SystemProxyResolver } from './proxy-config';
export { parseSystemProxy } from './system-proxy';
export { createAgentRouter } from './proxy-agent';
export type { AgentRouter } from './proxy-agent';
export * from './types';
export * from './errors';
