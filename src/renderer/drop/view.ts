// Draws the upload summary on the tile: the ring fills with the burst's progress, the centre shows how
// many files are still going (or a tick / an alert when the burst ended), the line below says it.
import type { UploadActivity } from '../../shared/ipc-contract';
import type { DropStrings } from './strings';

/** The ring's circumference for r = 44 in the 100-unit viewBox. */
const CIRCUMFERENCE = 2 * Math.PI * 44;

export interface DropView {
  tile: HTMLElement;
  bar: SVGCircleElement;
  count: HTMLElement;
  label: HTMLElement;
}

export type TilePhase = UploadActivity['phase'] | 'error';

export function render(
  view: DropView,
  phase: TilePhase,
  activity: UploadActivity,
  t: DropStrings,
  message?: string,
): void {
  view.tile.dataset['phase'] = phase;
  view.tile.dataset['active'] = String(activity.active);
  const showRing = phase === 'uploading' || phase === 'paused';
  view.bar.setAttribute('stroke-dasharray', String(CIRCUMFERENCE));
  view.bar.setAttribute(
    'stroke-dashoffset',
    String(showRing ? CIRCUMFERENCE * (1 - activity.fraction) : CIRCUMFERENCE),
  );
  view.count.textContent = showRing ? String(activity.active) : '';
  let text: string;
  switch (phase) {
    case 'uploading':
      text = t.uploading(Math.floor(activity.fraction * 100));
      break;
    case 'paused':
      text = t.paused;
      break;
    case 'done':
      text = t.done(activity.done);
      break;
    case 'failed':
      text = t.failed(activity.failed);
      break;
    case 'error':
      text = message ?? '';
      break;
    default:
      text = t.idle;
  }
  view.label.textContent = text;
  view.tile.title =
    phase === 'paused' ? t.pausedWhy(activity.pausedReason) : phase === 'error' ? (message ?? '') : '';
}
