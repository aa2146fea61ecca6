/**
 * The values the Settings choices offer, apart from the schemas that check them (`models.ts`), so the popup
 * can list them without loading zod (see `channels.ts`).
 */
export const CLIPBOARD_CLEAR_CHOICES = [0, 10, 30, 60, 90, 120] as const;
export const REMINDER_LEAD_CHOICES = [30, 7, 1, 0] as const;
/** "Not used for «n» days": the choices of Settings' `Unused after`. */
export const UNUSED_AFTER_CHOICES = [30, 60, 90, 180, 365] as const;
