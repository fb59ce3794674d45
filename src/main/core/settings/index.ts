// The user's settings: schema, validation and the settings.json store. Plain Node: no Electron here.
export { createSettingsStore, SETTINGS_FILE_NAME } from './settings-store';
export type { SettingsListener, SettingsNotice, SettingsStore, SettingsStoreOptions } from './settings-store';
export { SettingsError } from './settings-error';
export type { SettingsErrorKind } from './settings-error';
export {
  MAX_CONCURRENCY,
  MAX_EXPIRING_SOON_HOURS,
  MAX_SHARE_CONFIRM_ABOVE,
  SETTING_NAMES,
  isSettingName,
  settingsPatchSchema,
  settingsSchema,
} from './settings-schema';
export { describeSettingsIssues } from './settings-issues';
