export { defaultDataDir, databasePath, DATABASE_FILE_NAME, APP_FOLDER_NAME } from './default-data-dir';
