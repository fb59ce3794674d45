import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/main/core/history';
import { planRenewal } from '../../src/main/core/queue/renew-plan';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const entry = (over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: 7,
  jobId: 3,
  localPath: 'pictures/photo.png',
  localMtimeMs: 1_000,
  size: 500,
  method: 'stream',
  source: 'manual',
  uploadPath: 'kiedrop',
  fileName: 'photo.png',
  filePath: 'kiedrop/abcd2345/photo.png',
  downloadUrl: 'http://127.0.0.1:9/files/kiedrop/abcd2345/photo.png',
  mimeType: 'image/png',
  uploadedAt: '2025-06-01T00:00:00.000Z',
  expiresAt: '2025-06-04T00:00:00.000Z',
  renewOf: null,
  replacedBy: null,
  status: 'active',
  expiresInMs: 0,
  ...over,
});
const unchanged = { kind: 'file' as const, size: 500, mtimeMs: 1_000 };

describe('planRenewal', () => {
  it('re-uploads from the local file when it is still the same file', () => {
    expect(planRenewal(entry(), unchanged, NOW)).toEqual({ route: 'stream' });
  });

  it('re-uploads from the local file even after the link expired', () => {
    expect(planRenewal(entry(), unchanged, Date.parse('2025-06-10T00:00:00Z'))).toEqual({ route: 'stream' });
  });

  it('asks the server to fetch its own link when the local file changed', () => {
    expect(planRenewal(entry(), { kind: 'file', size: 501, mtimeMs: 1_000 }, NOW)).toEqual({
      route: 'url',
      sourceUrl: entry().downloadUrl,
    });
    expect(planRenewal(entry(), { kind: 'file', size: 500, mtimeMs: 2_000 }, NOW).route).toBe('url');
  });

  it('asks the server to fetch its own link when the local file is gone', () => {
    expect(planRenewal(entry(), { kind: 'problem', message: 'File not found' }, NOW).route).toBe('url');
    expect(planRenewal(entry({ localPath: null }), null, NOW).route).toBe('url');
  });

  it('explains why when the file is gone and the link has expired', () => {
    const plan = planRenewal(
      entry(),
      { kind: 'problem', message: 'File not found' },
      Date.parse('2025-06-04T00:00:00Z'),
    );
    expect(plan).toEqual({
      route: 'none',
      message: expect.stringContaining(
        'the local file is gone or changed and the link has expired',
      ) as unknown as string,
    });
  });

  it('does not fetch a link that now serves a newer upload', () => {
    const plan = planRenewal(entry({ replacedBy: 9 }), null, NOW);
    expect(plan.route).toBe('none');
    if (plan.route === 'none') expect(plan.message).toContain('newer upload');
  });
});
