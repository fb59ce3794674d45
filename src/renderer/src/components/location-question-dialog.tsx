// "This picture shows where it was taken": asked once, the first time a photo with a GPS position is
// about to be uploaded with it. Uploads wait for the answer; "Remove the location" is the default (first,
// focused, and what Escape means), since most people do not know a photo carries where it was taken.
import { useEffect, useState } from 'react';
import { api, settle } from '../api';
import { useApiEvent } from '../hooks/use-api-event';
import { useT } from '../i18n/i18n-context';
import type { LocationQuestion } from '../../../shared/ipc-contract';
import { Dialog } from './dialog';

export function LocationQuestionDialog() {
  const t = useT();
  const [question, setQuestion] = useState<LocationQuestion | null>(null);
  useApiEvent('location-question', setQuestion);
  // A question asked before this window was there (it was closed, or is reloading).
  useEffect(() => {
    void settle(api.locationPending()).then((result) => {
      if (result.ok && result.value) setQuestion(result.value);
    });
  }, []);
  if (!question) return null;

  const answer = (choice: 'remove' | 'keep'): void => {
    setQuestion(null);
    void settle(api.locationAnswer(question.id, choice));
  };
  return (
    <Dialog
      key={question.id}
      title={t('location.question.title')}
      description={t('location.question.body', { name: question.fileName })}
      onClose={() => answer('remove')}
      testId="location-question"
    >
      <p className="dialog-detail">{t('location.question.detail')}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => answer('keep')}>
          {t('location.question.keep')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => answer('remove')}
          data-autofocus
        >
          {t('location.question.remove')}
        </button>
      </div>
    </Dialog>
  );
}
