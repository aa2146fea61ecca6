import type { CompatibilityReport } from '../../../common/models.js';
import type { AccountService } from '../../accounts/account-service.js';
import type { Clock, Logger } from '../../ports.js';
import type { DocumentStore } from '../../settings/json-store.js';
import type { StoredState } from '../../settings/stored-state.js';
import { resolveBaseUrl, TELNYX_BASE_URL } from '../base-url.js';
import { checkTelnyxCompatibility, type CheckTarget } from './check-compatibility.js';

/**
 * `telnyx.checkCompatibility`: runs the check with the connected account's client and files the key-record
 * spellings it found under that account (`AccountData.telnyxFields`), where its client reads them on every
 * later list (see `account-service.ts`). Field names only reach the settings file, never a value.
 */
export function createCompatibilityService(deps: {
  accounts: Pick<AccountService, 'session' | 'scope'>;
  /** The connected account's part of the settings. */
  state: DocumentStore<StoredState>;
  clock: Clock;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  packaged: boolean;
  appVersion: string | null;
}) {
  function target(mode: 'telnyx' | 'demo'): CheckTarget {
    if (mode === 'demo') return 'demo';
    try {
      return resolveBaseUrl(deps.env, deps.packaged) === TELNYX_BASE_URL ? 'telnyx' : 'custom';
    } catch {
      return 'custom';
    }
  }

  /** The last report's text: `Copy report` copies this, never text the popup sends. */
  let lastText: string | null = null;

  return {
    async check(): Promise<CompatibilityReport> {
      const session = deps.accounts.session();
      const { report, learned } = await checkTelnyxCompatibility(session.client, {
        appVersion: deps.appVersion,
        now: () => deps.clock.now(),
        target: target(session.mode),
      });
      // Another account may have been connected while the check ran: what it learned is not that one's.
      const sameAccount = deps.accounts.scope() === session.scope;
      if (learned !== null && Object.keys(learned).length > 0 && sameAccount) {
        const checkedAt = deps.clock.now().toISOString();
        deps.state.write({ ...deps.state.read(), telnyxFields: { checkedAt, keyRecord: learned } });
      }
      lastText = report.text;
      deps.logger.info('telnyx compatibility checked', {
        answers: report.routes.map((r) => `${r.path} ${r.status ?? 'no answer'}`),
        learned,
      });
      return report;
    },

    /** The last report, for `Copy report`; null before the first check. */
    lastReportText: () => lastText,
    /** Another account was connected: the report was about the one before. */
    forgetReport() {
      lastText = null;
    },
  };
}
