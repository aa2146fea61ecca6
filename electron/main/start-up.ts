import { app, dialog } from 'electron';
import type { Logger } from '../core/ports.js';
import { whereTheLogIs } from './main-log.js';

/**
 * Runs the app's start-up so that a failure is never an unhandled rejection: it is logged (redacted, with
 * its stack), the person is told in a dialog where the log is, and Keytray exits with status 1 rather than
 * living on as a tray icon that does nothing. `dialog.showErrorBox` is safe before the app is ready (on
 * Linux it then prints to stderr instead).
 */
export async function startOrExplain(
  start: () => Promise<void>,
  log: { logger: () => Logger; path: string },
): Promise<void> {
  try {
    await start();
  } catch (error) {
    log.logger().error('Keytray could not start', { error, stack: stackOf(error) });
    dialog.showErrorBox(
      'Keytray could not start',
      `Something went wrong while Keytray was starting, so it will close. ${whereTheLogIs(log.path)}`,
    );
    app.exit(1);
  }
}

/**
 * After start-up, an error nothing caught is logged instead of Electron's default dialog, which shows a raw
 * stack (design: never a raw stack in the UI). The app carries on, as Electron's default would.
 */
export function logUncaughtErrors(logger: () => Logger): void {
  process.on('uncaughtException', (error) =>
    logger().error('uncaught exception in main', { error, stack: stackOf(error) }),
  );
  process.on('unhandledRejection', (reason) =>
    logger().error('unhandled rejection in main', { error: reason, stack: stackOf(reason) }),
  );
}

function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined;
}
