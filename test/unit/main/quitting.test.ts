import { beforeEach, describe, expect, it } from 'vitest';
import { setupQuitting } from '../../../electron/main/quitting.js';
import { app } from '../../fixtures/fake-electron.js';

/**
 * How Keytray ends, under the fake `electron` (whose `app.quit()` emits `before-quit` as Electron's does).
 * What a person notices: the clipboard Keytray wrote is cleared whichever way the app ends; "Restart to
 * update" asks first when quitting would lose keys held only in memory, and installs only once they agree;
 * choosing Quit later never installs.
 */
const settle = () => new Promise((resolve) => setImmediate(resolve));
const silent = { info: () => {}, warn: () => {}, error: () => {} };

function setup(check: 'quit' | 'confirm') {
  const events: string[] = [];
  const quitting = setupQuitting({
    dispose: async () => void events.push('clipboard cleared'),
    // The core's check: 'quit' ends through `Desktop.quit` at once; 'confirm' opens the popup's question.
    requestQuit: () => {
      if (check === 'quit') quitting.quit();
      else events.push('popup asks "Quit Keytray?"');
      return check;
    },
    logger: silent,
  });
  const install = () => events.push('update installed');
  return { quitting, events, install };
}

beforeEach(() => {
  app.removeAllListeners('before-quit');
  app.hasQuit = false;
});

describe('quitting', () => {
  it('Quit with nothing to lose: clears the clipboard, then quits', async () => {
    const { quitting, events } = setup('quit');
    expect(quitting.requestQuit()).toBe('quit');
    expect(app.hasQuit).toBe(false);
    await settle();
    expect(events).toEqual(['clipboard cleared']);
    expect(app.hasQuit).toBe(true);
  });

  it('the OS quitting Keytray (log off, shutdown) waits for the clipboard to be cleared', async () => {
    const { events } = setup('quit');
    app.quit();
    expect(app.hasQuit).toBe(false);
    await settle();
    expect(events).toEqual(['clipboard cleared']);
    expect(app.hasQuit).toBe(true);
  });

  it('Cmd+Q or any app.quit() with keys only in memory asks first, like the tray’s Quit', async () => {
    const { quitting, events } = setup('confirm');
    app.quit();
    await settle();
    expect(events).toEqual(['popup asks "Quit Keytray?"']);
    expect(app.hasQuit).toBe(false);
    quitting.quit();
    await settle();
    expect(events).toEqual(['popup asks "Quit Keytray?"', 'clipboard cleared']);
    expect(app.hasQuit).toBe(true);
  });

  it('Restart to update with keys only in memory: asks first, installs only on "Quit anyway"', async () => {
    const { quitting, events, install } = setup('confirm');
    expect(quitting.requestRestart(install)).toBe('confirm');
    await settle();
    expect(events).toEqual(['popup asks "Quit Keytray?"']);
    expect(app.hasQuit).toBe(false);

    // "Quit anyway" in the popup reaches the core's app.quit, which is Desktop.quit.
    quitting.quit();
    await settle();
    expect(events).toEqual(['popup asks "Quit Keytray?"', 'clipboard cleared', 'update installed']);
  });

  it('Restart to update with nothing to lose installs at once, after the clean-up', async () => {
    const { quitting, events, install } = setup('quit');
    quitting.requestRestart(install);
    await settle();
    expect(events).toEqual(['clipboard cleared', 'update installed']);
    // The install quits the app itself (electron-updater's quitAndInstall), past a `before-quit` that no
    // longer holds it back.
    app.quit();
    expect(app.hasQuit).toBe(true);
  });

  it('Restart to update, cancelled, then Quit: quits without installing', async () => {
    const { quitting, events, install } = setup('confirm');
    quitting.requestRestart(install);
    quitting.requestQuit();
    quitting.quit();
    await settle();
    expect(events).toEqual(['popup asks "Quit Keytray?"', 'popup asks "Quit Keytray?"', 'clipboard cleared']);
    expect(app.hasQuit).toBe(true);
  });
});
