// libsql picks its native package (@libsql/linux-x64-gnu, …) with @neon-rs/load, whose glibc-or-musl test
// on Linux builds a whole diagnostic report (process.report.getReport(): 5–10 ms, the largest single cost
// of opening the database from the command line). detect-libc, which libsql loads anyway, answers the same
// question from /usr/bin/ldd in a fraction of a millisecond. Before the first command that opens the
// database loads libsql, this points @neon-rs/load's answer at detect-libc's; where detect-libc cannot
// tell, or off Linux, @neon-rs/load answers as before.
import { createRequire } from 'node:module';

interface NeonLoad {
  currentTarget(): string;
}

interface DetectLibc {
  familySync(): string | null;
  GLIBC: string;
  MUSL: string;
}

let done = false;

export function quickLibsqlTarget(): void {
  if (done || process.platform !== 'linux' || (process.arch !== 'x64' && process.arch !== 'arm64')) return;
  done = true;
  try {
    // Resolved from libsql's own folder, where its require() finds them.
    const fromLibsql = createRequire(createRequire(import.meta.url).resolve('libsql'));
    const neon = fromLibsql('@neon-rs/load') as NeonLoad;
    const libc = fromLibsql('detect-libc') as DetectLibc;
    const reportBased = neon.currentTarget;
    neon.currentTarget = () => {
      const family = libc.familySync();
      if (family === libc.GLIBC) return `linux-${process.arch}-gnu`;
      if (family === libc.MUSL) return `linux-${process.arch}-musl`;
      return reportBased();
    };
  } catch {
    // Laid out differently than expected: libsql finds its package the slow way, as it always did.
  }
}
