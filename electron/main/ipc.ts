import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, EVENT_NAMES } from '../common/contract.js';
import { fail } from '../common/result.js';
import type { Events } from '../core/events.js';
import type { HandlerTable } from '../core/ipc/handler-table.js';
import type { Logger } from '../core/ports.js';
import { whereTheLogIs } from './main-log.js';

export const invokeChannel = (channel: string) => `keytray:${channel}`;
export const eventChannel = (event: string) => `keytray-event:${event}`;

/**
 * The only place main talks IPC. Every channel of the contract is registered (before any window exists);
 * each call's sender is checked, then the core's handler validates the payload and answers a Result. An
 * `internal` failure (a bug, logged by the core) tells the person where the log file is.
 */
export function registerIpc(options: {
  handlers: HandlerTable;
  isTrustedSender: (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;
  logger: Logger;
  logPath: string;
}): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(invokeChannel(channel), async (event, payload: unknown) => {
      if (!options.isTrustedSender(event)) {
        options.logger.warn('refused an IPC call from an unknown sender', {
          channel,
          url: event.senderFrame?.url,
        });
        return fail('forbidden', 'Refused: this request did not come from the Keytray popup.');
      }
      const result = await options.handlers[channel](payload);
      if (result.ok || result.error.code !== 'internal') return result;
      return fail('internal', `${result.error.message} ${whereTheLogIs(options.logPath)}`);
    });
  }
}

/**
 * Takes away a channel a library registered by itself (electron-store's, see `electron-store-file.ts`): main
 * answers renderers only through the handler table above, where every payload is validated.
 */
export function closeLibraryChannel(channel: string): void {
  ipcMain.removeAllListeners(channel);
}

/** Forwards the core's events to the popup. */
export function forwardEvents(events: Events, target: () => WebContents | null): void {
  for (const event of EVENT_NAMES) {
    events.on(event, (payload) => {
      const contents = target();
      if (contents && !contents.isDestroyed()) contents.send(eventChannel(event), payload);
    });
  }
}
