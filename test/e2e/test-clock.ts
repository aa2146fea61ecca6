import { calendarDaysLater, inZone, localTime } from '../fixtures/time-zones.js';

/**
 * The one clock an end-to-end test runs on: a fixed wall-clock time in the zone under test, from which time
 * runs on in real time (as the preview's shifted clock does). The preview's core (started at it, and moved
 * through `/__test__/clock`), the simulator (it stamps creation dates and refuses past expiries) and the page
 * (`page.clock`) all follow it, so a test reads the same whatever the hour, date or zone of the machine.
 */
export type TestClock = {
  /** The IANA zone under test: the preview runs with `TZ` set to it, the browser with `timezoneId`. */
  readonly zone: string;
  now(): Date;
  /**
   * The same local wall-clock time `days` calendar days on in the zone under test (or that day at
   * `hour:minute`): "a day later" as a person means it, 23 or 25 hours across a daylight-saving change.
   */
  daysOn(days: number, hour?: number, minute?: number): Date;
  /** Time moved to `now` (the preview's clock route answers with its new time): every follower hears it. */
  moved(now: Date): Promise<void>;
  /** Adds a part that must follow every move, e.g. the page's clock. */
  follow(listener: (now: Date) => Promise<void>): void;
};

/** A test clock that starts at `wallClock` (`YYYY-MM-DDTHH:mm`, local to `zone`). */
export function createTestClock(zone: string, wallClock: string): TestClock {
  let offset = inZone(zone, () => localTime(wallClock)).getTime() - Date.now();
  const followers: ((now: Date) => Promise<void>)[] = [];
  const now = () => new Date(Date.now() + offset);
  return {
    zone,
    now,
    daysOn: (days, hour, minute) => inZone(zone, () => calendarDaysLater(now(), days, hour, minute)),
    async moved(to) {
      offset = to.getTime() - Date.now();
      for (const follower of followers) await follower(to);
    },
    follow: (listener) => void followers.push(listener),
  };
}

/** The machine's own zone: where a project names none, the preview and the browser use this one. */
export const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
