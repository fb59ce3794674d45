// Status messages for everyone: a visible toast that also is the aria-live region, so screen readers hear
// "photo.png uploaded, link copied" at the same moment sighted users see it.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Icon } from './icon';

type Tone = 'success' | 'info' | 'error';
type Announce = (message: string, tone?: Tone) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

const VISIBLE_MS = 3500;

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; tone: Tone; n: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const counter = useRef(0);

  const announce = useCallback<Announce>((text, tone = 'success') => {
    counter.current += 1;
    setMessage({ text, tone, n: counter.current });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(null), VISIBLE_MS);
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
            <span>{message.text}</span>
          </div>
        ) : null}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
