import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronDesktop } from '../../../electron/main/desktop.js';
import { Notification } from '../../fixtures/fake-electron.js';

const desktop = () =>
  createElectronDesktop({
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    tray: () => null,
    popup: () => null,
    onNotificationClick: () => {},
    platform: 'linux',
  });

afterEach(() => vi.useRealTimers());

describe('Electron desktop: a copy confirmed', () => {
  it('shows a silent notification naming the copy, and takes it back after the time asked', () => {
    vi.useFakeTimers();
    desktop().confirmCopy({
      title: 'Copied KEY01…AB34',
      body: 'The clipboard clears in 30 s.',
      showForMs: 4000,
    });
    const toast = Notification.shown.at(-1);
    expect(toast?.options).toEqual({
      title: 'Copied KEY01…AB34',
      body: 'The clipboard clears in 30 s.',
      silent: true,
    });
    vi.advanceTimersByTime(3999);
    expect(toast?.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(toast?.closed).toBe(true);
  });
});
