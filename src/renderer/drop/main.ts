// The drop window's page: drop files or a link on the tile to upload them; the tile shows how the
// uploads are going, says when a dropped file could not be uploaded at all, and keeps a button to copy
// the latest links again. Everything it can do goes through window.kiedropDrop (its own small preload).
import { IDLE_ACTIVITY } from '../../shared/desktop';
import { qrSvg } from '../../shared/link-qr';
import type { DropWindowApi } from '../../shared/drop-api';
import type { JobSnapshot, UploadActivity } from '../../shared/ipc-contract';
import { createTranslator, resolveLanguage } from '../src/i18n/translate';
import { translateError, translateJobError } from '../src/i18n/translate-error';
import { readDrop } from './drag-data';
import { stringsFor } from './strings';
import { render } from './view';
import type { TilePhase } from './view';
import './drop.css';

declare global {
  interface Window {
    kiedropDrop: DropWindowApi;
  }
}

/** A finished burst shows its tick this long, then the tile invites the next drop. Failures stay
 * until the next drop, so they are not missed. */
const SETTLE_MS = 4000;
const ERROR_MS = 5000;

const api = window.kiedropDrop;
const languages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
const t = stringsFor(languages);
document.documentElement.lang = t === stringsFor(['zh']) ? 'zh-CN' : 'en';
/** Why an upload failed, said as the main window says it. */
const tError = createTranslator(resolveLanguage('system', languages));

function element<T extends Element>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`drop.html has no #${id} element`);
  return found as unknown as T;
}

const view = {
  tile: element<HTMLElement>('tile'),
  bar: element<SVGCircleElement>('ring-bar'),
  count: element<HTMLElement>('count'),
  label: element<HTMLElement>('label'),
};
const copyButton = element<HTMLButtonElement>('copy');
const qrButton = element<HTMLButtonElement>('qr');
const qrView = element<HTMLButtonElement>('qr-view');
const qrImage = element<HTMLImageElement>('qr-image');
qrButton.title = t.showQr;
qrButton.setAttribute('aria-label', t.showQr);
qrImage.alt = t.qrAlt;
view.tile.querySelector('.grip')?.setAttribute('title', t.grip);

let activity: UploadActivity = IDLE_ACTIVITY;
let settled = true;
let error: string | null = null;
let errorDetail: string | null = null;
let settleTimer: ReturnType<typeof setTimeout> | undefined;
let errorTimer: ReturnType<typeof setTimeout> | undefined;

function tileTitle(): void {
  if (errorDetail !== null) view.tile.title = errorDetail;
}

function phase(): TilePhase {
  if (error !== null) return 'error';
  if (activity.phase === 'done' && settled) return 'idle';
  return activity.phase;
}

function paint(): void {
  render(view, phase(), activity, t, error ?? undefined);
  tileTitle();
  // The latest uploads' links stay one click away, also once the tile invites the next drop.
  const links = activity.done;
  copyButton.hidden = links === 0 || activity.active > 0;
  const label = t.copyLinks(links);
  copyButton.title = label;
  copyButton.setAttribute('aria-label', label);
  qrButton.hidden = copyButton.hidden;
  if (copyButton.hidden) hideQr();
}

function hideQr(): void {
  if (qrView.hidden) return;
  qrView.hidden = true;
  qrImage.removeAttribute('src');
}

let heard = false;

function show(next: UploadActivity): void {
  heard = true;
  const ended = (next.phase === 'done' || next.phase === 'failed') && activity.phase !== next.phase;
  activity = next;
  // New uploads are the answer to whatever went wrong before (but not to what this drop just said).
  if (next.phase === 'uploading' && Date.now() >= errorHeldUntil) clearError();
  if (ended) {
    settled = false;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      settled = true;
      paint();
    }, SETTLE_MS);
  }
  paint();
}

function clearError(): void {
  clearTimeout(errorTimer);
  error = null;
  errorDetail = null;
}

/** Until then, a failure reported for the drop just made is not cleared by its other files starting. */
let errorHeldUntil = 0;

function showError(message: string, detail?: string): void {
  error = message;
  errorDetail = detail ?? null;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => {
    error = null;
    paint();
  }, ERROR_MS);
  paint();
}

async function upload(data: DataTransfer): Promise<void> {
  clearError();
  const dropped = readDrop(data, api.pathsForFiles);
  if (dropped.kind === 'nothing') {
    showError(t.notALink);
    return;
  }
  const result =
    dropped.kind === 'files' ? await api.uploadFiles(dropped.paths) : await api.uploadUrl(dropped.url);
  if (!result.ok) {
    showError(translateError(result.error, tError));
    return;
  }
  // A file that is gone (or unreadable) fails before it is ever sent: the activity never counts it.
  const jobs: JobSnapshot[] = Array.isArray(result.value) ? result.value : [result.value];
  const failed = jobs.filter((job) => job.status === 'failed');
  const first = failed[0];
  if (first) {
    errorHeldUntil = Date.now() + ERROR_MS;
    showError(
      t.notUploaded(failed.length, first.fileName),
      failed.map((job) => translateJobError(job, tError)).join('\n'),
    );
  }
}

copyButton.addEventListener('click', () => {
  void api.copyLinks().then((res) => {
    if (res.ok) {
      clearError();
      view.label.textContent = t.copied(res.value);
    } else showError(translateError(res.error, tError));
  });
});

qrButton.addEventListener('click', () => {
  void api.latestLink().then(async (res) => {
    if (!res.ok) {
      showError(translateError(res.error, tError));
      return;
    }
    if (res.value === null) {
      showError(t.noLink);
      return;
    }
    const svg = await qrSvg(res.value);
    qrImage.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    qrImage.dataset['svg'] = svg;
    qrImage.dataset['link'] = res.value;
    qrView.hidden = false;
    qrView.focus();
  });
});
qrView.addEventListener('click', () => {
  hideQr();
  qrButton.focus();
});
window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !qrView.hidden) {
    hideQr();
    qrButton.focus();
  }
});

// dragenter/dragleave fire for every child; a depth count tells when the pointer really left.
let depth = 0;
view.tile.addEventListener('dragenter', (event) => {
  event.preventDefault();
  depth += 1;
  view.tile.classList.add('tile-over');
  view.label.textContent = t.release;
});
view.tile.addEventListener('dragleave', () => {
  depth = Math.max(0, depth - 1);
  if (depth > 0) return;
  view.tile.classList.remove('tile-over');
  paint();
});
view.tile.addEventListener('dragover', (event) => {
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
});
view.tile.addEventListener('drop', (event) => {
  event.preventDefault();
  depth = 0;
  view.tile.classList.remove('tile-over');
  paint();
  if (event.dataTransfer) void upload(event.dataTransfer);
});
// A drop that misses the tile must not make the window navigate to the dropped file.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

api.onActivity(show);
void api.activity().then((res) => {
  // The first picture only: an event that came in meanwhile is newer, and a burst that ended before
  // the window opened is old news (no tick for it).
  if (!res.ok || heard) return;
  activity = res.value;
  paint();
});
paint();
