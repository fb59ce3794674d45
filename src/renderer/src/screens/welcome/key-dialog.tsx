// "Replace key" and "API key rejected — enter a new key": the key form in a dialog.
import type { KeyState } from '../../../../shared/ipc-contract';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/i18n-context';
import { KeyForm } from './key-form';

export interface KeyDialogProps {
  keyState: KeyState;
  onSaved: (state: KeyState) => void;
  onClose: () => void;
}

export function KeyDialog({ keyState, onSaved, onClose }: KeyDialogProps) {
  const t = useT();
  return (
    <Dialog
      title={keyState.rejected ? t('keyDialog.rejectedTitle') : t('keyDialog.title')}
      description={keyState.rejected ? t('keyDialog.rejectedBody') : t('keyDialog.body')}
      onClose={onClose}
      testId="key-dialog"
    >
      <KeyForm
        keychainAvailable={keyState.keychain.available}
        onCancel={onClose}
        onSaved={(state) => {
          onSaved(state);
          onClose();
        }}
      />
    </Dialog>
  );
}
