import { randomUUID } from 'node:crypto';
import type { TokenCopyFormat } from '../../common/contract.js';
import { V1_TOKEN_PATTERN } from '../../common/credential-kind.js';
import type { CopyDone, TokenView } from '../../common/models.js';
import type { SecureClipboard } from '../clipboard/secure-clipboard.js';
import { AppError } from '../errors.js';
import type { Events } from '../events.js';
import { formatToken } from '../keys/copy-formats.js';
import type { Pins } from '../keys/pins.js';
import type { Redactor } from '../logging/redact.js';
import type { Clock, Logger } from '../ports.js';
import { secretName, type SecretStore } from '../secrets/secret-store.js';
import type { DocumentStore } from '../settings/json-store.js';
import type { StoredState, StoredToken } from '../settings/stored-state.js';
import { wrongCredential } from '../wrong-credential.js';

/**
 * V1 tokens: no public API lists or creates them, so Keytray keeps the ones a person pastes in, per account.
 * The token goes to the keychain (first; if that fails nothing is recorded) and its name and e-mail to settings.
 */
export function createTokenVault(deps: {
  /** The connected account's part of the keychain: a token belongs to the account it was added under. */
  secrets: () => SecretStore;
  /** The connected account's scope: a token is filed with its secret's account, or not at all. */
  scope: () => string | null;
  state: DocumentStore<StoredState>;
  pins: Pins;
  clipboard: SecureClipboard;
  events: Events;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
}) {
  const toView = (token: StoredToken): TokenView => ({
    ...token,
    pinned: deps.pins.has('token', token.id),
    pinLabel: deps.pins.label('token', token.id),
  });
  const find = (id: string): StoredToken => {
    const token = deps.state.read().tokens.find((t) => t.id === id);
    if (!token) throw new AppError('not-found', 'Keytray does not have that token any more.');
    return token;
  };
  const nameTaken = (name: string, except?: string) =>
    deps.state.read().tokens.some((t) => t.id !== except && t.name.toLowerCase() === name.toLowerCase());
  const changed = () => deps.events.emit('keys.changed', {});

  return {
    list: (): TokenView[] => deps.state.read().tokens.map(toView),

    async add(input: { name: string; email: string; token: string }): Promise<TokenView> {
      const name = input.name.trim();
      const value = input.token.trim();
      // An API key (or a key's id) pasted here is said as what it is, with where it goes.
      const wrongKind = wrongCredential('v1-token', value);
      if (wrongKind) throw wrongKind;
      if (!V1_TOKEN_PATTERN.test(value)) {
        throw new AppError(
          'invalid-input',
          'That does not look like a V1 token. Copy it again from the portal: it is a string of about 22 letters and digits.',
        );
      }
      if (nameTaken(name))
        throw new AppError('invalid-input', `You already have a token named "${name}". Pick another name.`);
      const token: StoredToken = {
        id: randomUUID(),
        name,
        email: input.email.trim(),
        createdAt: deps.clock.now().toISOString(),
      };
      deps.redactor.remember(value);
      const scope = deps.scope();
      const store = deps.secrets();
      await store.set(secretName.token(token.id), value);
      if (deps.scope() !== scope) {
        // Another account was connected while the keychain answered: the token is not that account's. The
        // person still has it in hand (they just pasted it), so nothing is lost by taking it back out.
        await store.delete(secretName.token(token.id)).catch(() => false);
        throw new AppError(
          'rejected',
          'Another account was connected meanwhile, so the token was not added. Add it again.',
        );
      }
      const state = deps.state.read();
      deps.state.write({ ...state, tokens: [...state.tokens, token] });
      deps.logger.info('v1 token added', { id: token.id });
      changed();
      return toView(token);
    },

    rename(id: string, name: string): TokenView {
      const token = find(id);
      const trimmed = name.trim();
      if (nameTaken(trimmed, id))
        throw new AppError('invalid-input', `You already have a token named "${trimmed}".`);
      const state = deps.state.read();
      const renamed = { ...token, name: trimmed };
      deps.state.write({ ...state, tokens: state.tokens.map((t) => (t.id === id ? renamed : t)) });
      changed();
      return toView(renamed);
    },

    async remove(id: string): Promise<void> {
      find(id);
      await deps.secrets().delete(secretName.token(id));
      deps.pins.remove('token', id);
      const state = deps.state.read();
      deps.state.write({ ...state, tokens: state.tokens.filter((t) => t.id !== id) });
      changed();
    },

    async copy(id: string, format: TokenCopyFormat): Promise<CopyDone> {
      const token = find(id);
      const value = await deps.secrets().get(secretName.token(id));
      if (!value)
        throw new AppError(
          'not-found',
          `The keychain no longer holds the token "${token.name}". Remove it and add it again.`,
        );
      deps.redactor.remember(value);
      const done = {
        label: token.name,
        clearsInSeconds: await deps.clipboard.copy(formatToken(token.email, value, format)),
      };
      deps.events.emit('copied', done);
      return done;
    },

    pin(id: string, pinned: boolean, label?: string | null): TokenView {
      find(id);
      if (pinned) deps.pins.add('token', id, label);
      else deps.pins.remove('token', id);
      changed();
      return toView(find(id));
    },
  };
}

export type TokenVault = ReturnType<typeof createTokenVault>;
