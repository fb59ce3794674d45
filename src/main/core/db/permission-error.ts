// Turns access problems into one message that says whose files are in the way and the exact commands
// that fix them. A permission problem is never damage: the file is left where it is, untouched.

import { existsSync } from 'node:fs';
import { accountName } from './account-name';
import type { AccessProblem } from './access-problems';
import { DatabaseError } from './database-error';

function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

/** Quotes a path for a POSIX shell only when it needs it, so the common case stays readable. */
function shellWord(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function nameOf(uid: number): string {
  return accountName(uid) ?? `uid ${uid}`;
}

function them(problems: readonly AccessProblem[], verb: 'read or write' | 'write'): string {
  if (problems.every((p) => p.what === 'folder')) return 'create files in it';
  return `${verb} ${problems.length === 1 ? 'it' : 'them'}`;
}

/** The owner bits each item needs: read and write for files, write and search for the folder. */
function ownerBitsMissing(p: AccessProblem): boolean {
  const needed = p.what === 'folder' ? 0o300 : 0o600;
  return (p.mode & needed) !== needed;
}

/** `chmod u+rw files` and `chmod u+rwx folder` for the items whose owner bits are missing. */
function chmodFixes(problems: readonly AccessProblem[], prefix: string): string[] {
  const locked = problems.filter(ownerBitsMissing);
  const files = locked.filter((p) => p.what !== 'folder').map((p) => shellWord(p.path));
  const folders = locked.filter((p) => p.what === 'folder').map((p) => shellWord(p.path));
  return [
    ...(files.length > 0 ? [`${prefix}chmod u+rw ${files.join(' ')}`] : []),
    ...(folders.length > 0 ? [`${prefix}chmod u+rwx ${folders.join(' ')}`] : []),
  ];
}

/** "…belongs to root, and this user (nobody, uid 65534) may not write it", with the chown that fixes it. */
function othersSentence(problems: readonly AccessProblem[], me: number): { text: string; fixes: string[] } {
  const byOwner = new Map<number, AccessProblem[]>();
  for (const p of problems) byOwner.set(p.uid, [...(byOwner.get(p.uid) ?? []), p]);
  const clauses = [...byOwner].map(
    ([uid, owned]) =>
      `${list(owned.map((p) => p.path))} ${owned.length === 1 ? 'belongs' : 'belong'} to ${nameOf(uid)}`,
  );
  const myName = accountName(me);
  const who = myName === null ? `this user (uid ${me})` : `this user (${myName}, uid ${me})`;
  const verb = problems.every((p) => p.readable) ? 'write' : 'read or write';
  const paths = problems.map((p) => shellWord(p.path)).join(' ');
  return {
    text:
      `${list(clauses)}, and ${who} may not ${them(problems, verb)}. ` +
      'This happens after KieDrop ran with sudo or as another user.',
    // After the chown the owner's own bits decide, so they are added where they are missing.
    fixes: [`sudo chown ${myName ?? String(me)} ${paths}`, ...chmodFixes(problems, 'sudo ')],
  };
}

function ownSentence(problems: readonly AccessProblem[]): { text: string; fixes: string[] } {
  const clauses = problems.map(
    (p) => `${p.path} ${p.readable ? 'is read-only' : 'may not even be read'} (mode ${octal(p.mode)})`,
  );
  const it = problems.length === 1 ? 'it' : 'them';
  const fixes = chmodFixes(problems, '');
  // The mode allows it, so something else refuses: an access control list or the immutable attribute.
  const other = fixes.length > 0 ? '' : ` Check ${it} with \`getfacl\` and \`lsattr\`.`;
  return { text: `${list(clauses)}, so KieDrop cannot save anything to ${it}.${other}`, fixes };
}

/** The DatabaseError for `problems` (non-empty) with the database `file`. */
export function permissionError(file: string, problems: readonly AccessProblem[]): DatabaseError {
  const me = process.getuid?.();
  const readOnlyFs = problems.filter((p) => p.readOnlyFileSystem);
  const rest = problems.filter((p) => !p.readOnlyFileSystem);
  // The database's own path is said once: in the opening, or where the problem names it.
  const named = problems.some((p) => p.path === file);
  const sentences: string[] = [
    named ? 'KieDrop cannot open its database:' : `KieDrop cannot open its database ${file}:`,
  ];
  const fixes: string[] = [];
  if (readOnlyFs.length > 0) {
    sentences.push(
      `${list(readOnlyFs.map((p) => p.path))} ${readOnlyFs.length === 1 ? 'is' : 'are'} on a read-only file system; ` +
        'mount it read-write, or move the data folder to another disk.',
    );
  }
  if (me === undefined) {
    // No owners to speak of (Windows): name the files and what to check.
    if (rest.length > 0) {
      sentences.push(
        `${list(rest.map((p) => p.path))} cannot be written. Clear "Read-only" in their properties and check that this account may change them.`,
      );
    }
  } else {
    const others = rest.filter((p) => p.uid !== me);
    const own = rest.filter((p) => p.uid === me);
    for (const part of [
      others.length > 0 ? othersSentence(others, me) : null,
      own.length > 0 ? ownSentence(own) : null,
    ]) {
      if (part === null) continue;
      sentences.push(part.text);
      fixes.push(...part.fixes);
    }
  }
  if (fixes.length > 0) sentences.push(`Run ${list(fixes.map((f) => `\`${f}\``))}, then try again.`);
  if (existsSync(file)) sentences.push('KieDrop left the database as it is: the history is still in it.');
  return new DatabaseError('readonly', sentences.join(' '));
}
