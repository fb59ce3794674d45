// Status messages for everyone: a visible toast that also is the aria-live region, so screen readers hear
// "photo.png uploaded, link copied" at the same moment sighted users see it. A long message wraps rather
// than being cut, and an error stays until it is dismissed, so it can be read in full.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { Icon } from './icon';

type Tone = 'success' | 'info' | 'error';
type Announce = (message: string, tone?: Tone) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

const VISIBLE_MS = 3500;

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; tone: Tone; n: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const counter = useRef(0);

  const t = useT();

  const announce = useCallback<Announce>((text, tone = 'success') => {
    counter.current += 1;
    setMessage({ text, tone, n: counter.current });
    clearTimeout(timer.current);
    // An error is what a person most needs to read to the end: it waits for them.
    if (tone !== 'error') timer.current = setTimeout(() => setMessage(null), VISIBLE_MS);
  }, []);
  const dismiss = useCallback(() => {
    clearTimeout(timer.current);
    setMessage(null);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div
        className="toast-region"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="announcer"
      >
        {message ? (
          <div key={message.n} className={`toast toast-${message.tone}`}>
            <Icon
              name={message.tone === 'error' ? 'alert' : message.tone === 'info' ? 'info' : 'check'}
              size={16}
            />
            <span className="toast-text">{message.text}</span>
            {message.tone === 'error' ? (
              <button
                type="button"
                className="toast-dismiss"
                aria-label={t('toast.dismiss')}
                onClick={dismiss}
              >
                <Icon name="close" size={14} />
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
