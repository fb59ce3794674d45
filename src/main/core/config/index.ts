export {
  ENV_API_KEY,
  ENV_BASE_URL,
  ENV_CREDITS_URL,
  normalizeBaseUrl,
  resolveConfig,
} from './resolve-config';
export type { ConfigOverrides, ConfigSource, Environment, ResolvedConfig } from './resolve-config';
export { ConfigError, isConfigError } from './config-error';
