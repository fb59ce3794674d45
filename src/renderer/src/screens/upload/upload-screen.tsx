// Upload: drop, pick or paste files (or a link), choose where they go, and watch them go up.
import { useEffect, useId, useState } from 'react';
import type { PauseInfo } from '../../../../shared/domain';
import type { UploadOptions } from '../../../../shared/ipc-contract';
import { api, settle } from '../../api';
import { Banner } from '../../components/banner';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Icon } from '../../components/icon';
import { SegmentedControl } from '../../components/segmented-control';
import type { JobsHandle } from '../../hooks/use-jobs';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';
import { DropZone } from './drop-zone';
import { imageChoiceFor, INITIAL_IMAGE_CHOICE } from './image-choice';
import { JobList } from './job-list';
import type { UploadOptionsValue } from './upload-options';
import { UploadOptionsPanel } from './upload-options';
import { isTemplate } from './upload-templates';
import { isHttpUrl, UrlForm } from './url-form';
import { displayShortcut, useClipboardUpload } from './use-clipboard-upload';
import { numberedName, useUploadActions } from './use-upload-actions';

export interface UploadScreenProps {
  active: boolean;
  jobs: JobsHandle;
  paused: PauseInfo | null;
}

type Mode = 'files' | 'url';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function UploadScreen({ active, jobs, paused }: UploadScreenProps) {
  const t = useT();
  const { settings } = useSettings();
  const [mode, setMode] = useState<Mode>('files');
  const [options, setOptions] = useState<UploadOptionsValue>({
    uploadPath: '',
    fileName: '',
    method: 'stream',
    images: INITIAL_IMAGE_CHOICE,
  });
  const actions = useUploadActions(jobs.track);
  // Said when a chosen name could not be used, so it is never dropped silently.
  const [note, setNote] = useState<string | null>(null);
  const clipboard = useClipboardUpload();
  const clipboardHintId = useId();
  const pasteShortcut = api.platform === 'darwin' ? '⌘V' : 'Ctrl+V';

  // `files`: the choices that apply to files only (how they are sent, what is done to pictures) go too.
  const optionsFor = (count: number, files: boolean): UploadOptions => {
    const name = options.fileName.trim();
    const path = options.uploadPath.trim();
    // With a {variable} in it, a name or path is a template for every file (files only).
    const nameTemplate = files && isTemplate(name);
    const pathTemplate = files && isTemplate(path);
    const out: UploadOptions = { uploadPath: (pathTemplate ? '' : path) || settings.defaultUploadPath };
    if (pathTemplate) out.pathTemplate = path;
    if (nameTemplate) out.nameTemplate = name;
    // A chosen name can only belong to one file; several files keep their own names, and are told so.
    else if (count === 1 && name !== '') out.fileName = name;
    setNote(!nameTemplate && count > 1 && name !== '' ? t('upload.nameNotUsed', { name, count }) : null);
    if (files) out.method = options.method;
    const images = files ? imageChoiceFor(options.images) : undefined;
    if (images) out.images = images;
    return out;
  };

  // A name is for one upload: once it went (or was refused for good), the next upload starts without it.
  const afterStart = (ok: boolean) => {
    // A template is kept: it names the next upload's files too.
    if (ok) setOptions((o) => (isTemplate(o.fileName) ? o : { ...o, fileName: '' }));
    return ok;
  };

  const uploadFiles = async (paths: string[]) => {
    if (paths.length === 0) return false;
    return afterStart(await actions.start({ kind: 'files', paths, options: optionsFor(paths.length, true) }));
  };
  const uploadUrl = async (url: string) =>
    afterStart(await actions.start({ kind: 'url', url, options: optionsFor(1, false) }));

  const pick = async () => {
    const res = await settle(api.uploadPick());
    if (res.ok) await uploadFiles(res.value);
  };

  // Paste anywhere on this screen (outside a text field): files from the clipboard, or a copied link.
  useEffect(() => {
    if (!active) return;
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || !event.clipboardData) return;
      const files = Array.from(event.clipboardData.files);
      const paths = files.length > 0 ? api.pathsForFiles(files).filter((p) => p !== '') : [];
      if (paths.length > 0) {
        event.preventDefault();
        void uploadFiles(paths);
        return;
      }
      const text = event.clipboardData.getData('text/plain').trim();
      if (isHttpUrl(text)) {
        event.preventDefault();
        void uploadUrl(text);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  });

  const collidingName = actions.collision?.request.options.fileName ?? '';

  return (
    <div className="upload-screen" hidden={!active}>
      <section className="panel composer" aria-label={t('upload.composer.label')}>
        <SegmentedControl<Mode>
          label={t('upload.mode.label')}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'files', label: t('upload.mode.files') },
            { value: 'url', label: t('upload.mode.url') },
          ]}
        />
        {mode === 'files' ? (
          <DropZone
            onFiles={(paths) => void uploadFiles(paths)}
            onUrl={(url) => void uploadUrl(url)}
            onPick={() => void pick()}
            disabled={actions.busy}
            pasteShortcut={pasteShortcut}
          />
        ) : (
          <UrlForm onSubmit={uploadUrl} busy={actions.busy} />
        )}
        <button
          type="button"
          className="button"
          onClick={() => void clipboard.run(imageChoiceFor(options.images))}
          disabled={clipboard.busy}
          aria-describedby={settings.clipboardShortcut !== '' ? clipboardHintId : undefined}
          data-testid="upload-clipboard"
        >
          <Icon name="copy" size={16} />
          {clipboard.busy ? t('upload.clipboard.busy') : t('upload.clipboard')}
        </button>
        {settings.clipboardShortcut !== '' ? (
          <p id={clipboardHintId} className="field-hint">
            {t('upload.clipboard.hint', {
              shortcut: displayShortcut(settings.clipboardShortcut, api.platform),
            })}
          </p>
        ) : null}
        {actions.error ? (
          <Banner level="error" onDismiss={actions.clearError} testId="upload-error">
            {actions.error}
          </Banner>
        ) : null}
        {note ? (
          <Banner level="info" onDismiss={() => setNote(null)} testId="upload-note">
            {note}
          </Banner>
        ) : null}
        {clipboard.error ? (
          <Banner level="error" onDismiss={clipboard.clearError} testId="clipboard-error">
            {clipboard.error}
          </Banner>
        ) : null}
        <UploadOptionsPanel
          value={options}
          defaultPath={settings.defaultUploadPath}
          settings={settings}
          onChange={setOptions}
          forFiles={mode === 'files'}
        />
      </section>
      <JobList
        visible={active}
        jobs={jobs.jobs}
        batch={jobs.batch}
        linkFor={jobs.linkFor}
        entryFor={jobs.entryFor}
        paused={paused}
        onClearFinished={jobs.clearFinished}
        onDismiss={jobs.dismiss}
      />
      {actions.collision ? (
        <ConfirmDialog
          title={t('upload.collision.title', { name: collidingName })}
          description={
            <>
              <p>{t('upload.collision.body')}</p>
              <p className="dialog-detail">
                {t('upload.collision.keepBothHint', { name: numberedName(collidingName, 2) })}
              </p>
            </>
          }
          confirmLabel={t('upload.collision.confirm')}
          danger
          alternative={{
            label: t('upload.collision.keepBoth'),
            onClick: () => void actions.keepBoth().then(afterStart),
          }}
          onConfirm={() => void actions.confirmOverwrite().then(afterStart)}
          onCancel={actions.dismissCollision}
        />
      ) : null}
    </div>
  );
}
