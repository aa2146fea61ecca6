import { shortKeyId } from '../../common/key-id.js';
import type { KeyScopes } from '../../common/models.js';
import type { AccountService } from '../accounts/account-service.js';
import { AppError, PORTAL_URL } from '../errors.js';
import type { Logger } from '../ports.js';

export type KeyScopesDeps = {
  accounts: AccountService;
  logger: Logger;
  /** Whether Keytray lists this key (an id it does not know is refused before Telnyx is asked). */
  knows: (id: string) => boolean;
};

/**
 * A key's permissions, read-only: its scope statements (`GET /v2/iam/api_keys/{id}/scopes`, owner only) and
 * whether IAM is on for the organization (`GET /v2/iam/settings`), without which the statements are not
 * enforced. Statements are the answer; IAM's state is said when Telnyx tells it and "unknown" otherwise, so a
 * failure of the settings route never hides the statements.
 */
export function createKeyScopes(deps: KeyScopesDeps) {
  return {
    async scopes(id: string): Promise<KeyScopes> {
      const short = shortKeyId(id);
      if (!deps.knows(id))
        throw new AppError('not-found', `Keytray does not know ${short}. Sync and try again.`);
      const session = deps.accounts.session();
      if (!session.capabilities.isOwner) {
        throw new AppError(
          'forbidden',
          `Only the organization owner's key can read a key's permissions from Telnyx. See them in the Telnyx portal (${PORTAL_URL}).`,
        );
      }
      const [statements, iam] = await Promise.allSettled([
        session.client.keyScopes(id),
        session.client.iamEnabled(),
      ]);
      if (statements.status === 'rejected') {
        const error: unknown = statements.reason;
        if (error instanceof AppError && error.code === 'forbidden')
          throw new AppError(
            'forbidden',
            `Telnyx did not let the connected key read the permissions of ${short}: only the organization owner may. See them in the Telnyx portal (${PORTAL_URL}).`,
            error.detail,
          );
        // The key is in the list, so a 404 says the route is not there for this account.
        if (error instanceof AppError && (error.code === 'not-found' || error.code === 'not-supported'))
          throw new AppError(
            'not-supported',
            `Telnyx doesn't show key permissions to Keytray for this account. See them in the Telnyx portal (${PORTAL_URL}).`,
            error.detail,
          );
        throw error;
      }
      if (iam.status === 'rejected')
        deps.logger.info('IAM settings not read', {
          error: iam.reason instanceof AppError ? iam.reason.code : 'unexpected',
        });
      const iamOn = iam.status === 'fulfilled' ? iam.value : null;
      return {
        id,
        statements: statements.value,
        iam: iamOn === null ? 'unknown' : iamOn ? 'on' : 'off',
      };
    },
  };
}

export type KeyScopesService = ReturnType<typeof createKeyScopes>;
