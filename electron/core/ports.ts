import type { TrayModel } from './tray-model/tray-model.js';

/** The few things the core asks of the desktop. Each shell (Electron, preview) implements this port. */
export interface Desktop {
  /**
   * `secret` asks the OS to keep the copy out of clipboard history and sync where it can. Async: Electron's
   * clipboard (44+) is modeled on the W3C async Clipboard API.
   */
  writeClipboard(text: string, options: { secret: boolean }): Promise<void>;
  readClipboard(): Promise<string>;
  notify(notification: DesktopNotification): void;
  /**
   * Confirms a copy where the person is looking: with "Hide after copy" the popup is gone before its own line
   * can be read, and a tray-menu copy has no popup at all. A short, silent notification, or a tray title, as
   * the platform allows; gone after `showForMs`. Never in the notification list a reminder click works from.
   */
  confirmCopy(confirmation: CopyConfirmation): void;
  setTray(model: TrayModel): void;
  showPopup(options?: { filterKeyIds?: string[] }): void;
  hidePopup(): void;
  /** Asks where to save a text file (a save dialog in Electron); the path saved to, or null if cancelled. */
  saveTextFile(suggestedName: string, text: string): Promise<string | null>;
  /** Only ever called with a URL from the contract's `LINKS`. */
  openExternal(url: string): void;
  /** Takes back the notifications still on screen (another account was connected: they are not its). */
  withdrawNotifications(): void;
  /** Ends the app; the core asks only after the person confirmed any loss (see `Core.requestQuit`). */
  quit(): void;
}

export type DesktopNotification = {
  title: string;
  body: string;
  /** Keys the notification is about: a click opens the popup filtered to them. */
  keyIds: string[];
  /** The account they belong to, when it is not the active one: a click switches to it first. */
  account?: string;
};

/** What was copied and when the clipboard clears, said by the desktop (see `Desktop.confirmCopy`). */
export type CopyConfirmation = { title: string; body: string; showForMs: number };

/** Time, injectable so reminders and clipboard clearing can be tested and the preview can move the clock. */
export interface Clock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export type TimerHandle = { readonly id: number };

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
