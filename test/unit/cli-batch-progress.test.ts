import { describe, expect, it } from 'vitest';
import {
  createBatchProgress,
  MAX_ACTIVE_LINES,
  renderBatchLines,
  renderTotalLine,
  tallyOf,
} from '../../src/cli/batch-progress';
import type { JobSnapshot } from '../../src/main/core/queue';
import { jobSnapshot } from '../support/job-snapshot';

const job = (id: number, over: Partial<JobSnapshot> = {}): JobSnapshot =>
  jobSnapshot(id, { source: 'cli', location: 'kiedrop/abcdefgh', batchId: 'b', ...over });

const sending = (id: number, sent: number, rate = 100): JobSnapshot =>
  job(id, {
    status: 'uploading',
    phase: 'sending',
    progress: { sent, total: 1000, rate, etaMs: null, percent: sent / 10 },
  });

describe('the total line', () => {
  it('counts files done, failed and retrying, and the bytes of all of them', () => {
    const line = renderTotalLine(
      tallyOf([
        job(1, { status: 'done', phase: null }),
        job(2, { status: 'failed', phase: null }),
        job(3, { phase: 'retrying' }),
        sending(4, 500),
      ]),
      120,
    );
    expect(line).toContain('1/4 done, 1 failed, 1 retrying');
    // 1000 done + half of 1000 in flight, out of 4000.
    expect(line).toContain('1.5 KB / 3.9 KB');
    expect(line).toMatch(/\]\s+37%/u);
    expect(line).toContain('100 B/s');
  });

  it('follows each job from queued to finished, counting it once', () => {
    const tally = tallyOf([job(1), job(2), job(3)]);
    tally.set(sending(1, 500));
    tally.set(job(2, { phase: 'retrying', attempts: 1 }));
    expect(renderTotalLine(tally, 120)).toContain('0/3 done, 1 retrying  500 B / 2.9 KB');
    tally.set(job(1, { status: 'done', phase: null }));
    tally.set(sending(2, 0));
    tally.set(job(2, { status: 'failed', phase: null }));
    tally.set(sending(3, 250));
    const line = renderTotalLine(tally, 120);
    expect(line).toContain('1/3 done, 1 failed  1.2 KB / 2.9 KB');
    expect(renderBatchLines(tally, 120)[0]).toMatch(/^file-3\.bin\s+\[/u);
  });

  it('never runs into the last column, so redrawing in place works', () => {
    const jobs = Array.from({ length: 30 }, (_, i) => sending(i + 1, 300, 5_000_000));
    for (const columns of [40, 60, 80]) {
      for (const line of renderBatchLines(tallyOf(jobs), columns)) expect(line.length).toBeLessThan(columns);
    }
  });
});

describe('the block', () => {
  it('shows each upload in flight (capped) and the total last', () => {
    const jobs = [
      ...Array.from({ length: MAX_ACTIVE_LINES + 3 }, (_, i) => sending(i + 1, 100)),
      job(99, { status: 'uploading', phase: 'processing', fileName: 'last.bin', progress: null }),
      job(100),
    ];
    const lines = renderBatchLines(tallyOf(jobs), 100);
    expect(lines).toHaveLength(MAX_ACTIVE_LINES + 1);
    expect(lines[0]).toMatch(/^file-1\.bin\s+\[/u);
    expect(lines.at(-1)).toMatch(/^Total /u);
    const processing = renderBatchLines(tallyOf([jobs.at(-2) as JobSnapshot]), 100);
    expect(processing[0]).toMatch(/^last\.bin +\[░+\] +0% +0 B \/ 1000 B +processing$/u);
  });
});

describe('redrawing', () => {
  function harness() {
    let clock = 0;
    const output: string[] = [];
    const timers: { fn: () => void; at: number }[] = [];
    const view = createBatchProgress({
      stream: { write: (s: string) => output.push(s) },
      columns: 80,
      now: () => clock,
      setTimer: (fn, ms) => {
        const t = { fn, at: clock + ms };
        timers.push(t);
        return t;
      },
      clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
    });
    const advance = (ms: number): void => {
      clock += ms;
      for (const t of timers.filter((x) => x.at <= clock)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    };
    const draws = (): number => output.filter((s) => s.includes('Total')).length;
    return { view, output, advance, draws };
  }

  it('redraws at most ten times a second however many updates arrive', () => {
    const h = harness();
    for (let ms = 0; ms < 1000; ms++) {
      h.view.track(sending(1, ms));
      h.view.track(sending(2, ms));
      h.advance(1);
    }
    expect(h.draws()).toBeGreaterThanOrEqual(9);
    expect(h.draws()).toBeLessThanOrEqual(10);
  });

  it('erases the block before a result line and draws it again below', () => {
    const h = harness();
    h.view.track(sending(1, 10));
    h.view.track(sending(2, 10));
    h.advance(100);
    expect(h.draws()).toBe(1);
    h.output.length = 0;
    h.view.above(() => h.output.push('RESULT\n'));
    // Up three lines (two uploads and the total), clear, then the result line.
    expect(h.output[0]).toBe('\x1b[3A\r\x1b[0J');
    expect(h.output[1]).toBe('RESULT\n');
    h.advance(100);
    expect(h.draws()).toBe(1);
    h.view.close();
    expect(h.output.at(-1)).toBe('\x1b[3A\r\x1b[0J');
    h.view.track(sending(1, 20));
    h.advance(500);
    expect(h.draws()).toBe(1);
  });
});
