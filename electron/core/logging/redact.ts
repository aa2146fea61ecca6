/**
 * Redaction at the logger: nothing shaped like a secret leaves main in a log line. Patterns catch full v2
 * keys and header values; every other secret the core handles (v1 tokens have no telltale shape) is
 * registered with `remember` so its exact text is replaced too.
 */
const FULL_KEY = /KEY[0-9A-Za-z]{4,64}_[A-Za-z0-9_-]{8,}/;

const PATTERNS: [RegExp, string][] = [
  // A full v2 key: keep the id (safe to show), drop the secret part.
  [/(KEY[0-9A-Za-z]{4,64})_[A-Za-z0-9_-]{8,}/g, '$1_[redacted]'],
  [/(Bearer\s+)[^\s"',;]+/gi, '$1[redacted]'],
  [/(x-api-token["']?\s*[:=]\s*["']?)[^\s"',;]+/gi, '$1[redacted]'],
  [/(Token\s+)[A-Za-z0-9_\-+/=]{12,}/g, '$1[redacted]'],
];

export class Redactor {
  readonly #secrets = new Set<string>();

  remember(secret: string): void {
    if (secret.length >= 6) this.#secrets.add(secret);
  }

  forget(secret: string): void {
    this.#secrets.delete(secret);
  }

  /**
   * Only the secrets Keytray has seen, not the full-key pattern: for text that is Telnyx's own (the key cache's
   * tags may well read like `KEYVAULT_production`), where a pattern would refuse every sync.
   */
  containsRememberedSecret(text: string): boolean {
    for (const secret of this.#secrets) if (text.includes(secret)) return true;
    return false;
  }

  /** A full key or a remembered secret in this text: the check before anything is written to disk. */
  containsSecret(text: string): boolean {
    for (const secret of this.#secrets) if (text.includes(secret)) return true;
    return FULL_KEY.test(text);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join('[redacted]');
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }
}
