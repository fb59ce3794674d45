// Commands that open the database load libsql the quick way: the same native package, found without the
// diagnostic report (process.report.getReport()) that libsql's loader builds only to tell glibc from musl.
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { quickLibsqlTarget } from '../../src/cli/quick-libsql-target';

const require = createRequire(import.meta.url);
const loaded = (part: string): string[] => Object.keys(require.cache).filter((file) => file.includes(part));

describe.runIf(process.platform === 'linux')('quickLibsqlTarget', () => {
  it('loads the same native libsql package without building a diagnostic report', () => {
    // This file runs in its own process: libsql must not be loaded yet, or the test would prove nothing.
    expect(loaded('/node_modules/libsql/')).toEqual([]);
    const getReport = vi.spyOn(process.report, 'getReport');
    try {
      quickLibsqlTarget();
      const Database = require('libsql') as new (file: string) => {
        prepare(sql: string): { get(): unknown };
        close(): void;
      };
      const db = new Database(':memory:');
      expect(db.prepare('SELECT 1 AS one').get()).toMatchObject({ one: 1 });
      db.close();
      expect(getReport).not.toHaveBeenCalled();
    } finally {
      getReport.mockRestore();
    }
    // The package libsql's own loader would have picked: gnu where the C library is glibc.
    const header = (process.report.getReport() as unknown as { header: object }).header;
    const libc = 'glibcVersionRuntime' in header ? 'gnu' : 'musl';
    expect(loaded(`/@libsql/linux-${process.arch}-${libc}/`).length).toBeGreaterThan(0);
  });
});
