import { z } from 'zod';
import { badResponseError } from './errors.js';
import type { Http } from './http.js';

export const MAX_PAGE_SIZE = 250;
/** [doc] The page size Telnyx uses when `page[size]` is not sent. */
export const DEFAULT_PAGE_SIZE = 25;
export const PAGE_CONCURRENCY = 4;

const ListEnvelope = z.looseObject({
  data: z.array(z.unknown()),
  meta: z
    .looseObject({ page_number: z.number().int().min(1), total_pages: z.number().int().min(0) })
    .optional(),
});

/** Without `meta`, Keytray walks until a short page; this bounds the walk (100,000 keys at 250 a page). */
export const MAX_PAGES_WITHOUT_META = 400;

/**
 * Walks every page of a Telnyx list, with at most `concurrency` requests in flight, results kept in page
 * order and each page parsed as it arrives (overlapping the wait for the others). With no idea of the size,
 * page 1 goes first: its `meta.total_pages` says how many follow. With a size hint (the count from the last
 * sync) the first pages it promises go out together, saving a round trip; pages past the real end come
 * back empty and are dropped.
 *
 * A list without `meta` (Telnyx documents it, but a route may leave it out) is walked one page at a time
 * until a page comes back shorter than page 1 (or empty): page 1's length is the page size Telnyx really
 * used, whatever `page[size]` asked for. A page identical to the one before (a route that ignores
 * `page[number]`) also ends the walk, and so does `MAX_PAGES_WITHOUT_META`.
 */
export async function fetchAllPages<T>(
  http: Http,
  path: string,
  parse: (item: unknown) => T | null,
  options: {
    concurrency?: number;
    expectedItems?: number;
    /** `page[size]` to ask for; null sends none (Telnyx's default, 25), for a route that refuses 250. */
    pageSize?: number | null;
  } = {},
): Promise<T[]> {
  const concurrency = options.concurrency ?? PAGE_CONCURRENCY;
  const pageSize = options.pageSize === undefined ? MAX_PAGE_SIZE : options.pageSize;
  const fetchPage = async (page: number) => {
    const response = await http.request({
      method: 'GET',
      path,
      query: pageSize === null ? { 'page[number]': page } : { 'page[number]': page, 'page[size]': pageSize },
      retry: 'safe',
    });
    const parsed = ListEnvelope.safeParse(response.body);
    if (!parsed.success) throw badResponseError(`list page ${page} has no data array`);
    return parsed.data;
  };
  const parsePage = (items: unknown[]) => items.map(parse).filter((item): item is T => item !== null);

  const pages: T[][] = [];
  /** The raw items of each page, kept only while a list without `meta` is walked. */
  const raw: unknown[][] = [];
  let totalPages = Number.POSITIVE_INFINITY;
  let unsized = false;
  const expectedPages = Math.ceil((options.expectedItems ?? 0) / (pageSize ?? DEFAULT_PAGE_SIZE));
  let next = 1;
  const first = Math.max(1, Math.min(concurrency, expectedPages));
  let sized: () => void = () => {};
  const pageOneAnswered = new Promise<void>((resolve) => (sized = resolve));
  /** Pages parsed after the next request has gone out (see the worker). */
  const parsing: Promise<void>[] = [];
  let parseError: { error: unknown } | null = null;
  const worker = async () => {
    // Until page 1 has said how many there are, go no further than the hint.
    while (next <= (Number.isFinite(totalPages) ? totalPages : first)) {
      const page = next++;
      const answer = await fetchPage(page);
      if (page === 1) {
        unsized = answer.meta === undefined;
        if (unsized) totalPages = first;
        else totalPages = Math.max(1, answer.meta?.total_pages ?? 1);
        sized();
      }
      raw[page - 1] = answer.data;
      // This worker's next request goes out first; the page is parsed while that one is on its way (parsing
      // first held every next request up by the parse of the pages answered before it).
      parsing.push(
        new Promise<void>((resolve) =>
          setImmediate(() => {
            try {
              pages[page - 1] = parsePage(answer.data);
            } catch (error) {
              parseError ??= { error };
            }
            resolve();
          }),
        ),
      );
    }
  };
  // Page 1 alone, unless the hint says several pages are coming.
  const starters = Array.from({ length: first }, worker);
  // A failed page 1 rejects its worker: stop waiting for the size then too.
  await Promise.race([pageOneAnswered, Promise.all(starters)]);
  const rest = Array.from({ length: Math.max(0, Math.min(concurrency, totalPages) - first) }, worker);
  await Promise.all([...starters, ...rest]);
  await Promise.all(parsing);
  if (parseError) throw (parseError as { error: unknown }).error;
  if (!unsized) return pages.slice(0, totalPages).flat();

  const usedSize = raw[0]?.length ?? 0;
  const ends = (page: number) => {
    const items = raw[page - 1] ?? [];
    return (
      items.length < usedSize ||
      (page > 1 && JSON.stringify(items) === JSON.stringify(raw[page - 2])) ||
      page >= MAX_PAGES_WITHOUT_META
    );
  };
  let last = 1;
  while (usedSize > 0 && !ends(last)) {
    last += 1;
    if (raw[last - 1] === undefined) {
      const answer = await fetchPage(last);
      pages[last - 1] = parsePage(answer.data);
      raw[last - 1] = answer.data;
    }
  }
  // A repeated page is the one before, served again: drop it.
  const repeated = last > 1 && JSON.stringify(raw[last - 1]) === JSON.stringify(raw[last - 2]);
  return pages.slice(0, repeated ? last - 1 : last).flat();
}
