// Who is uploading a job: 'host:pid:random'. The random part tells two queues in one process
// apart; host and pid let another process check whether the owner is still alive.
import { randomBytes } from 'node:crypto';

export interface LeaseOwner {
  host: string;
  pid: number;
  instance: string;
}

export function formatLeaseOwner(owner: LeaseOwner): string {
  return `${owner.host}:${owner.pid}:${owner.instance}`;
}

export function newLeaseOwner(host: string, pid: number): LeaseOwner {
  return { host, pid, instance: randomBytes(6).toString('hex') };
}

/** Parses from the right, so a host name with odd characters still round-trips. */
export function parseLeaseOwner(text: string | null): LeaseOwner | null {
  if (!text) return null;
  const last = text.lastIndexOf(':');
  const middle = last > 0 ? text.lastIndexOf(':', last - 1) : -1;
  if (middle <= 0) return null;
  const pid = Number(text.slice(middle + 1, last));
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  return { host: text.slice(0, middle), pid, instance: text.slice(last + 1) };
}

/** True when signal 0 says no such process. EPERM means it exists but belongs to someone else. */
export function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface OwnerCheck {
  host: string;
  pid: number;
  /** Owners (queues, watch services) alive in this process. */
  liveInstances: ReadonlySet<string>;
  processIsGone: (pid: number) => boolean;
}

/**
 * An 'uploading' job is abandoned when its lease ran out, or when its owner is provably dead:
 * on this host with a process that no longer exists, or in this very process but by a queue
 * that was closed (or crashed) without handing the job back. Owners on other hosts are only
 * judged by their lease, since their processes cannot be checked from here.
 *
 * A job of this very process is judged by whether its queue is still alive, never by the
 * wall-clock lease: that lease only looks lapsed because this process was paused (Ctrl-Z,
 * suspend) or the clock stepped, and its own upload is still running.
 */
export function isAbandoned(
  ownerText: string | null,
  leaseUntil: number | null,
  now: number,
  check: OwnerCheck,
): boolean {
  const owner = parseLeaseOwner(ownerText);
  if (owner && owner.host === check.host && owner.pid === check.pid) {
    return !check.liveInstances.has(formatLeaseOwner(owner));
  }
  if (leaseUntil === null || leaseUntil < now) return true;
  if (!owner) return true;
  if (owner.host !== check.host) return false;
  return check.processIsGone(owner.pid);
}
