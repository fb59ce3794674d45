// bench/RESULTS.md is assembled from sections, one per benchmark, so running one benchmark updates only its own.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

export const RESULTS_FILE = join(import.meta.dirname, '..', 'RESULTS.md');

const HEADER = `# Benchmark results

Written by \`npm run bench\`; each section is replaced when its benchmark runs again. Ratios compare KieDrop with
\`curl\` measured in the same run on the same machine.
`;

function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  // The load average says how busy the machine was with other work as the numbers were taken.
  const load = loadavg()[0] ?? 0;
  return `_${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${cpus().length} × ${cpu} · load average ${load.toFixed(1)}_`;
}

export function writeSection(id: string, title: string, body: string): void {
  const current = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : HEADER;
  const start = `<!-- section:${id} -->`;
  const end = `<!-- /section:${id} -->`;
  const section = `${start}\n## ${title}\n\n${machineLine()}\n\n${body.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS_FILE, next);
}
