import { channels, type Channel, type RequestOf, type ValueOf } from '../../common/contract.js';
import { fail, ok, type Result } from '../../common/result.js';
import { AppError } from '../errors.js';
import type { Logger } from '../ports.js';

export type Handler<C extends Channel> = (payload: RequestOf<C>) => Promise<ValueOf<C>> | ValueOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/** What a shell registers: channel → (unknown payload) → Result. Nothing else reaches the services. */
export type HandlerTable = { [C in Channel]: (payload: unknown) => Promise<Result<ValueOf<C>>> };

/**
 * Wraps each service handler: the payload is `unknown` until the channel's zod schema accepts it (strict:
 * extra fields are refused), and every outcome becomes a `Result`. An `AppError` keeps its code and plain
 * message; anything else is a bug, logged (redacted) and answered with a generic sentence, never a stack.
 */
export function createHandlerTable(handlers: Handlers, logger: Logger): HandlerTable {
  const table = {} as Record<Channel, (payload: unknown) => Promise<Result<unknown>>>;
  for (const channel of Object.keys(channels) as Channel[]) {
    const schema = channels[channel].request;
    const handler = handlers[channel] as (payload: unknown) => unknown;
    table[channel] = async (payload) => {
      // --- Input validation ---
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
        logger.warn('invalid IPC payload', { channel, issue: issue?.code, path: issue?.path.join('.') });
        return fail(
          'invalid-input',
          `Keytray could not accept that${where}: ${issue?.message ?? 'invalid input'}.`,
        );
      }
      try {
        return ok(await handler(parsed.data));
      } catch (error) {
        if (error instanceof AppError) {
          logger.warn(`${channel} failed`, { code: error.code, ...error.detail });
          return fail(error.code, error.message);
        }
        logger.error(`${channel} crashed`, { error });
        return fail(
          'internal',
          'Something went wrong inside Keytray. Try again; if it keeps happening, restart Keytray.',
        );
      }
    };
  }
  return table as HandlerTable;
}
