// A folder's state in one word with a colour cue: watching (green), starting (accent), unavailable
// (red), paused (grey). The word carries the meaning; the colour only helps.
import type { WatchFolderState } from '../../../../shared/ipc-contract';
import { useT } from '../../i18n/i18n-context';

export function FolderStatusChip({ state }: { state: WatchFolderState }) {
  const t = useT();
  return (
    <span className={`watch-chip watch-chip-${state}`} data-testid="watch-state">
      <span className="watch-chip-dot" aria-hidden="true" />
      {t(`watch.state.${state}`)}
    </span>
  );
}
