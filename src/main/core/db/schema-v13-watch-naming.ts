// Version 13: a watched folder's own naming templates (see core/naming). Empty keeps the file's own
// name and the folder's upload path, which is what every folder saved before did. Never edit once shipped.

export const SCHEMA_V13_WATCH_NAMING = `
ALTER TABLE watch_folders ADD COLUMN name_template TEXT NOT NULL DEFAULT '';
ALTER TABLE watch_folders ADD COLUMN path_template TEXT NOT NULL DEFAULT '';
`;
