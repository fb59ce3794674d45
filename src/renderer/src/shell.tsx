// The app once settings are in: subscribes to every app event, then tells the app it is ready; shows the
// welcome screen until there is a key, else the header, banners and the current screen.
import { useCallback, useEffect, useState } from 'react';
import type { JobSnapshot } from '../../shared/domain';
import { signalAppReady } from './app-ready';
import { AppHeader } from './components/app-header';
import type { Screen } from './components/app-header';
import { useAnnounce } from './components/announcer';
import { Banner } from './components/banner';
import { ShortcutsSheet } from './components/shortcuts-sheet';
import { useApiEvent } from './hooks/use-api-event';
import { useCredits } from './hooks/use-credits';
import { useJobs } from './hooks/use-jobs';
import { useKeyState } from './hooks/use-key-state';
import { useNotices } from './hooks/use-notices';
import { useQueueState } from './hooks/use-queue-state';
import { useSettings } from './hooks/use-settings';
import { useT } from './i18n/i18n-context';
import { translateError, translateJobError } from './i18n/translate-error';
import { jobDisplayName } from './state/job-list';
import { HistoryScreen } from './screens/history/history-screen';
import type { ShowEntry } from './screens/history/history-screen';
import { useRenewMany } from './screens/history/use-renew-many';
import { SettingsScreen } from './screens/settings/settings-screen';
import { UploadScreen } from './screens/upload/upload-screen';
import { WatchScreen } from './screens/watch/watch-screen';
import { KeyDialog } from './screens/welcome/key-dialog';
import { WelcomeScreen } from './screens/welcome/welcome-screen';

const SCREEN_KEYS: Record<string, Screen> = { '1': 'upload', '2': 'history', '3': 'watch', '4': 'settings' };

/** "?" typed into a field is a question mark, not a request for the shortcuts sheet. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function Shell({ settingsError }: { settingsError: string | null }) {
  const t = useT();
  const announce = useAnnounce();
  const key = useKeyState();
  const hasKey = key.keyState?.hasKey ?? false;
  const credits = useCredits(hasKey);
  const queue = useQueueState();
  const notices = useNotices();
  const [screen, setScreen] = useState<Screen>('upload');
  const [visited, setVisited] = useState<ReadonlySet<Screen>>(() => new Set(['upload']));
  const [showEntry, setShowEntry] = useState<ShowEntry | null>(null);
  const renewMany = useRenewMany();
  const [keyDialog, setKeyDialog] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const { settings } = useSettings();

  const onFinished = useCallback(
    (job: JobSnapshot) => {
      const name = jobDisplayName(job);
      // "Link copied" only comes from the 'links-copied' event below: a batch copies its links once it
      // ends, and watched-folder uploads copy nothing.
      if (job.status === 'done') announce(t('announce.uploaded', { name }));
      else announce(t('announce.failed', { name, reason: translateJobError(job, t) }), 'error');
    },
    [announce, t],
  );
  const jobs = useJobs(onFinished);
  useApiEvent('links-copied', ({ count, name }) =>
    announce(
      count === 1 && name !== null
        ? t('announce.uploadedCopied', { name })
        : t('announce.linksCopied', { count }),
    ),
  );

  const navigate = useCallback((next: Screen) => {
    setScreen(next);
    setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
  }, []);

  useApiEvent('show-entry', (request) => {
    navigate('history');
    const { id, filter } = typeof request === 'number' ? { id: request, filter: 'all' as const } : request;
    setShowEntry({ id, filter, nonce: Date.now() });
  });

  // Declared after every subscription above, so no event is delivered before someone listens.
  useEffect(() => signalAppReady(), []);

  useEffect(() => {
    if (settingsError)
      notices.push({ level: 'warning', message: t('notice.settingsUnreadable', { reason: settingsError }) });
  }, [settingsError, notices.push, t]);

  // Ctrl/Cmd+1/2/3/4 switch screens, Ctrl/Cmd+O opens "Choose files", "?" lists every shortcut.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      const target = SCREEN_KEYS[event.key];
      if (target && command) {
        event.preventDefault();
        navigate(target);
      } else if (command && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        navigate('upload');
        // The control that declares the shortcut does the work, once the Upload screen is showing.
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>('[aria-keyshortcuts~="Control+O"]')?.click(),
        );
      } else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (typingInto(event.target) || document.querySelector('dialog[open]')) return;
        event.preventDefault();
        setSheetOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  // A file dropped outside the drop zone must not make the window navigate to it.
  useEffect(() => {
    const stop = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  if (!key.keyState) {
    return (
      <div className="splash" aria-busy={key.loadError === null}>
        {key.loadError ? (
          <Banner level="error" action={{ label: t('common.retry'), onClick: key.reload }}>
            {t('notice.keyStateUnreadable', { reason: key.loadError })}
          </Banner>
        ) : null}
      </div>
    );
  }

  const keyState = key.keyState;
  if (!keyState.hasKey) {
    return <WelcomeScreen keyState={keyState} onSaved={key.setKeyState} onRetryKeychain={key.reload} />;
  }

  const authPaused = queue.paused?.reason === 'auth' || keyState.rejected;
  const activeUploads = jobs.jobs.filter((j) => j.status === 'queued' || j.status === 'uploading').length;

  return (
    <div className="app">
      {/* Every screen has a top-level heading for screen readers to start from: the screen's name. */}
      <h1 className="visually-hidden">{t(`nav.${screen}`)}</h1>
      <AppHeader
        screen={screen}
        onNavigate={navigate}
        credits={credits.credits}
        creditsError={credits.error}
        onRefreshCredits={credits.refresh}
        keyState={keyState}
        onKeyClick={() => navigate('settings')}
        activeUploads={activeUploads}
      />
      <div className="banners">
        {authPaused ? (
          <Banner
            level="error"
            action={{ label: t('banner.enterKey'), onClick: () => setKeyDialog(true) }}
            testId="auth-banner"
          >
            {t('banner.keyRejected')}
          </Banner>
        ) : null}
        {notices.notices.map((notice) => (
          <Banner
            key={notice.id}
            level={notice.level}
            onDismiss={() => notices.dismiss(notice.id)}
            // Pinned links that died while KieDrop was not running: renewed from here, each for a new link.
            action={
              notice.renewIds !== undefined && notice.renewIds.length > 0
                ? {
                    label: t('notice.renewThem'),
                    onClick: () => {
                      notices.dismiss(notice.id);
                      void renewMany(notice.renewIds ?? []);
                    },
                  }
                : undefined
            }
            testId="notice"
          >
            {translateError(notice, t)}
          </Banner>
        ))}
      </div>
      <main className="content" aria-label={t(`nav.${screen}`)}>
        <UploadScreen active={screen === 'upload'} jobs={jobs} paused={queue.paused} />
        {visited.has('history') ? (
          <HistoryScreen active={screen === 'history'} showEntry={showEntry} />
        ) : null}
        {visited.has('watch') ? <WatchScreen active={screen === 'watch'} /> : null}
        {visited.has('settings') ? (
          <SettingsScreen
            active={screen === 'settings'}
            keyState={keyState}
            onReplaceKey={() => setKeyDialog(true)}
            onKeyChanged={key.setKeyState}
          />
        ) : null}
      </main>
      {sheetOpen ? (
        <ShortcutsSheet clipboardShortcut={settings.clipboardShortcut} onClose={() => setSheetOpen(false)} />
      ) : null}
      {keyDialog ? (
        <KeyDialog
          keyState={keyState}
          onSaved={(state) => {
            key.setKeyState(state);
            announce(t('announce.keySaved'));
            credits.refresh();
          }}
          onClose={() => setKeyDialog(false)}
        />
      ) : null}
    </div>
  );
}
