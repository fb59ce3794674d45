// History: every link KieDrop made, newest first, with search, status filters, live countdowns and
// row actions. Smooth at 100,000 entries: the list is virtual and pages arrive ~100 rows at a time.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { FailedJob, HistoryEntry } from '../../../../shared/domain';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { Banner } from '../../components/banner';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Icon } from '../../components/icon';
import type { VirtualListController } from '../../components/virtual-list';
import { VirtualList } from '../../components/virtual-list';
import { HOUR } from '../../format/duration';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import type { HistoryItem } from '../../hooks/use-history-pages';
import { useFailedPages, useHistoryPages } from '../../hooks/use-history-pages';
import { useNow } from '../../hooks/use-now';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { BulkBar, UndoBar } from './bulk-bar';
import { FailedRow } from './failed-row';
import { PreviewDialog } from './preview-dialog';
import { QrDialog } from './qr-dialog';
import { HistoryRow, HistoryRowPlaceholder } from './history-row';
import type { HistoryFilter } from './history-toolbar';
import { HistoryToolbar } from './history-toolbar';
import { LifetimeNote } from './lifetime-note';
import { rowStatus } from './row-status';
import { useBulkActions } from './use-bulk-actions';
import { useHistoryActions } from './use-history-actions';
import { useLinkChecks } from './use-link-checks';
import { usePins } from './use-pins';
import { useSelection } from './use-selection';
import { translateError } from '../../i18n/translate-error';

const ROW_HEIGHT = 64;
const SEARCH_DEBOUNCE_MS = 200;
/** How far down a notification's entry is looked for (it is nearly always at the top). */
const LOCATE_PAGES = 20;
const HIGHLIGHT_MS = 2400;

/** A notification was clicked: show this entry in that list (the expiry reminder's: "Expiring soon"). */
export interface ShowEntry {
  id: number;
  filter: 'all' | 'expiring';
  nonce: number;
}

export interface HistoryScreenProps {
  active: boolean;
  /** Set when a notification was clicked: scroll to this entry and highlight it. */
  showEntry: ShowEntry | null;
}

export function HistoryScreen({ active, showEntry }: HistoryScreenProps) {
  const t = useT();
  const announce = useAnnounce();
  const { settings } = useSettings();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<HistoryFilter>('all');
  const [highlight, setHighlight] = useState<number | null>(null);
  const [clearExpired, setClearExpired] = useState<{ count: number | null } | null>(null);
  const debounced = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<VirtualListController>(null);
  const failedMode = filter === 'failed';
  const pinnedMode = filter === 'pinned';
  const history = useHistoryPages(
    debounced,
    failedMode || pinnedMode ? 'all' : filter,
    !failedMode,
    pinnedMode,
  );
  const failed = useFailedPages(failedMode);
  const now = useNow(60_000);
  const soonMs = settings.expiringSoonHours * HOUR;
  const actions = useHistoryActions();
  const linkChecks = useLinkChecks();
  // Unpinned under the Pinned filter: the row leaves the list it no longer belongs to.
  const pins = usePins(
    settings.keepAliveLeadHours,
    useCallback(
      (id: number) => {
        if (pinnedMode) history.remove((item) => item.entry.id === id);
      },
      [pinnedMode, history.remove],
    ),
  );
  const selection = useSelection();
  const [preview, setPreview] = useState<HistoryEntry | null>(null);
  const [qrFor, setQrFor] = useState<HistoryEntry | null>(null);
  const bulk = useBulkActions({
    hide: useCallback(
      (ids: number[]) => {
        for (const id of ids) history.remove((item) => item.entry.id === id);
      },
      [history.remove],
    ),
    restore: history.reload,
  });

  const idAt = useCallback((index: number) => history.itemAt(index)?.entry.id, [history.itemAt]);
  const pickRow = useCallback(
    (entry: HistoryEntry, index: number, event: MouseEvent) =>
      selection.pick(
        { index, id: entry.id, toggle: event.ctrlKey || event.metaKey, range: event.shiftKey },
        idAt,
      ),
    [selection.pick, idAt],
  );
  const selectedIds = () => [...selection.ids];
  // A row's Delete (its button, or the Delete key) takes the whole selection when the row is part of it;
  // either way it can be undone for a few seconds instead of being asked about first.
  const rowActions = useMemo(
    () => ({
      ...actions.row,
      askDelete: (entry: HistoryEntry) => {
        const ids = selection.has(entry.id) ? [...selection.ids] : [entry.id];
        selection.drop(ids);
        bulk.remove(ids);
      },
      check: (entry: HistoryEntry) => void linkChecks.check([entry]),
      togglePin: (entry: HistoryEntry, pinned: boolean) => void pins.toggle(entry, pinned),
      showQr: setQrFor,
    }),
    [actions.row, selection, bulk.remove, linkChecks.check, pins.toggle],
  );
  // The selected entries that are loaded (a selection only ever holds rows that were shown).
  const selectedEntries = () => {
    const entries: HistoryEntry[] = [];
    for (let i = 0; i < (history.total ?? 0) && entries.length < selection.ids.size; i += 1) {
      const item = history.itemAt(i);
      if (item && selection.has(item.entry.id)) entries.push(item.entry);
    }
    return entries;
  };
  const deleteSelected = () => {
    const ids = selectedIds();
    selection.clear();
    bulk.remove(ids);
  };

  // A new search or filter shows other rows: a selection of rows no longer shown would surprise.
  useEffect(() => selection.clear(), [debounced, filter, selection.clear]);

  // Ctrl/Cmd+A in the list selects every loaded row; Escape lets go of the selection.
  useEffect(() => {
    if (!active || failedMode) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inList = Boolean(target?.closest('[data-testid="history-list"]'));
      if (!inList) return;
      // Space on a picture's row opens its large preview, as Quick Look does.
      if (event.key === ' ' && target?.getAttribute('role') === 'listitem') {
        const item = history.itemAt(Number(target.dataset.index));
        if (item && item.entry.mimeType.startsWith('image/') && item.entry.localPath !== null) {
          event.preventDefault();
          setPreview(item.entry);
        }
        return;
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        const ids: number[] = [];
        const total = history.total ?? 0;
        for (let i = 0; i < total; i += 1) {
          const id = idAt(i);
          if (id !== undefined) ids.push(id);
        }
        selection.set(ids);
      } else if (event.key === 'Escape' && selection.ids.size > 0) {
        selection.clear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, failedMode, history.total, history.itemAt, idAt, selection]);

  // A clicked notification: show the entry in its list (unfiltered, or the expiry reminder's "Expiring
  // soon"), scroll to it, and flash it. An entry with more time left than "soon" is looked for in All.
  const [locating, setLocating] = useState<ShowEntry | null>(null);
  useEffect(() => setLocating(showEntry), [showEntry]);
  useEffect(() => {
    if (!locating) return;
    setFilter(locating.filter);
    setSearch('');
    let live = true;
    const timer = setTimeout(() => {
      void history
        .locate((item) => item.entry.id === locating.id, LOCATE_PAGES)
        .then((index) => {
          if (!live) return;
          if (index === -1 && locating.filter !== 'all') {
            setLocating({ ...locating, filter: 'all' });
            return;
          }
          if (index === -1) {
            announce(t('history.notFound'), 'info');
            return;
          }
          listRef.current?.reveal(index, true);
          setHighlight(locating.id);
        });
    }, SEARCH_DEBOUNCE_MS + 50);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Only a new request runs this, not every change of the list object.
  }, [locating]);

  useEffect(() => {
    if (highlight === null) return;
    const timer = setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlight]);

  // Ctrl/Cmd+F jumps to the search box while this screen is showing.
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  const askClearExpired = async () => {
    setClearExpired({ count: null });
    const res = await settle(api.historyList({ status: 'expired', limit: 1, offset: 0 }));
    setClearExpired({ count: res.ok ? res.value.total : null });
  };
  const doClearExpired = async () => {
    setClearExpired(null);
    const res = await settle(api.historyClearExpired());
    if (res.ok) {
      history.invalidate();
      announce(
        t(res.value === 1 ? 'announce.clearedExpiredOne' : 'announce.clearedExpired', { count: res.value }),
        'info',
      );
    } else {
      announce(translateError(res.error, t), 'error');
    }
  };

  const exportHistory = async (format: 'json' | 'csv') => {
    const res = await settle(api.historyExport(format));
    if (!res.ok) announce(translateError(res.error, t), 'error');
    else if (res.value !== null) announce(t('announce.exported', { path: res.value }));
  };

  const retryFailed = async (job: FailedJob) => {
    const res = await settle(api.jobsRetry([job.jobId]));
    if (res.ok) announce(t('announce.retrying', { name: job.fileName }), 'info');
    else announce(translateError(res.error, t), 'error');
  };

  const statusOf = (item: HistoryItem) => rowStatus(item, now, soonMs, linkChecks.healthOf(item));

  // Enter copies a live link; a dead one would only hand out a link that no longer works, so say so instead.
  // Measured against this moment, not the once-a-minute clock: a link that just died is not copied.
  const activateRow = (item: HistoryItem) => {
    if (rowStatus(item, Date.now(), soonMs, linkChecks.healthOf(item)).status === 'expired')
      announce(t('history.expiredEnter'), 'info');
    else void actions.row.copy(item.entry, settings.copyFormat);
  };

  const total = failedMode ? failed.total : history.total;
  const error = failedMode ? failed.error : history.error;
  const searching = debounced.trim() !== '';
  const countText =
    total === null
      ? t('common.loading')
      : failedMode
        ? t(total === 1 ? 'history.countFailedOne' : 'history.countFailed', { count: total.toLocaleString() })
        : history.scope?.lowerBound === true
          ? t('history.countAtLeast', { count: total.toLocaleString() })
          : t(total === 1 ? 'history.countOne' : 'history.count', { count: total.toLocaleString() });
  // A short search looks through the newest entries only; say so, so "3 links" is not read as all there are.
  const scopeText =
    !failedMode && history.scope?.searchedNewest != null
      ? t('history.searchedNewest', { count: history.scope.searchedNewest.toLocaleString() })
      : null;

  const empty = (
    <div className="empty empty-large">
      <div className="empty-art" aria-hidden="true">
        <Icon name={failedMode ? 'check' : searching ? 'search' : 'history'} size={28} />
      </div>
      <p className="empty-title">
        {failedMode
          ? t('history.empty.failed')
          : searching
            ? t('history.empty.search', { search: debounced.trim() })
            : filter === 'all'
              ? t('history.empty.all')
              : pinnedMode
                ? t('history.empty.pinned')
                : t('history.empty.filter')}
      </p>
      {!failedMode && !searching && filter === 'all' ? (
        <p className="empty-body">{t('history.empty.allBody')}</p>
      ) : null}
    </div>
  );

  return (
    <div className="history-screen" hidden={!active}>
      <HistoryToolbar
        search={search}
        onSearch={setSearch}
        filter={filter}
        onFilter={setFilter}
        onClearExpired={() => void askClearExpired()}
        onExport={(format) => void exportHistory(format)}
        searchRef={searchRef}
      />
      {selection.ids.size > 0 && !failedMode ? (
        <BulkBar
          count={selection.ids.size}
          format={settings.copyFormat}
          onCopy={() => void bulk.copy(selectedIds(), settings.copyFormat)}
          onRenew={() => void bulk.renew(selectedIds())}
          onCheck={() => void linkChecks.check(selectedEntries())}
          onPin={() => void pins.pinMany(selectedEntries())}
          onDelete={deleteSelected}
          onClear={selection.clear}
        />
      ) : (
        <div className="history-count" aria-live="polite" data-testid="history-count">
          {countText}
          {scopeText === null ? null : <span className="history-count-scope"> · {scopeText}</span>}
        </div>
      )}
      <LifetimeNote active={active && !failedMode} onChange={history.invalidate} />
      {bulk.pending ? (
        <UndoBar key={bulk.pending.n} count={bulk.pending.ids.length} onUndo={bulk.undo} />
      ) : null}
      {error ? (
        <Banner
          level="error"
          action={{ label: t('common.retry'), onClick: failedMode ? failed.invalidate : history.invalidate }}
        >
          {error}
        </Banner>
      ) : null}
      <div className="panel history-panel">
        {failedMode ? (
          <VirtualList<FailedJob>
            key="failed"
            list={failed}
            label={t('history.failedListLabel')}
            rowHeight={ROW_HEIGHT}
            rowLabel={(job) => job?.fileName ?? t('common.loading')}
            renderRow={(job, _index, row) =>
              job ? (
                <FailedRow job={job} now={now} onRetry={(j) => void retryFailed(j)} tabbable={row.active} />
              ) : (
                <HistoryRowPlaceholder />
              )
            }
            onActivate={(job) => void retryFailed(job)}
            empty={empty}
            testId="failed-list"
          />
        ) : (
          <VirtualList<HistoryItem>
            key="history"
            list={history}
            label={t('history.listLabel')}
            rowHeight={ROW_HEIGHT}
            controllerRef={listRef}
            // A selected row says so: the highlight alone is not heard.
            rowLabel={(item) =>
              item
                ? selection.has(item.entry.id)
                  ? t('history.bulk.rowSelected', { name: item.entry.fileName })
                  : item.entry.fileName
                : t('common.loading')
            }
            rowClassName={(item) => {
              if (!item) return '';
              const { status } = statusOf(item);
              return [
                status === 'expired' ? 'row-expired' : '',
                status === 'replaced' ? 'row-replaced' : '',
                highlight === item.entry.id ? 'row-highlight' : '',
                selection.has(item.entry.id) ? 'row-selected' : '',
              ]
                .filter(Boolean)
                .join(' ');
            }}
            renderRow={(item, index, row) => {
              if (!item) return <HistoryRowPlaceholder />;
              const health = linkChecks.healthOf(item);
              const { msLeft, status, gone } = rowStatus(item, now, soonMs, health);
              return (
                <HistoryRow
                  entry={item.entry}
                  status={status}
                  msLeft={msLeft}
                  health={health}
                  gone={gone}
                  pin={pins.pinOf(item)}
                  now={now}
                  preferredFormat={settings.copyFormat}
                  actions={rowActions}
                  lite={row.scrolling}
                  tabbable={row.active}
                  index={index}
                  selected={selection.has(item.entry.id)}
                  onPick={pickRow}
                />
              );
            }}
            onActivate={activateRow}
            onDelete={(item) => rowActions.askDelete(item.entry)}
            empty={empty}
            testId="history-list"
          />
        )}
      </div>
      {preview ? <PreviewDialog entry={preview} onClose={() => setPreview(null)} /> : null}
      {qrFor ? (
        <QrDialog name={qrFor.fileName} link={qrFor.downloadUrl} onClose={() => setQrFor(null)} />
      ) : null}
      {clearExpired ? (
        <ConfirmDialog
          title={t('history.clearExpired.title')}
          description={
            clearExpired.count === null
              ? t('history.clearExpired.bodyUnknown')
              : t(clearExpired.count === 1 ? 'history.clearExpired.bodyOne' : 'history.clearExpired.body', {
                  count: clearExpired.count,
                })
          }
          confirmLabel={t('history.clearExpired.confirm')}
          danger
          busy={clearExpired.count === 0}
          onConfirm={() => void doClearExpired()}
          onCancel={() => setClearExpired(null)}
        />
      ) : null}
    </div>
  );
}
