// The upload history on a real SQLite file: recording, reading back, paging, filtering by expiry with a
// moved clock, exactly-once per job, deleting, clearing, replacing and exporting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import type { KieDropDb } from '../../src/main/core/db/index';
import { DuplicateHistoryEntryError, HistoryStore } from '../../src/main/core/history/index';
import type { HistoryEntry, NewHistoryEntry } from '../../src/main/core/history/index';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const START = Date.UTC(2025, 5, 1, 12, 0, 0);

let dir: string;
let db: KieDropDb;
let now: number;
let store: HistoryStore;
let seq = 0;

function entry(overrides: Partial<NewHistoryEntry> = {}): NewHistoryEntry {
  seq++;
  const uploadedAt = overrides.uploadedAt ?? new Date(now).toISOString();
  return {
    jobId: null,
    localPath: `/home/ana/pictures/photo-${seq}.png`,
    localMtimeMs: START - DAY,
    size: 1000 + seq,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: `photo-${seq}.png`,
    filePath: `kiedrop/u${seq}/photo-${seq}.png`,
    downloadUrl: `https://files.example.test/kiedrop/u${seq}/photo-${seq}.png`,
    mimeType: 'image/png',
    uploadedAt,
    expiresAt: new Date(Date.parse(uploadedAt) + 3 * DAY).toISOString(),
    renewOf: null,
    ...overrides,
  };
}

function addJob(
  status = 'done',
  fields: { fileName?: string; finishedAt?: number | null; lastError?: string | null } = {},
): number {
  return Number(
    db.conn
      .prepare(
        `INSERT INTO jobs (status, source, method, local_path, upload_path, file_name, location, attempts, error_kind,
           last_error, created_at, updated_at, finished_at)
         VALUES (?, 'manual', 'stream', ?, 'kiedrop', ?, 'kiedrop/x', 2, ?, ?, ?, ?, ?)`,
      )
      .run(
        status,
        `/home/ana/${fields.fileName ?? 'a.png'}`,
        fields.fileName ?? 'a.png',
        status === 'failed' ? 'network' : null,
        fields.lastError ?? null,
        now,
        now,
        fields.finishedAt === undefined ? now : fields.finishedAt,
      ).lastInsertRowid,
  );
}

const ids = (entries: HistoryEntry[]): number[] => entries.map((e) => e.id);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-history-'));
  db = openDatabase(join(dir, 'kiedrop.db'));
  now = START;
  store = new HistoryStore(db, { now: () => now });
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('recording and reading back', () => {
  it('returns every field as given, with ISO dates, status and time left', () => {
    const jobId = addJob();
    const input = entry({
      jobId,
      renewOf: null,
      method: 'base64',
      source: 'clipboard',
      mimeType: 'image/webp',
    });
    const saved = store.insert(input);

    expect(saved).toEqual({
      ...input,
      id: saved.id,
      replacedBy: null,
      uploadedAt: new Date(START).toISOString(),
      expiresAt: new Date(START + 3 * DAY).toISOString(),
      status: 'active',
      expiresInMs: 3 * DAY,
    });
    expect(store.get(saved.id)).toEqual(saved);
    expect(store.getByJobId(jobId)).toEqual(saved);
    expect(store.get(saved.id + 100)).toBeUndefined();
    expect(store.getByJobId(9999)).toBeUndefined();
  });

  it('keeps nulls for entries without a job or local file (URL uploads)', () => {
    const saved = store.insert(
      entry({ jobId: null, localPath: null, localMtimeMs: null, method: 'url', source: 'url' }),
    );
    expect(store.get(saved.id)).toMatchObject({
      jobId: null,
      localPath: null,
      localMtimeMs: null,
      method: 'url',
    });
  });

  it('links a renewal to the entry it renews, and still records it if that entry was deleted meanwhile', () => {
    const old = store.insert(entry());
    const renewed = store.insert(entry({ renewOf: old.id }));
    expect(store.get(renewed.id)?.renewOf).toBe(old.id);
    store.delete(old.id);
    const late = store.insert(entry({ renewOf: old.id }));
    expect(store.get(late.id)?.renewOf).toBeNull();
  });

  it('refuses an entry for a job that does not exist, saying so', () => {
    expect(() => store.insert(entry({ jobId: 424242 }))).toThrow(
      'Cannot record the upload: its job 424242 does not exist.',
    );
  });

  it('refuses a date that is not ISO 8601, naming the field', () => {
    expect(() => store.insert(entry({ expiresAt: 'next week' }))).toThrow(
      /expiresAt must be an ISO 8601 date/,
    );
    expect(store.count()).toBe(0);
  });
});

describe('exactly one entry per job', () => {
  it('rejects a second entry for the same job and keeps the first', () => {
    const jobId = addJob();
    const first = store.insert(entry({ jobId }));
    let error: unknown;
    try {
      store.insert(entry({ jobId }));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DuplicateHistoryEntryError);
    expect((error as DuplicateHistoryEntryError).jobId).toBe(jobId);
    expect((error as Error).message).toContain(`job ${jobId} already has a history entry`);
    expect(store.count()).toBe(1);
    expect(store.getByJobId(jobId)?.id).toBe(first.id);
  });

  it('records nothing when the transaction around the insert fails afterwards', () => {
    const jobId = addJob('uploading');
    expect(() =>
      db.transaction(() => {
        store.insert(entry({ jobId }));
        db.conn.prepare("UPDATE jobs SET status = 'done' WHERE id = ?").run(jobId);
        throw new Error('crash before commit');
      }),
    ).toThrow('crash before commit');
    expect(store.getByJobId(jobId)).toBeUndefined();
    expect(store.count()).toBe(0);
  });
});

describe('listing', () => {
  it('pages newest first, breaking equal times by id, with the total for every page', () => {
    const saved: HistoryEntry[] = [];
    for (let i = 0; i < 120; i++) {
      // Pairs share an upload time: the later id comes first.
      saved.push(
        store.insert(entry({ uploadedAt: new Date(START + Math.floor(i / 2) * 1000).toISOString() })),
      );
    }
    const expected = [...saved]
      .sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt) || b.id - a.id)
      .map((e) => e.id);

    const page1 = store.list({ limit: 50 });
    const page2 = store.list({ limit: 50, offset: 50 });
    const page3 = store.list({ limit: 50, offset: 100 });
    expect([page1.total, page2.total, page3.total]).toEqual([120, 120, 120]);
    expect(page3.entries).toHaveLength(20);
    expect([...ids(page1.entries), ...ids(page2.entries), ...ids(page3.entries)]).toEqual(expected);
    expect(store.list({ limit: 50, offset: 500 })).toEqual({ entries: [], total: 120 });
    expect(store.list().entries).toHaveLength(50);
  });

  it('rejects a negative or fractional page bound with a clear message', () => {
    expect(() => store.list({ limit: -1 })).toThrow(/limit must be a whole number/);
    expect(() => store.list({ offset: 1.5 })).toThrow(/offset must be a whole number/);
  });

  it('counts all entries', () => {
    store.insert(entry());
    store.insert(entry());
    expect(store.count()).toBe(2);
  });
});

describe('expiry filters with the clock moving', () => {
  it('shows entries as active, then expiring soon, then expired after three days', () => {
    const a = store.insert(entry());
    const b = store.insert(entry({ uploadedAt: new Date(START + HOUR).toISOString() }));
    const byStatus = (status: 'active' | 'expiring' | 'expired' | 'all'): number[] =>
      ids(store.list({ status }).entries);

    expect(byStatus('active')).toEqual([b.id, a.id]);
    expect(byStatus('expiring')).toEqual([]);
    expect(byStatus('expired')).toEqual([]);

    // 5 h before a expires (and 6 h before b): a is expiring, b still active (exactly 6 h left).
    now = START + 3 * DAY - 5 * HOUR;
    expect(byStatus('active')).toEqual([b.id]);
    expect(byStatus('expiring')).toEqual([a.id]);
    expect(store.get(a.id)).toMatchObject({ status: 'expiring', expiresInMs: 5 * HOUR });

    // Three days after the upload, a is expired at its exact expiry moment; b is expiring.
    now = START + 3 * DAY;
    expect(byStatus('expired')).toEqual([a.id]);
    expect(byStatus('expiring')).toEqual([b.id]);
    expect(store.get(a.id)).toMatchObject({ status: 'expired', expiresInMs: 0 });

    now = START + 4 * DAY;
    expect(byStatus('expired')).toEqual([b.id, a.id]);
    expect(byStatus('active')).toEqual([]);
    expect(byStatus('all')).toEqual([b.id, a.id]);
    expect(store.get(b.id)?.expiresInMs).toBe(-(DAY - HOUR));
    expect(store.list({ status: 'expired' }).total).toBe(2);
  });

  it('honours a custom expiring-soon window', () => {
    const wide = new HistoryStore(db, { now: () => now, expiringSoonMs: 4 * DAY });
    const saved = wide.insert(entry());
    expect(wide.get(saved.id)?.status).toBe('expiring');
    expect(ids(wide.list({ status: 'expiring' }).entries)).toEqual([saved.id]);
    expect(store.get(saved.id)?.status).toBe('active');
  });

  it('rejects an unknown status filter', () => {
    expect(() => store.list({ status: 'failed' as 'all' })).toThrow(/Unknown history status filter "failed"/);
  });
});

describe('replaced links', () => {
  it('finds the newest live entry at a server path, and stops once it is replaced or expired', () => {
    const path = 'kiedrop/report.pdf';
    const older = store.insert(entry({ filePath: path }));
    now += HOUR;
    const newer = store.insert(entry({ filePath: path }));
    expect(store.findLiveByFilePath(path)?.id).toBe(newer.id);
    expect(store.findLiveByFilePath('kiedrop/other.pdf')).toBeUndefined();

    // Uploading again to the same place overwrote the older link's content.
    store.markReplaced(older.id, newer.id);
    expect(store.get(older.id)).toMatchObject({ replacedBy: newer.id, status: 'replaced' });
    expect(store.findLiveByFilePath(path)?.id).toBe(newer.id);

    // A replaced entry is neither active nor expiring; once its time is up it is expired like any other.
    expect(ids(store.list({ status: 'active' }).entries)).toEqual([newer.id]);
    now = START + 3 * DAY - HOUR;
    expect(ids(store.list({ status: 'expiring' }).entries)).toEqual([newer.id]);
    now = START + 5 * DAY;
    expect(store.findLiveByFilePath(path)).toBeUndefined();
    expect(ids(store.list({ status: 'expired' }).entries)).toEqual([newer.id, older.id]);
  });

  it('ignores marking an entry that no longer exists, but refuses a replacement that does not exist', () => {
    const kept = store.insert(entry());
    expect(() => store.markReplaced(kept.id + 50, kept.id)).not.toThrow();
    expect(() => store.markReplaced(kept.id, kept.id + 50)).toThrow(
      `History entry ${kept.id + 50} does not exist`,
    );
    expect(store.get(kept.id)?.replacedBy).toBeNull();
  });
});

describe('deleting', () => {
  it('deletes one entry and says whether it existed; search no longer finds it', () => {
    const gone = store.insert(entry({ fileName: 'holiday-beach.png' }));
    const kept = store.insert(entry());
    expect(store.delete(gone.id)).toBe(true);
    expect(store.delete(gone.id)).toBe(false);
    expect(store.get(gone.id)).toBeUndefined();
    expect(ids(store.list().entries)).toEqual([kept.id]);
    expect(store.list({ search: 'beach' }).total).toBe(0);
  });

  it('clears only expired entries and returns how many', () => {
    const old1 = store.insert(entry());
    const old2 = store.insert(entry());
    now = START + 2 * DAY;
    const fresh = store.insert(entry());
    now = START + 3 * DAY + 1;
    expect(store.clearExpired()).toBe(2);
    expect(store.get(old1.id)).toBeUndefined();
    expect(store.get(old2.id)).toBeUndefined();
    expect(ids(store.list().entries)).toEqual([fresh.id]);
    expect(store.clearExpired()).toBe(0);
  });

  it('keeps a renewal when the entry it renewed is deleted', () => {
    const old = store.insert(entry());
    const renewal = store.insert(entry({ renewOf: old.id }));
    store.delete(old.id);
    expect(store.get(renewal.id)?.renewOf).toBeNull();
  });
});

describe('failed jobs', () => {
  it('lists failed jobs newest first with their reason, and counts them', () => {
    addJob('done');
    const older = addJob('failed', {
      fileName: 'old.png',
      finishedAt: START - HOUR,
      lastError: 'The server did not answer.',
    });
    const newer = addJob('failed', {
      fileName: 'new.png',
      finishedAt: START,
      lastError: 'File not found: new.png',
    });
    addJob('queued', { finishedAt: null });

    const { jobs, total } = store.failedJobs();
    expect(total).toBe(2);
    expect(jobs).toEqual([
      {
        jobId: newer,
        localPath: '/home/ana/new.png',
        sourceUrl: null,
        fileName: 'new.png',
        errorKind: 'network',
        lastError: 'File not found: new.png',
        // Written without a code, as before schema version 7: the window shows the sentence.
        errorCode: null,
        errorParams: null,
        attempts: 2,
        finishedAt: START,
      },
      expect.objectContaining({ jobId: older, fileName: 'old.png', finishedAt: START - HOUR }),
    ]);
    expect(store.failedJobs({ limit: 1, offset: 1 })).toEqual({ jobs: [jobs[1]], total: 2 });
  });
});

describe('export', () => {
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        row.push(cell);
        cell = '';
      } else if (c === '\r' && text[i + 1] === '\n') {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
        i++;
      } else cell += c;
    }
    expect(cell).toBe('');
    expect(row).toEqual([]);
    return rows;
  }

  it('exports JSON that round-trips to the listed entries', () => {
    store.insert(entry({ fileName: '图片.png' }));
    store.insert(entry({ fileName: 'a "quoted", name.png', localPath: null }));
    now += HOUR;
    const parsed = JSON.parse(store.exportAll('json')) as HistoryEntry[];
    expect(parsed).toEqual(store.list({ limit: 1000 }).entries);
    expect(parsed).toHaveLength(2);
  });

  it('exports CSV with a header row that parses back, defusing formula-like names', () => {
    const tricky = store.insert(
      entry({
        fileName: '=HYPERLINK("http://evil.test","click").png',
        localPath: 'C:\\pics\\a,b\nc.png',
        size: 42,
      }),
    );
    const plain = store.insert(entry({ fileName: '图片.png' }));
    const rows = parseCsv(store.exportAll('csv'));

    expect(rows[0]).toEqual([
      'id',
      'fileName',
      'downloadUrl',
      'status',
      'uploadedAt',
      'expiresAt',
      'size',
      'mimeType',
      'method',
      'source',
      'uploadPath',
      'filePath',
      'localPath',
      'localMtimeMs',
      'jobId',
      'renewOf',
      'replacedBy',
    ]);
    expect(rows).toHaveLength(3);
    const header = rows[0] ?? [];
    const record = (row: string[] | undefined): Record<string, string> =>
      Object.fromEntries(header.map((name, i) => [name, row?.[i] ?? '']));
    // Same upload time: newest id first.
    expect(record(rows[1])).toMatchObject({
      id: String(plain.id),
      fileName: '图片.png',
      jobId: '',
      status: 'active',
    });
    expect(record(rows[2])).toMatchObject({
      id: String(tricky.id),
      fileName: `'=HYPERLINK("http://evil.test","click").png`,
      localPath: 'C:\\pics\\a,b\nc.png',
      size: '42',
      uploadedAt: tricky.uploadedAt,
      expiresAt: tricky.expiresAt,
      downloadUrl: tricky.downloadUrl,
    });
  });

  it('exports only what the filter selects, all of it unless a limit is given', () => {
    for (let i = 0; i < 60; i++)
      store.insert(entry({ fileName: i % 2 === 0 ? `even-${i}.png` : `odd-${i}.png` }));
    expect((JSON.parse(store.exportAll('json')) as unknown[]).length).toBe(60);
    expect(
      (JSON.parse(store.exportAll('json', { search: 'even' })) as HistoryEntry[]).every((e) =>
        e.fileName.startsWith('even'),
      ),
    ).toBe(true);
    expect((JSON.parse(store.exportAll('json', { search: 'even' })) as unknown[]).length).toBe(30);
    expect((JSON.parse(store.exportAll('json', { limit: 5 })) as unknown[]).length).toBe(5);
    expect(store.exportAll('csv', { status: 'expired' })).toBe(
      'id,fileName,downloadUrl,status,uploadedAt,expiresAt,size,mimeType,method,source,uploadPath,filePath,localPath,localMtimeMs,jobId,renewOf,replacedBy\r\n',
    );
  });

  it('rejects an unknown format', () => {
    expect(() => store.exportAll('xml' as 'json')).toThrow(/Unknown export format "xml"/);
  });
});
