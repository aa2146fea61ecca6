import { parseKeyValue, shortKeyId } from '../../common/key-id.js';
import type { KeyView, SecretSaved } from '../../common/models.js';
import type { AccountService } from '../accounts/account-service.js';
import { AppError } from '../errors.js';
import type { Redactor } from '../logging/redact.js';
import type { Logger } from '../ports.js';
import type { HeldSecrets } from './held-secrets.js';
import { wrongCredential } from '../wrong-credential.js';

/**
 * A full key a person pastes (`Save the full key`, `Change saved key…`), before it is stored: shaped like a key,
 * of this key, and checked with Telnyx (`GET /v2/balance` with it). For a key that should work, a refusal means
 * the paste is wrong: nothing is saved. Telnyx refuses disabled and expired keys too, so for those — and when
 * Telnyx can't be reached — it is saved only when the person confirms, having been told it could not be checked.
 * `new` never replaces a held secret; `change` is the explicit way to.
 */
export async function storePastedSecret(
  deps: {
    accounts: AccountService;
    held: HeldSecrets;
    view: (id: string) => Promise<KeyView>;
    logger: Logger;
    redactor: Redactor;
    changed: () => void;
  },
  input: { id: string; value: string; confirmUnchecked: boolean; mode: 'new' | 'change' },
): Promise<SecretSaved> {
  const { id, mode } = input;
  const trimmed = input.value.trim();
  const wrongKind = wrongCredential('full-key', trimmed);
  if (wrongKind) throw wrongKind;
  const parsed = parseKeyValue(trimmed);
  if (!parsed)
    throw new AppError(
      'invalid-input',
      'That does not look like a Telnyx API key. A key starts with KEY and has an underscore in it.',
    );
  if (parsed.id !== id) {
    throw new AppError(
      'invalid-input',
      `That key is ${shortKeyId(parsed.id)}, not ${shortKeyId(id)}. Paste the key whose id starts the same.`,
    );
  }
  const known = await deps.view(id);
  const holding = await deps.held.holds(id);
  if (mode === 'new' && holding) {
    throw new AppError(
      'rejected',
      `Keytray already holds the full key of ${shortKeyId(id)}. To replace it, use "Change saved key…".`,
    );
  }
  if (mode === 'change' && !holding) {
    throw new AppError(
      'not-found',
      `Keytray does not hold the full key of ${shortKeyId(id)} yet. Use "Save the full key".`,
    );
  }
  deps.redactor.remember(trimmed);
  if (mode === 'change' && (await deps.held.secretOf(id)) === trimmed)
    return { outcome: 'saved', key: known };
  const check = await deps.accounts.checkSecret(trimmed);
  if (check === 'refused' && known.status === 'active') {
    throw new AppError(
      'rejected',
      `Telnyx refused that key, so it is not the full key of ${shortKeyId(id)} (or the key was revoked). Nothing was saved.`,
    );
  }
  if (check !== 'accepted' && !input.confirmUnchecked) {
    return { outcome: 'unchecked', reason: uncheckedReason(known, check === 'unreachable') };
  }
  await deps.held.save(id, trimmed);
  deps.logger.info(mode === 'new' ? 'full key saved' : 'saved key changed', {
    id,
    checked: check === 'accepted',
  });
  deps.changed();
  return { outcome: 'saved', key: await deps.view(id) };
}

/** Why a pasted key could not be checked, said from what Keytray knows of the key. */
function uncheckedReason(known: KeyView, unreachable: boolean): string {
  if (unreachable) return 'Keytray could not reach Telnyx to check that this is the right key.';
  if (known.status === 'unknown') {
    return `Telnyx refused that key, and Keytray does not know whether ${shortKeyId(known.id)} is on${known.statusWord ? ` (Telnyx calls it "${known.statusWord}")` : ''}, so it can't check that this is the right one.`;
  }
  const state = known.status === 'expired' ? 'expired' : 'disabled';
  return `${shortKeyId(known.id)} is ${state}, and Telnyx refuses every ${state} key, so Keytray can't check that this is the right one.`;
}
