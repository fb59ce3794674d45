// The upload rows: the queue's jobs kept current by 'job' and 'progress' events, plus the history entry
// each finished job produced (from the 'history' event that announced it): its link, expiry and preview.
// Rows cleared or dismissed are also dropped by the app, so they stay away after a reload.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { JobSnapshot } from '../../../shared/domain';
import { toHistoryItem } from '../state/history-item';
import type { HistoryItem } from '../state/history-item';
import { api, settle } from '../api';
import { batchProgress, isFinished, isStaleEvent, orderJobs } from '../state/job-list';
import type { BatchProgress } from '../state/job-list';
import { useApiEvent } from './use-api-event';

/** Rows kept on screen; older finished rows live on in History. */
const MAX_ROWS = 300;
/** At start, finished jobs older than this are left to History instead of crowding the upload list. */
const RECENT_MS = 12 * 60 * 60 * 1000;
/** Events are gathered and applied together at most this often: a batch of thousands of small files
 * sends hundreds of events a second, and each application copies and orders the whole list. */
const APPLY_EVERY_MS = 100;

export interface JobsHandle {
  jobs: JobSnapshot[];
  /** Overall progress of every row not cleared away, also those beyond the MAX_ROWS shown. */
  batch: BatchProgress;
  linkFor: (job: JobSnapshot) => string | null;
  /** The history entry a finished job made, as received (null until its 'history' event came). */
  entryFor: (job: JobSnapshot) => HistoryItem | null;
  /** Hides finished rows for good (their links stay in History). */
  clearFinished: () => void;
  /** Hides one finished row for good. */
  dismiss: (id: number) => void;
  /** Shows fresh snapshots at once, before their first event arrives. */
  track: (jobs: readonly JobSnapshot[]) => void;
}

export function useJobs(onFinished: (job: JobSnapshot, link: string | null) => void): JobsHandle {
  const [jobs, setJobs] = useState<ReadonlyMap<number, JobSnapshot>>(() => new Map());
  const [links, setLinks] = useState<ReadonlyMap<number, HistoryItem>>(() => new Map());
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  const jobsRef = useRef(jobs);
  const linksRef = useRef(links);
  const finishedRef = useRef(onFinished);
  useLayoutEffect(() => {
    jobsRef.current = jobs;
    linksRef.current = links;
    finishedRef.current = onFinished;
  });

  // Changes not yet applied, newest per job. Applied together, so the list is copied and ordered once
  // per APPLY_EVERY_MS however many events arrive.
  const pendingJobs = useRef(new Map<number, JobSnapshot>());
  const pendingLinks = useRef(new Map<number, HistoryItem>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    timer.current = undefined;
    const jobsIn = pendingJobs.current;
    const linksIn = pendingLinks.current;
    pendingJobs.current = new Map();
    pendingLinks.current = new Map();
    if (linksIn.size > 0) {
      const next = new Map(linksRef.current);
      for (const [id, link] of linksIn) next.set(id, link);
      linksRef.current = next;
      setLinks(next);
    }
    if (jobsIn.size === 0) return;
    const next = new Map(jobsRef.current);
    for (const [id, job] of jobsIn) next.set(id, job);
    jobsRef.current = next;
    setJobs(next);
    // A retried row comes back even if it had been cleared away.
    setHidden((h) => {
      let copy: Set<number> | null = null;
      for (const [id, job] of jobsIn) {
        if (isFinished(job) || !h.has(id)) continue;
        copy ??= new Set(h);
        copy.delete(id);
      }
      return copy ?? h;
    });
  }, []);

  const schedule = useCallback(() => {
    timer.current ??= setTimeout(flush, APPLY_EVERY_MS);
  }, [flush]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = useCallback(
    (job: JobSnapshot, kind: 'job' | 'progress') => {
      const before = pendingJobs.current.get(job.id) ?? jobsRef.current.get(job.id);
      if (isStaleEvent(before, kind)) return;
      pendingJobs.current.set(job.id, job);
      schedule();
      const becameFinal = (job.status === 'done' || job.status === 'failed') && before?.status !== job.status;
      // Only jobs this window saw running are announced; a replayed backlog should not read out old news.
      if (becameFinal && before) {
        const item = pendingLinks.current.get(job.id) ?? linksRef.current.get(job.id) ?? null;
        finishedRef.current(job, item?.entry.downloadUrl ?? null);
      }
    },
    [schedule],
  );

  useApiEvent('job', (job) => apply(job, 'job'));
  useApiEvent('progress', (job) => apply(job, 'progress'));
  useApiEvent('history', (change) => {
    const added = change.added;
    if (added?.jobId == null) return;
    pendingLinks.current.set(added.jobId, toHistoryItem(added));
    schedule();
  });

  useEffect(() => {
    let live = true;
    void settle(api.jobsList()).then((res) => {
      if (!live || !res.ok) return;
      // Events that arrived while the list was on its way are newer than the list: they win.
      const next = new Map(jobsRef.current);
      const since = Date.now() - RECENT_MS;
      for (const job of res.value) {
        const recent = !isFinished(job) || (job.finishedAt ?? job.createdAt) >= since;
        if (recent && !next.has(job.id) && !pendingJobs.current.has(job.id)) next.set(job.id, job);
      }
      jobsRef.current = next;
      setJobs(next);
      // After a reload no 'history' event will come for rows that finished earlier: their links, expiry and
      // previews are looked up among the newest history entries (one page, the most rows shown).
      const finished = [...next.values()].filter((j) => j.status === 'done' && !linksRef.current.has(j.id));
      if (finished.length === 0) return;
      void settle(api.historyList({ limit: MAX_ROWS })).then((page) => {
        if (!live || !page.ok) return;
        const wanted = new Set(finished.map((j) => j.id));
        for (const entry of page.value.entries) {
          if (entry.jobId !== null && wanted.has(entry.jobId) && !pendingLinks.current.has(entry.jobId))
            pendingLinks.current.set(entry.jobId, toHistoryItem(entry));
        }
        schedule();
      });
    });
    return () => {
      live = false;
    };
  }, [schedule]);

  const track = useCallback((fresh: readonly JobSnapshot[]) => {
    const next = new Map(jobsRef.current);
    for (const job of fresh) if (!next.has(job.id) && !pendingJobs.current.has(job.id)) next.set(job.id, job);
    jobsRef.current = next;
    setJobs(next);
    setHidden((h) => {
      if (!fresh.some((j) => h.has(j.id))) return h;
      const copy = new Set(h);
      for (const j of fresh) copy.delete(j.id);
      return copy;
    });
  }, []);

  const clearFinished = useCallback(() => {
    setHidden((h) => {
      const next = new Set(h);
      for (const job of jobsRef.current.values())
        if (isFinished(pendingJobs.current.get(job.id) ?? job)) next.add(job.id);
      return next;
    });
    // [] asks the app to forget every finished row (a batch may hold more ids than one call may carry).
    void settle(api.jobsDismiss([]));
  }, []);

  const dismiss = useCallback((id: number) => {
    setHidden((h) => new Set(h).add(id));
    void settle(api.jobsDismiss([id]));
  }, []);

  const shown = useMemo(() => orderJobs(jobs.values()).filter((j) => !hidden.has(j.id)), [jobs, hidden]);
  const visible = useMemo(() => shown.slice(0, MAX_ROWS), [shown]);
  const batch = useMemo(() => batchProgress(shown), [shown]);
  const linkFor = useCallback((job: JobSnapshot) => links.get(job.id)?.entry.downloadUrl ?? null, [links]);
  const entryFor = useCallback((job: JobSnapshot) => links.get(job.id) ?? null, [links]);
  return { jobs: visible, batch, linkFor, entryFor, clearFinished, dismiss, track };
}
