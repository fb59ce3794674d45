// The single notification a share batch ends with.
import { describe, expect, it } from 'vitest';
import { summarizeBatch } from '../../src/main/core/share';
import type { BatchOutcome } from '../../src/main/core/share';
import type { HistoryEntry } from '../../src/main/core/history';
import type { JobSnapshot } from '../../src/main/core/queue';

function entry(fileName: string): HistoryEntry {
  return { fileName } as HistoryEntry;
}

function outcome(over: Partial<BatchOutcome>): Parameters<typeof summarizeBatch>[0]['outcome'] {
  return {
    uploaded: [],
    failures: [],
    waiting: [],
    pausedMessage: null,
    pausedReason: null,
    copied: true,
    copyError: null,
    ...over,
  };
}

describe('summarizeBatch', () => {
  it('all uploaded: says how many and that the links were copied', () => {
    const n = summarizeBatch({ outcome: outcome({ uploaded: [entry('a'), entry('b'), entry('c')] }) });
    expect(n.title).toBe('3 files uploaded — links copied');
  });

  it('one file: names it', () => {
    const n = summarizeBatch({ outcome: outcome({ uploaded: [entry('cat.png')] }) });
    expect(n.title).toBe('cat.png uploaded — link copied');
  });

  it('partial: counts, says what failed and why', () => {
    const n = summarizeBatch({
      outcome: outcome({
        uploaded: [entry('a'), entry('b')],
        failures: [{ source: '/x/c.bin', fileName: 'c.bin', message: 'The server refused the file (413).' }],
      }),
    });
    expect(n.title).toBe('2 of 3 uploaded; 1 failed');
    expect(n.body).toBe('2 links copied.\nc.bin: The server refused the file (413).');
  });

  it('reports paths that were not found next to the uploads that went ahead', () => {
    const n = summarizeBatch({ outcome: outcome({ uploaded: [entry('a')] }), missing: ['/gone/b.txt'] });
    expect(n.title).toBe('1 of 2 uploaded; 1 not found');
    expect(n.body).toContain('Not found: /gone/b.txt');
  });

  it('a paused queue: says which are waiting and why', () => {
    const n = summarizeBatch({
      outcome: outcome({
        copied: false,
        waiting: [{ id: 1 } as JobSnapshot, { id: 2 } as JobSnapshot],
        pausedMessage: 'API key rejected — save a new key to continue',
      }),
    });
    expect(n.title).toBe('Nothing uploaded; 2 waiting');
    expect(n.body).toBe('Waiting: API key rejected — save a new key to continue');
  });

  it('cuts a long list of problems short so the notification stays readable', () => {
    const failures = Array.from({ length: 10 }, (_, i) => ({
      source: `/f${i}`,
      fileName: `f${i}`,
      message: 'boom',
    }));
    const n = summarizeBatch({ outcome: outcome({ copied: false, failures }) });
    expect(n.body.split('\n')).toEqual(['f0: boom', 'f1: boom', 'f2: boom', '…and 7 more']);
  });

  it('says so when the clipboard could not be written', () => {
    const n = summarizeBatch({
      outcome: outcome({ uploaded: [entry('a')], copied: false, copyError: 'clipboard locked' }),
    });
    expect(n.title).toBe('a uploaded');
    expect(n.body).toContain('The link could not be copied: clipboard locked');
  });
});
