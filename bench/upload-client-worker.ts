// Child process for the large-file benchmark: uploads one file N times with KieDrop's client and reports the
// request times, CPU time, and the peak RSS growth over the uploads (Linux: VmHWM after resetting it).
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createApiClient } from '../src/main/core/api/index';

const [url, apiKey, filePath, runsArg, warmupFile] = process.argv.slice(2);
if (!url || !apiKey || !filePath || !runsArg || !warmupFile) {
  throw new Error('usage: upload-client-worker <url> <key> <file> <runs> <warm-up file>');
}

function statusBytes(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  if (!match) throw new Error(`/proc/self/status has no ${field}`);
  return Number(match[1]) * 1024;
}

const client = createApiClient({ uploadBaseUrl: url, creditsBaseUrl: url, apiKey });
// Warm up code paths and the keep-alive socket so the baseline is the steady state.
await client.streamUpload({ filePath: warmupFile, uploadPath: 'bench', fileName: 'warm-up.bin' });
globalThis.gc?.();
writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS
const baseline = statusBytes('VmRSS');

const seconds: number[] = [];
const cpuSeconds: number[] = [];
let downloadUrl = '';
for (let run = 0; run < Number(runsArg); run++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await client.streamUpload({
    filePath,
    uploadPath: 'bench',
    fileName: 'large-client.bin',
    onProgress: () => {},
  });
  seconds.push((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpu);
  cpuSeconds.push((used.user + used.system) / 1e6);
  downloadUrl = result.downloadUrl;
}
const peakRssGrowth = statusBytes('VmHWM') - baseline;
process.stdout.write(JSON.stringify({ seconds, cpuSeconds, peakRssGrowth, downloadUrl }) + '\n');
process.exit(0);
