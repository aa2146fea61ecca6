import {
  createBridgeApi,
  type Channel,
  type EventName,
  type EventPayload,
  type KeytrayBridge,
  type RequestOf,
  type ValueOf,
} from '../../../electron/common/contract.js';
import type { Result } from '../../../electron/common/result.js';

type Answer<C extends Channel> = (payload: RequestOf<C>) => Result<ValueOf<C>> | Promise<Result<ValueOf<C>>>;

/**
 * `window.keytray` for component tests: main's side of the bridge is what cannot run in a DOM test, so each
 * test says what main answers (`answer`), reads what the popup asked (`calls`), and pushes events (`emit`).
 * A channel nobody answered fails the way a broken bridge would, so a test sees an unexpected call.
 */
export function createFakeBridge() {
  const answers = new Map<Channel, Answer<Channel>>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: { channel: Channel; payload: unknown }[] = [];
  const api: KeytrayBridge = createBridgeApi({
    async invoke(channel, payload) {
      calls.push({ channel, payload });
      const answer = answers.get(channel);
      if (!answer)
        return {
          ok: false,
          error: { code: 'unavailable', message: `${channel} is not answered in this test` },
        };
      return answer(payload as never);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  });
  return {
    api,
    calls,
    /** What main answers on `channel` from now on. */
    answer<C extends Channel>(channel: C, answer: Answer<C>) {
      answers.set(channel, answer as unknown as Answer<Channel>);
    },
    /** The payloads the popup sent on `channel`, in order. */
    sent<C extends Channel>(channel: C): RequestOf<C>[] {
      return calls.filter((c) => c.channel === channel).map((c) => c.payload as RequestOf<C>);
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    reset() {
      answers.clear();
      listeners.clear();
      calls.length = 0;
    },
  };
}

export type FakeBridge = ReturnType<typeof createFakeBridge>;

/** The one fake every renderer test shares: the popup's `bridge.ts` reads `window.keytray` once, at import. */
export const bridge: FakeBridge = ((globalThis as { __keytrayFake?: FakeBridge }).__keytrayFake ??=
  createFakeBridge());

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const failed = (code: string, message: string): Result<never> =>
  ({ ok: false, error: { code, message } }) as Result<never>;
