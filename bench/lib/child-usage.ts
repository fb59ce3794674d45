// What a whole child process costs, as `/usr/bin/time` would report it, from /proc (Linux): wall time from
// spawn to exit, CPU time (user + system, its own waited-for children included) and peak RSS.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ChildUsage {
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  stdout: string;
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time of this process's reaped children (cutime + cstime), in seconds: it grows by exactly a child's
 * user + system time when that child is reaped. */
export function reapedChildrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ", field 3 (state) is index 0, so cutime (16) and cstime (17) are 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

/** VmHWM (peak resident set) of a running process, or 0 once it is gone. */
export function peakRssOf(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds a running process has used so far (utime + stime). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Runs a command to its end and measures it. The peak RSS is sampled every few ms; VmHWM only grows,
 * so the last sample misses at most the process's final few ms. */
export async function runMeasured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChildUsage> {
  const cpuBefore = reapedChildrenCpuSeconds();
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  let peakRssBytes = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peakRssBytes = Math.max(peakRssBytes, peakRssOf(child.pid));
  }, 5);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`);
  return { seconds, cpuSeconds: reapedChildrenCpuSeconds() - cpuBefore, peakRssBytes, stdout };
}
