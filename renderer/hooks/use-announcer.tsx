import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Announcement = { text: string; tone: 'info' | 'error'; serial: number };
const AnnouncerContext = createContext<(text: string, tone?: 'info' | 'error') => void>(() => {});

/**
 * The popup's live region (role=status): copies, changes and errors are announced here and shown as a
 * short line at the bottom. A repeated message is re-announced (the serial changes the node).
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Announcement | null>(null);
  const serial = useRef(0);
  const announce = useCallback((text: string, tone: 'info' | 'error' = 'info') => {
    serial.current += 1;
    setMessage({ text, tone, serial: serial.current });
  }, []);
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div role="status" className={`announcer ${message?.tone ?? ''}`} aria-live="polite">
        {message && <span key={message.serial}>{message.text}</span>}
      </div>
    </AnnouncerContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnouncerContext);
