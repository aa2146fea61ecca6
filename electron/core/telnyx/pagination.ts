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
 * Walks every page of a Telnyx list: page 1 first (it tells how many pages there are), then the rest with
 * bounded concurrency, results kept in page order. Items are returned raw; the caller parses them.
 */
export async function fetchAllPages(
  http: Http,
  path: string,
  concurrency = PAGE_CONCURRENCY,
): Promise<unknown[]> {
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

  const first = await fetchPage(1);
  const totalPages = first.meta?.total_pages ?? 1;
  const pages: unknown[][] = [first.data];
  let next = 2;
  const worker = async () => {
    while (next <= totalPages) {
      const page = next++;
      pages[page - 1] = (await fetchPage(page)).data;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(0, totalPages - 1)) }, worker));
  return pages.flat();
}
