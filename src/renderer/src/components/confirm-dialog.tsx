// "Are you sure?" with the consequence spelled out and the safe choice focused first.
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { Dialog } from './dialog';

export interface ConfirmDialogProps {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  busy?: boolean;
  /** A third way out besides cancel and confirm (e.g. "Keep both"), shown between them. */
  alternative?: { label: string; onClick: () => void };
}

export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  onConfirm,
  onCancel,
  danger,
  busy,
  alternative,
}: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog
      title={title}
      description={description}
      onClose={onCancel}
      tone={danger ? 'danger' : 'default'}
      testId="confirm-dialog"
    >
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </button>
        {alternative ? (
          <button type="button" className="button" onClick={alternative.onClick} disabled={busy}>
            {alternative.label}
          </button>
        ) : null}
        <button
          type="button"
          className={danger ? 'button button-danger' : 'button button-primary'}
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
