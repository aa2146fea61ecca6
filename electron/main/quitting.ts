import { app } from 'electron';
import type { Logger } from '../core/ports.js';

/**
 * How Keytray ends. Every way out first lets the core clean up (`dispose`: the clipboard it wrote is cleared),
 * and the two the person chooses — Quit and Restart to update — go through the core's quit check first
 * (`core.requestQuit()`): when full keys exist only in memory, the popup asks ("Quit Keytray?") and the app
 * ends only on "Quit anyway", which reaches `quit()` below.
 *
 * Restart to update is the same check with a different ending: `quit()` then installs the downloaded update
 * (electron-updater's `quitAndInstall`) instead of only quitting. The choice is remembered until the next
 * request: choosing Quit afterwards quits without installing.
 */
export function setupQuitting(deps: {
  /** The core's clean-up at quit; its failure is logged and the app still ends. */
  dispose: () => Promise<void>;
  /** The core's quit check: ends now (through `quit()`), or opens the popup to ask first. */
  requestQuit: () => 'quit' | 'confirm';
  logger: Logger;
}) {
  let disposed = false;
  let ending: Promise<void> | null = null;
  let restartInto: (() => void) | null = null;

  /** Cleans up once, then ends the way asked. */
  const end = (finish: () => void) => {
    ending ??= deps
      .dispose()
      .catch((error: unknown) => deps.logger.warn('clean-up at quit failed', { error }))
      .then(() => {
        disposed = true;
      });
    void ending.then(finish);
  };

  // Any other way out (Cmd+Q in the popup, the OS logging off, app.quit() from elsewhere) goes through the
  // same check as the tray's Quit: with full keys only in memory, the popup asks first; otherwise the core
  // answers through `quit()` below, which cleans up and ends.
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    if (ending) return;
    restartInto = null;
    deps.requestQuit();
  });

  return {
    /** The core's `Desktop.quit`: the person confirmed (or nothing would be lost). */
    quit() {
      const install = restartInto;
      end(install ?? (() => app.quit()));
    },
    /** The tray's Quit: only quits, whatever was asked before. */
    requestQuit() {
      restartInto = null;
      return deps.requestQuit();
    },
    /** Restart to update: the quit check, then `install` (which quits the app and starts the new version). */
    requestRestart(install: () => void) {
      restartInto = install;
      return deps.requestQuit();
    },
  };
}

export type Quitting = ReturnType<typeof setupQuitting>;
