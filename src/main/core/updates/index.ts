export { createUpdateChecker, CHECK_INTERVAL_MS } from './update-checker';
export type { UpdateChecker, UpdateStatus } from './update-checker';
export { fetchLatestRelease, parseLatestRelease, ReleaseFeedError } from './latest-release';
export type { ReleaseInfo } from './latest-release';
export { parsePublishConfig, readPublishConfig, GITHUB_API } from './publish-config';
export type { UpdateFeed } from './publish-config';
export { isNewerVersion } from './version-order';
