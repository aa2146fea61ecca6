import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';

/** A body the server will not act on, with the status to answer and a short sentence saying why. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON body of at most `maxBytes` and returns what `schema` accepts, or throws `BodyRefused`.
 * The size is checked against Content-Length before reading and again while reading (a chunked body has no
 * length); how long the body may take is bounded by the server's request timeout.
 */
export async function readJsonBody<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  maxBytes: number,
): Promise<z.infer<S>> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) throw new BodyRefused(413, 'That request body is too large.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyRefused(413, 'That request body is too large.');
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyRefused(400, 'That request body is not JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    throw new BodyRefused(400, `That request was not accepted${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}
