import type { ReactNode } from 'react';
import { LINKS } from '../../electron/common/channels.js';
import { keytray } from '../bridge.js';

/**
 * A link to Telnyx's portal (its API keys page, `LINKS.portal`, the app's one portal address). Main opens it:
 * the popup never navigates or opens windows itself; the href is there so the link reads as one.
 */
export function PortalLink({ children }: { children: ReactNode }) {
  return (
    <a
      href={LINKS.portal}
      onClick={(event) => {
        event.preventDefault();
        void keytray.app.openLink({ target: 'portal' });
      }}
    >
      {children}
    </a>
  );
}
