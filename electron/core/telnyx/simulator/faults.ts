/**
 * Fault injection: rules consumed in order, each for `count` matching requests (default 1). Lets tests
 * stage "three 429s then success", a hang past the client's timeout, a dropped connection mid-request.
 */
export type Fault =
  | {
      kind: 'status';
      /** 422: a refusal, e.g. of one create field (with `pointer`); the rest: what retries are for. */
      status: 422 | 429 | 500 | 502 | 503;
      /** `source.pointer` of the error, e.g. `/tags`. */
      pointer?: string;
      /**
       * `x-ratelimit-reset`, on any status: Telnyx documents it as sent on responses in general, so a 5xx
       * may carry it too (and Keytray must not take it for a request to wait there).
       */
      resetSeconds?: number;
      /** `Retry-After`: seconds, or an HTTP date. */
      retryAfter?: string;
    }
  | { kind: 'hang' }
  | { kind: 'drop' }
  | { kind: 'malformed' }
  | { kind: 'latency'; ms: number };

export type FaultRule = Fault & {
  count?: number;
  /** Only requests with this method and a path starting with this (after `/v2`). */
  method?: string;
  path?: string;
  /** Let the request through to the handler first (a create that succeeds, then the answer is lost). */
  afterHandling?: boolean;
};

export class FaultPlan {
  #rules: (FaultRule & { left: number })[] = [];

  add(...rules: FaultRule[]): void {
    for (const rule of rules) this.#rules.push({ ...rule, left: rule.count ?? 1 });
  }

  clear(): void {
    this.#rules = [];
  }

  get pending(): number {
    return this.#rules.reduce((sum, rule) => sum + rule.left, 0);
  }

  /** The fault for this request, if any, consuming one use of it. */
  take(method: string, path: string): FaultRule | null {
    const rule = this.#rules.find(
      (r) => r.left > 0 && (!r.method || r.method === method) && (!r.path || path.startsWith(r.path)),
    );
    if (!rule) return null;
    rule.left -= 1;
    if (rule.left === 0) this.#rules = this.#rules.filter((r) => r !== rule);
    return rule;
  }
}
