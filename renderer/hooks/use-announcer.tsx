import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from '../components/icons.js';
import '../styles/announcer.css';

type Announcement = { text: string; tone: 'info' | 'error'; serial: number };
const AnnouncerContext = createContext<(text: string, tone?: 'info' | 'error') => void>(() => {});

/** How long a message that something worked stays: long enough to read, then out of the way. */
export const INFO_MESSAGE_MS = 6_000;

/**
 * The popup's live region (role=status): copies, changes and errors are announced here and shown as a
 * short line at the bottom. A repeated message is re-announced (the serial changes the node). Messages that
 * something worked leave after a few seconds; an error stays until dismissed (or replaced), so nobody misses
 * it. The provider is keyed by the account (app.tsx): nothing of the previous account's stays.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Announcement | null>(null);
  const serial = useRef(0);
  const announce = useCallback((text: string, tone: 'info' | 'error' = 'info') => {
    serial.current += 1;
    setMessage({ text, tone, serial: serial.current });
  }, []);
  useEffect(() => {
    if (!message || message.tone === 'error') return;
    const timer = setTimeout(() => setMessage(null), INFO_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className={`announcer ${message ? `shown ${message.tone}` : ''}`}>
        <div role="status" className="announcer-text" aria-live="polite">
          {message && <span key={message.serial}>{message.text}</span>}
        </div>
        {/* Outside the live region: the region's text stays the message alone. */}
        {message?.tone === 'error' && (
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss message"
            title="Dismiss"
            onClick={() => setMessage(null)}
          >
            <Icon name="close" />
          </button>
        )}
      </div>
    </AnnouncerContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnouncerContext);
