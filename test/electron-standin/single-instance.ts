// app.requestSingleInstanceLock(): the first process of a userData folder holds a lock file; a later
// one leaves its argv, cwd and additionalData (JSON-cloned, as Electron does) in a mailbox folder and
// gets false. The holder delivers each as 'second-instance', only once it is ready (DESIGN §8 rule 14).
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ForwardedInstance {
  argv: string[];
  cwd: string;
  additionalData: unknown;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function lockPath(userData: string): string {
  return join(userData, 'StandinSingletonLock');
}

function mailbox(userData: string): string {
  return join(userData, 'StandinSingletonMailbox');
}

/** True when this process now holds the lock; false when another live process does (the data was left for it). */
export function takeLock(userData: string, data: ForwardedInstance): boolean {
  mkdirSync(mailbox(userData), { recursive: true });
  const lock = lockPath(userData);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.on('exit', () => rmSync(lock, { force: true }));
      return true;
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        const message = JSON.stringify({ ...data, additionalData: data.additionalData ?? null });
        const file = join(mailbox(userData), `${Date.now()}-${randomUUID()}.json`);
        // Renamed into place so the holder never reads half a message.
        writeFileSync(`${file}.tmp`, message);
        renameSync(`${file}.tmp`, file);
        return false;
      }
      rmSync(lock, { force: true }); // left by a process that died
    }
  }
  return false;
}

/** Polls the mailbox and hands each forwarded launch over, oldest first. */
export function watchMailbox(userData: string, deliver: (launch: ForwardedInstance) => void): () => void {
  const dir = mailbox(userData);
  const timer = setInterval(() => {
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      let launch: ForwardedInstance;
      try {
        launch = JSON.parse(readFileSync(path, 'utf8')) as ForwardedInstance;
      } catch {
        continue; // still being written
      }
      rmSync(path, { force: true });
      deliver(launch);
    }
  }, 25);
  timer.unref();
  return () => clearInterval(timer);
}

/** Gives the lock up (app.releaseSingleInstanceLock): a later launch gets it. */
export function releaseLock(userData: string): void {
  const lock = lockPath(userData);
  try {
    if (Number(readFileSync(lock, 'utf8')) === process.pid) rmSync(lock, { force: true });
  } catch {
    // not held
  }
}
