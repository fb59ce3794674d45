// Version 14: a watched folder's own picture choices (see core/images/folder-image-options.ts), as JSON.
// NULL follows Settings, which is what every folder saved before did. Never edit once shipped.

export const SCHEMA_V14_WATCH_IMAGES = `
ALTER TABLE watch_folders ADD COLUMN image_options TEXT;
`;
