import { AppError } from '../errors.js';
import type { DisableSchedule } from '../keys/disable-schedule.js';
import type { Clock, Desktop, Logger, TimerHandle } from '../ports.js';
import type { DocumentStore } from '../settings/json-store.js';
import type { KeyCache, StoredState } from '../settings/stored-state.js';
import { attentionOf } from './attention.js';
import { collectDue } from './collect-due.js';
import { keyName, reminderNotification, withAccountName } from './reminder-text.js';

const HOUR_MS = 3_600_000;

/**
 * Expiry reminders and planned disables. `check()` runs at start, hourly, after a sync and when the clock
 * jumps (resume from sleep, the preview's test route). The log of what was announced lives in settings, so
 * nothing repeats across restarts; a late check announces only the most urgent lead time it missed.
 */
export function createReminderService(deps: {
  state: DocumentStore<StoredState>;
  keyCache: DocumentStore<KeyCache>;
  clock: Clock;
  desktop: Desktop;
  logger: Logger;
  schedule: DisableSchedule;
  disable: (keyId: string) => Promise<void>;
  /** Reminders belong to an account: with none connected there is nothing to check. */
  connected?: () => boolean;
  /** The names people gave keys (`Rename…`): a reminder names a key the way its row does. */
  names?: () => Readonly<Record<string, string>>;
  /** With several accounts, the active one's name: its reminders say whose keys they are. */
  accountName?: () => string | null;
  /** True while the active account's keys must not remind (the demo, once a real account exists). */
  quiet?: () => boolean;
  /** The other accounts' reminders, in the same check (see `other-accounts-watch.ts`). */
  alsoCheck?: (now: Date) => Promise<void>;
}) {
  let timer: TimerHandle | null = null;
  let running: Promise<void> | null = null;
  /** The one check to run after the running one (see `check`). */
  let again: Promise<void> | null = null;

  function remind(now: Date) {
    const { preferences, reminders } = deps.state.read();
    if (preferences.reminderLeadDays.length === 0) return;
    // The demo's simulated keys raise no reminders once a real account exists.
    if (deps.quiet?.()) return;
    const keys = deps.keyCache.read().keys;
    const { due, sent } = collectDue({
      keys,
      leadDays: preferences.reminderLeadDays,
      log: reminders,
      now,
      names: deps.names?.() ?? {},
    });
    deps.state.write({
      ...deps.state.read(),
      reminders: { ...reminders, sent, lastCheckAt: now.toISOString() },
    });
    if (due.length === 0) return;
    // Several at once: one notification that counts by the one rule (the tray's badge, the banner), so the
    // number it says is the number they show, and a click shows those keys, soonest first.
    const attention = attentionOf({
      keys,
      now,
      leadDays: preferences.reminderLeadDays,
      snoozedUntil: reminders.snoozedUntil,
    });
    deps.desktop.notify(withAccountName(reminderNotification(due, attention), deps.accountName?.() ?? null));
    deps.logger.info('expiry reminder shown', { keys: due.length });
  }

  async function carryOutPlannedDisables(now: Date) {
    for (const plan of deps.schedule.due(now)) {
      const cached = deps.keyCache.read().keys.find((k) => k.id === plan.keyId);
      const names = deps.names?.() ?? {};
      const key = cached && { ...cached, name: names[cached.id] ?? null };
      try {
        if (key && key.status === 'active') await deps.disable(plan.keyId);
        deps.schedule.cancel(plan.keyId);
        if (key && key.status === 'active') {
          deps.desktop.notify(
            plan.replacedBy === null
              ? {
                  // Planned at creation, because Telnyx did not set the expiry date the person asked for.
                  title: 'Telnyx key disabled on its expiry date',
                  body: `${keyName(key)} is now disabled, on the expiry date you asked for when creating it.`,
                  keyIds: [plan.keyId],
                }
              : {
                  title: 'Old Telnyx key disabled, as planned',
                  body: `${keyName(key)} is now disabled. Its replacement ${keyName({ id: plan.replacedBy, tags: [], name: names[plan.replacedBy] ?? null })} stays in use.`,
                  keyIds: [plan.keyId],
                },
          );
        }
      } catch (error) {
        if (error instanceof AppError && error.code === 'not-found') deps.schedule.cancel(plan.keyId);
        else
          deps.logger.warn('planned disable failed; will retry at the next check', {
            keyId: plan.keyId,
            error,
          });
      }
    }
  }

  async function runCheck() {
    const now = deps.clock.now();
    if (deps.connected && !deps.connected()) return;
    remind(now);
    await carryOutPlannedDisables(now);
    await deps.alsoCheck?.(now).catch((error: unknown) => {
      deps.logger.warn('could not check the other accounts’ reminders', { error });
    });
  }

  async function check(): Promise<void> {
    // Asked while a check runs (a sync's fresh list while the last check still lists the other accounts):
    // one more check after it, for all who asked meanwhile. The running one may have read the keys before
    // that sync kept them, and its key's reminder would wait for the next hour.
    if (running) {
      const after = () => {
        again = null;
        return check();
      };
      return (again ??= running.then(after, after));
    }
    // One check at a time: a sync and the hourly timer may arrive together. `.finally` clears the latch
    // after it is set, even when a check ends before its first await (a `finally` inside the async body
    // would run first and leave the latch set for good: no check would ever run again).
    running = runCheck().finally(() => {
      running = null;
    });
    return running;
  }

  function arm() {
    if (timer) deps.clock.clearTimeout(timer);
    timer = deps.clock.setTimeout(() => {
      void check().finally(arm);
    }, HOUR_MS);
  }

  return {
    check,
    /** Checks now and then every hour. */
    start() {
      arm();
      return check();
    },
    stop() {
      if (timer) deps.clock.clearTimeout(timer);
      timer = null;
    },
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
