// Watch: folders whose new files upload by themselves once they are complete. Add a folder with the
// picker, see each one's status live, change its settings, pause one or all, and remove it.
import { useState } from 'react';
import type { WatchFolderAdd, WatchFolderPreview, WatchFolderStatus } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { Banner } from '../../components/banner';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Icon } from '../../components/icon';
import { useNow } from '../../hooks/use-now';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { AddFolderDialog } from './add-folder-dialog';
import { FolderCard } from './folder-card';
import { useWatch } from './use-watch';
import { folderName } from '../../../../shared/watch-format';
import { translateError } from '../../i18n/translate-error';

export interface WatchScreenProps {
  active: boolean;
}

export function WatchScreen({ active }: WatchScreenProps) {
  const t = useT();
  const announce = useAnnounce();
  const { settings } = useSettings();
  const watch = useWatch();
  const now = useNow(60_000);
  const [pendingRemove, setPendingRemove] = useState<WatchFolderStatus | null>(null);
  const [adding, setAdding] = useState(false);
  /** The folder picked, waiting for the person to choose what happens to the files already in it. */
  const [picked, setPicked] = useState<WatchFolderPreview | null>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const folders = watch.overview?.folders ?? [];
  const allPaused = watch.overview?.allPaused ?? false;

  const pickFolder = async () => {
    setAdding(true);
    const res = await watch.preview();
    setAdding(false);
    if (!res.ok) announce(translateError(res.error, t), 'error');
    else if (res.value) {
      setAddError(null);
      setPicked(res.value);
    }
  };

  const addFolder = async (folder: WatchFolderAdd) => {
    setAdding(true);
    const res = await watch.add(folder);
    setAdding(false);
    if (!res.ok) {
      setAddError(translateError(res.error, t));
      return;
    }
    setPicked(null);
    if (res.value) announce(t('announce.watchAdded', { name: folderName(res.value.path) }));
  };

  const watchScreenshots = async () => {
    setAdding(true);
    const res = await watch.screenshots();
    setAdding(false);
    if (res.ok) announce(t('watch.screenshots.done', { path: res.value.displayPath }));
    else announce(translateError(res.error, t), 'error');
  };

  const pause = async (folder: WatchFolderStatus) => {
    const res = await watch.pause(folder.id);
    if (res.ok) announce(t('announce.watchPaused', { name: folderName(folder.path) }), 'info');
    else announce(translateError(res.error, t), 'error');
  };

  const resume = async (folder: WatchFolderStatus) => {
    const res = await watch.resume(folder.id);
    if (res.ok) announce(t('announce.watchResumed', { name: folderName(folder.path) }), 'info');
    else announce(translateError(res.error, t), 'error');
  };

  const toggleAll = async () => {
    const res = allPaused ? await watch.resume(null) : await watch.pause(null);
    if (res.ok) announce(t(allPaused ? 'announce.watchResumedAll' : 'announce.watchPausedAll'), 'info');
    else announce(translateError(res.error, t), 'error');
  };

  const confirmRemove = async () => {
    const folder = pendingRemove;
    setPendingRemove(null);
    if (!folder) return;
    const res = await watch.remove(folder.id);
    if (res.ok) announce(t('announce.watchRemoved', { name: folderName(folder.path) }), 'info');
    else announce(translateError(res.error, t), 'error');
  };

  const copyLink = async (historyId: number, name: string) => {
    const res = await settle(api.historyCopyLink([historyId], settings.copyFormat));
    if (res.ok) announce(t('announce.copied', { name }));
    else announce(translateError(res.error, t), 'error');
  };

  // In the toolbar, and again in the middle of the empty screen where a first-time user looks.
  const addButton = (className: string) => (
    <button type="button" className={className} onClick={() => void pickFolder()} disabled={adding}>
      <Icon name="plus" size={15} />
      {t('watch.add')}
    </button>
  );

  const screenshotsButton = (
    <button
      type="button"
      className="button"
      onClick={() => void watchScreenshots()}
      disabled={adding}
      title={t('watch.screenshots.hint')}
      data-testid="watch-screenshots"
    >
      <Icon name="folderWatch" size={15} />
      {t('watch.screenshots')}
    </button>
  );

  const watching = folders.filter((f) => f.state === 'watching').length;
  const countText =
    watch.overview === null
      ? t('common.loading')
      : folders.length === 0
        ? t('watch.subtitle')
        : t(folders.length === 1 ? 'watch.countOne' : 'watch.count', {
            count: folders.length,
            watching,
          });

  return (
    <div className="watch-screen" hidden={!active}>
      <div className="watch-toolbar">
        <div className="watch-heading">
          <h2 className="watch-title">{t('watch.title')}</h2>
          <p className="watch-count" aria-live="polite">
            {countText}
          </p>
        </div>
        <div className="toolbar-spacer" />
        {folders.length > 0 ? (
          <button type="button" className="button" onClick={() => void toggleAll()}>
            <Icon name={allPaused ? 'play' : 'pause'} size={15} />
            {allPaused ? t('watch.resumeAll') : t('watch.pauseAll')}
          </button>
        ) : null}
        {screenshotsButton}
        {addButton('button button-primary')}
      </div>

      {watch.loadError ? (
        <Banner level="error" action={{ label: t('common.retry'), onClick: watch.reload }}>
          {watch.loadError}
        </Banner>
      ) : null}
      {allPaused && folders.length > 0 ? (
        <Banner
          level="warning"
          action={{ label: t('watch.resumeAll'), onClick: () => void toggleAll() }}
          testId="watch-all-paused"
        >
          {t('watch.allPaused')}
        </Banner>
      ) : null}

      {watch.overview !== null && folders.length === 0 ? (
        <div className="panel watch-empty">
          <div className="empty">
            <div className="empty-art watch-empty-art" aria-hidden="true">
              <Icon name="folderWatch" size={30} />
            </div>
            <p className="empty-title">{t('watch.empty.title')}</p>
            <p className="empty-body watch-empty-body">{t('watch.empty.body')}</p>
            <ul className="watch-points">
              <li>
                <Icon name="check" size={14} />
                {t('watch.empty.pointPartial')}
              </li>
              <li>
                <Icon name="check" size={14} />
                {t('watch.empty.pointOnce')}
              </li>
              <li>
                <Icon name="check" size={14} />
                {t('watch.empty.pointClosed')}
              </li>
            </ul>
            {addButton('button button-primary watch-empty-add')}
          </div>
        </div>
      ) : (
        <ul className="watch-list" aria-label={t('watch.listLabel')} data-testid="watch-list">
          {folders.map((folder) => (
            <FolderCard
              key={folder.id}
              folder={folder}
              now={now}
              onPause={(f) => void pause(f)}
              onResume={(f) => void resume(f)}
              onRemove={setPendingRemove}
              onCopyLink={(id, name) => void copyLink(id, name)}
              onUpdate={watch.update}
            />
          ))}
        </ul>
      )}

      {picked ? (
        <AddFolderDialog
          preview={picked}
          busy={adding}
          error={addError}
          onAdd={(folder) => void addFolder(folder)}
          onCancel={() => setPicked(null)}
        />
      ) : null}

      {pendingRemove ? (
        <ConfirmDialog
          title={t('watch.removeDialog.title', { name: folderName(pendingRemove.path) })}
          description={t('watch.removeDialog.body')}
          confirmLabel={t('watch.removeDialog.confirm')}
          danger
          onConfirm={() => void confirmRemove()}
          onCancel={() => setPendingRemove(null)}
        />
      ) : null}
    </div>
  );
}
