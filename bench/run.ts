// `npm run bench [name…]`: runs the benchmarks (all, or those named) and updates bench/RESULTS.md.
import { join } from 'node:path';
import { benchBatch } from './batch-10k';
import { benchCliStartup } from './cli-startup';
import { benchHistory } from './history-1m';
import { benchHistoryExport } from './history-export';
import { benchQueueSmallFiles } from './queue-small-files';
import { benchRendererHistory } from './renderer-history';
import { benchLargeUpload } from './upload-large-file';
import { benchNamingHash } from './naming-hash';
import { benchImageOptimize } from './image-optimize';
import { benchWatchFolder } from './watch-folder';

const WORK = join(import.meta.dirname, '.work');

const benchmarks: Record<string, () => Promise<void>> = {
  upload: () => benchLargeUpload(join(WORK, 'upload')),
  history: () => benchHistory(join(WORK, 'history')),
  'history-export': () => benchHistoryExport(join(WORK, 'history')),
  queue: () => benchQueueSmallFiles(join(WORK, 'queue')),
  watch: () => benchWatchFolder(join(WORK, 'watch')),
  renderer: () => benchRendererHistory(join(WORK, 'renderer')),
  cli: () => benchCliStartup(join(WORK, 'cli')),
  batch: () => benchBatch(join(WORK, 'batch')),
  'naming-hash': () => benchNamingHash(join(WORK, 'naming-hash')),
  images: () => benchImageOptimize(join(WORK, 'images')),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
for (const [name, bench] of Object.entries(benchmarks)) {
  if (wanted.length === 0 || wanted.includes(name)) await bench();
}
console.log('Results written to bench/RESULTS.md');
