import { z } from 'zod';
import { badResponseError } from './errors.js';
import type { Http } from './http.js';

export const MAX_PAGE_SIZE = 250;
export const PAGE_CONCURRENCY = 4;

const ListEnvelope = z.looseObject({
  data: z.array(z.unknown()),
  meta: z
    .looseObject({ page_number: z.number().int().min(1), total_pages: z.number().int().min(0) })
    .optional(),
});

/**
 * Walks every page of a Telnyx list, with at most `concurrency` requests in flight, results kept in page
 * order and each page parsed as it arrives (overlapping the wait for the others). With no idea of the size,
 * page 1 goes first: its `meta.total_pages` says how many follow. With a size hint (the count from the last
 * sync) the first pages it promises go out together, saving a round trip; pages past the real end come
 * back empty and are dropped.
 */
export async function fetchAllPages<T>(
  http: Http,
  path: string,
  parse: (item: unknown) => T | null,
  options: { concurrency?: number; expectedItems?: number } = {},
): Promise<T[]> {
  const concurrency = options.concurrency ?? PAGE_CONCURRENCY;
  const fetchPage = async (page: number) => {
    const response = await http.request({
      method: 'GET',
      path,
      query: { 'page[number]': page, 'page[size]': MAX_PAGE_SIZE },
      retry: 'safe',
    });
    const parsed = ListEnvelope.safeParse(response.body);
    if (!parsed.success) throw badResponseError(`list page ${page} has no data array`);
    return parsed.data;
  };
  const parsePage = (items: unknown[]) => items.map(parse).filter((item): item is T => item !== null);

  const pages: T[][] = [];
  let totalPages = Number.POSITIVE_INFINITY;
  const expectedPages = Math.ceil((options.expectedItems ?? 0) / MAX_PAGE_SIZE);
  let next = 1;
  const first = Math.max(1, Math.min(concurrency, expectedPages));
  let sized: () => void = () => {};
  const pageOneAnswered = new Promise<void>((resolve) => (sized = resolve));
  const worker = async () => {
    // Until page 1 has said how many there are, go no further than the hint.
    while (next <= (Number.isFinite(totalPages) ? totalPages : first)) {
      const page = next++;
      const answer = await fetchPage(page);
      if (page === 1) {
        totalPages = Math.max(1, answer.meta?.total_pages ?? 1);
        sized();
      }
      pages[page - 1] = parsePage(answer.data);
    }
  };
  // Page 1 alone, unless the hint says several pages are coming.
  const starters = Array.from({ length: first }, worker);
  // A failed page 1 rejects its worker: stop waiting for the size then too.
  await Promise.race([pageOneAnswered, Promise.all(starters)]);
  const rest = Array.from({ length: Math.max(0, Math.min(concurrency, totalPages) - first) }, worker);
  await Promise.all([...starters, ...rest]);
  return pages.slice(0, totalPages).flat();
}
