// The upload rows: the queue's jobs kept current by 'job' and 'progress' events, plus the link each
// finished job produced (from the 'history' event that announced it).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { JobSnapshot } from '../../../shared/domain';
import { api, settle } from '../api';
import { applyJobEvent, isFinished, orderJobs } from '../state/job-list';
import { useApiEvent } from './use-api-event';

/** Rows kept on screen; older finished rows live on in History. */
const MAX_ROWS = 300;
/** At start, finished jobs older than this are left to History instead of crowding the upload list. */
const RECENT_MS = 12 * 60 * 60 * 1000;

export interface JobsHandle {
  jobs: JobSnapshot[];
  linkFor: (job: JobSnapshot) => string | null;
  /** Hides finished rows (their links stay in History). */
  clearFinished: () => void;
  /** Shows fresh snapshots at once, before their first event arrives. */
  track: (jobs: readonly JobSnapshot[]) => void;
}

export function useJobs(onFinished: (job: JobSnapshot, link: string | null) => void): JobsHandle {
  const [jobs, setJobs] = useState<ReadonlyMap<number, JobSnapshot>>(() => new Map());
  const [links, setLinks] = useState<ReadonlyMap<number, string>>(() => new Map());
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  const jobsRef = useRef(jobs);
  const linksRef = useRef(links);
  const finishedRef = useRef(onFinished);
  useLayoutEffect(() => {
    jobsRef.current = jobs;
    linksRef.current = links;
    finishedRef.current = onFinished;
  });

  const apply = useCallback((job: JobSnapshot, kind: 'job' | 'progress') => {
    const before = jobsRef.current.get(job.id);
    const next = applyJobEvent(jobsRef.current, job, kind);
    if (next === jobsRef.current) return;
    jobsRef.current = next;
    setJobs(next);
    // A retried row comes back even if it had been cleared away.
    if (!isFinished(job))
      setHidden((h) => (h.has(job.id) ? new Set([...h].filter((id) => id !== job.id)) : h));
    const becameFinal = (job.status === 'done' || job.status === 'failed') && before?.status !== job.status;
    // Only jobs this window saw running are announced; a replayed backlog should not read out old news.
    if (becameFinal && before) finishedRef.current(job, linksRef.current.get(job.id) ?? null);
  }, []);

  useApiEvent('job', (job) => apply(job, 'job'));
  useApiEvent('progress', (job) => apply(job, 'progress'));
  useApiEvent('history', (change) => {
    const added = change.added;
    if (added?.jobId == null) return;
    const jobId = added.jobId;
    const next = new Map(linksRef.current);
    next.set(jobId, added.downloadUrl);
    linksRef.current = next;
    setLinks(next);
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
        if (recent && !next.has(job.id)) next.set(job.id, job);
      }
      jobsRef.current = next;
      setJobs(next);
    });
    return () => {
      live = false;
    };
  }, []);

  const track = useCallback((fresh: readonly JobSnapshot[]) => {
    const next = new Map(jobsRef.current);
    for (const job of fresh) if (!next.has(job.id)) next.set(job.id, job);
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
      for (const job of jobsRef.current.values()) if (isFinished(job)) next.add(job.id);
      return next;
    });
  }, []);

  const visible = useMemo(
    () =>
      orderJobs(jobs.values())
        .filter((j) => !hidden.has(j.id))
        .slice(0, MAX_ROWS),
    [jobs, hidden],
  );
  const linkFor = useCallback((job: JobSnapshot) => links.get(job.id) ?? null, [links]);
  return { jobs: visible, linkFor, clearFinished, track };
}
