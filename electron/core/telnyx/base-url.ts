import { isIP } from 'node:net';
import { AppError } from '../errors.js';

export const TELNYX_BASE_URL = 'https://api.telnyx.com/v2';

/**
 * Where the API key is sent. A packaged build talks to Telnyx only. An unpackaged one (tests, the preview, the
 * simulator) honours `TELNYX_BASE_URL` — the variable Telnyx's own SDKs read — over https, or over plain http
 * only to this machine (loopback), so the key never crosses a network in clear text. Nothing read from a file
 * chooses it: anyone who can edit a settings file could otherwise have the owner key sent to their host.
 */
export function resolveBaseUrl(env: NodeJS.ProcessEnv, packaged: boolean): string {
  const wanted = env['TELNYX_BASE_URL'];
  if (packaged || !wanted) return TELNYX_BASE_URL;
  let url: URL;
  try {
    url = new URL(wanted);
  } catch {
    throw badBaseUrl(wanted);
  }
  if (url.username || url.password) throw badBaseUrl(wanted);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) {
    return url.toString().replace(/\/+$/, '');
  }
  throw badBaseUrl(wanted);
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function badBaseUrl(value: string) {
  return new AppError(
    'invalid-input',
    'TELNYX_BASE_URL must be an https:// address, or an http:// address on this computer (127.0.0.1, localhost). Keytray sent nothing.',
    { baseUrl: value.slice(0, 200) },
  );
}
