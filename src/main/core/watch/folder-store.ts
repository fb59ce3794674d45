// Every SQL statement on the watch_folders table. The rows are shared by the app and the CLI, so a
// folder added with `kiedrop watch` shows up in the app too.
import type { KieDropDb } from '../db';
import { imageChoicesFromColumn, imageChoicesToColumn } from './folder-images-column';
import { databaseGuard, num, statementCache, str, strOrNull } from './sql-helpers';
import type { Row } from './sql-helpers';
import type { WatchFolder } from './types';

/** A folder's settings with every default filled in, ready to be saved. */
export type FolderSettings = Omit<WatchFolder, 'id' | 'createdAt' | 'updatedAt'>;

export interface FolderStore {
  list(): WatchFolder[];
  get(id: number): WatchFolder | undefined;
  findByPath(path: string): WatchFolder | undefined;
  insert(settings: FolderSettings, now: number): WatchFolder;
  update(id: number, settings: FolderSettings, now: number): WatchFolder | undefined;
  remove(id: number): boolean;
}

function globs(row: Row, key: string): string[] {
  try {
    const value: unknown = JSON.parse(str(row, key));
    return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    // Hand-edited or damaged: no patterns is the safe reading (the folder's files are still filtered
    // for temporary names).
    return [];
  }
}

export function rowToFolder(row: Row): WatchFolder {
  return {
    id: num(row, 'id'),
    path: str(row, 'path'),
    uploadPath: str(row, 'upload_path'),
    include: globs(row, 'include'),
    exclude: globs(row, 'exclude'),
    recursive: num(row, 'recursive') !== 0,
    enabled: num(row, 'enabled') !== 0,
    uploadChanged: num(row, 'upload_changed') !== 0,
    polling: num(row, 'polling') !== 0,
    quietMs: num(row, 'quiet_ms'),
    ignoreDotfiles: num(row, 'ignore_dotfiles') !== 0,
    nameTemplate: str(row, 'name_template'),
    pathTemplate: str(row, 'path_template'),
    ...imageChoicesFromColumn(strOrNull(row, 'image_options')),
    createdAt: num(row, 'created_at'),
    updatedAt: num(row, 'updated_at'),
  };
}

function params(s: FolderSettings): unknown[] {
  return [
    s.uploadPath,
    JSON.stringify(s.include),
    JSON.stringify(s.exclude),
    s.recursive ? 1 : 0,
    s.enabled ? 1 : 0,
    s.uploadChanged ? 1 : 0,
    s.polling ? 1 : 0,
    Math.round(s.quietMs),
    s.ignoreDotfiles ? 1 : 0,
    s.nameTemplate,
    s.pathTemplate,
    imageChoicesToColumn(s),
  ];
}

export function createFolderStore(db: KieDropDb): FolderStore {
  const stmt = statementCache(db.conn);
  const guard = databaseGuard(db);
  const one = (sql: string, ...args: unknown[]): WatchFolder | undefined =>
    guard(() => {
      const row = stmt(sql).get(...args) as Row | undefined;
      return row === undefined ? undefined : rowToFolder(row);
    });

  return {
    list: () =>
      guard(() => (stmt('SELECT * FROM watch_folders ORDER BY id').all() as Row[]).map(rowToFolder)),
    get: (id) => one('SELECT * FROM watch_folders WHERE id = ?', id),
    findByPath: (path) => one('SELECT * FROM watch_folders WHERE path = ?', path),
    insert(settings, now) {
      const row = one(
        `INSERT INTO watch_folders (path, upload_path, include, exclude, recursive, enabled, upload_changed,
           polling, quiet_ms, ignore_dotfiles, name_template, path_template, image_options, created_at,
           updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        settings.path,
        ...params(settings),
        now,
        now,
      );
      if (row === undefined) throw new Error('internal: the folder was not saved');
      return row;
    },
    update: (id, settings, now) =>
      one(
        `UPDATE watch_folders SET upload_path = ?, include = ?, exclude = ?, recursive = ?, enabled = ?,
           upload_changed = ?, polling = ?, quiet_ms = ?, ignore_dotfiles = ?, name_template = ?,
           path_template = ?, image_options = ?, updated_at = ?
         WHERE id = ? RETURNING *`,
        ...params(settings),
        now,
        id,
      ),
    remove: (id) => guard(() => stmt('DELETE FROM watch_folders WHERE id = ?').run(id).changes > 0),
  };
}
