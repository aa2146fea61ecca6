import { z } from 'zod';
import { CHANNELS, type Channel } from '../common/contract.js';

/**
 * Every body the preview server accepts, as a zod schema (design rule 3: a body is `unknown` until a schema
 * accepts it). Strict objects: an extra field is refused, not ignored.
 */

/**
 * `POST /api/invoke`: the bridge's envelope. The channel must be one of the contract's; the payload stays
 * `unknown` here because the core's handler table parses it with that channel's own schema from the contract.
 */
export const InvokeRequest = z.strictObject({
  channel: z.enum(CHANNELS as [Channel, ...Channel[]]),
  payload: z.unknown().optional(),
});

/** `POST /api/desktop/popup`: show or hide the popup (the tray icon's click). */
export const PopupRequest = z.strictObject({
  visible: z.boolean(),
  view: z.enum(['main', 'settings']).optional(),
});

/** `POST /api/desktop/tray` and `/api/desktop/notification`: which menu item or toast was clicked. */
export const ChoiceRequest = z.strictObject({ index: z.number().int().min(0).max(1000) });

/** `POST /__test__/clock`: move the core's clock forward, or to an instant (anything `Date` can read). */
export const ClockRequest = z.union([
  z.strictObject({ advanceMs: z.number().finite().min(0) }),
  z.strictObject({
    now: z
      .string()
      .max(64)
      .refine((text) => !Number.isNaN(Date.parse(text)), 'not a date'),
  }),
]);
