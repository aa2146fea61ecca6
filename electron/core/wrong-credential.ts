import { credentialKind } from '../common/credential-kind.js';
import { parseKeyValue, shortKeyId } from '../common/key-id.js';
import { AppError } from './errors.js';

/** Where a person pasted a credential: the Connect field, `Save the full key`/`Change saved key…`, `Add V1 token`. */
export type PastePlace = 'connect' | 'full-key' | 'v1-token';

const KEY_SHAPE = 'An API key starts with KEY and has an underscore in it';

/**
 * A credential pasted in the wrong place, said as what it is and where it goes (issue 11, item 10): a V1 token on
 * Connect or in `Save the full key`, an API key in `Add V1 token`, or a key's id without its secret. Null when
 * the paste is the right kind for the place (or no kind Keytray knows: the place's own check then speaks).
 * Never repeats the pasted text: it may be a secret.
 */
export function wrongCredential(place: PastePlace, pasted: string): AppError | null {
  const kind = credentialKind(pasted);
  const refuse = (message: string) => new AppError('invalid-input', message);
  if (place === 'v1-token') {
    if (kind === 'api-key') {
      const id = parseKeyValue(pasted.trim())?.id ?? '';
      return refuse(
        `That is an API key (${shortKeyId(id)}), not a V1 token. API keys belong on the API keys tab: find ` +
          `${shortKeyId(id)} there and choose "Save the full key" so Keytray can copy it. A V1 token is a ` +
          'string of about 22 letters and digits from the Auth V1 page of the Telnyx portal.',
      );
    }
    if (kind === 'key-id')
      return refuse(
        'That is the id of an API key, not a V1 token. A V1 token is a string of about 22 letters and digits from the Auth V1 page of the Telnyx portal.',
      );
    return null;
  }
  if (kind === 'v1-token') {
    return refuse(
      place === 'connect'
        ? 'That looks like a V1 token, not an API key. Keytray connects with an API key, which starts with KEY and has an underscore in it: find it on the API Keys page of the Telnyx portal. Once connected, add V1 tokens on the V1 tokens tab.'
        : `That looks like a V1 token, not the full API key. V1 tokens go on the V1 tokens tab, under "Add token". ${KEY_SHAPE}.`,
    );
  }
  if (kind === 'key-id') {
    return refuse(
      "That is only a key's id, the part before the underscore. Paste the whole key: the id, an underscore, then " +
        'the secret. Telnyx shows the whole key only once, when it is created.',
    );
  }
  return null;
}
