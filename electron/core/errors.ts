import { LINKS } from '../common/contract.js';
import type { ErrorCode } from '../common/result.js';

/**
 * The one error type services throw. `message` is for people (plain words, never a secret); `detail` is
 * for the log (Telnyx's error code, HTTP status) and never crosses IPC.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, detail: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }
}

/** The portal's API keys page, for messages that send a person there: the contract's one portal link. */
export const PORTAL_URL = LINKS.portal;
