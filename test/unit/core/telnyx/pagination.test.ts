import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../electron/core/logging/logger.js';
import { Redactor } from '../../../../electron/core/logging/redact.js';
import { createHttp } from '../../../../electron/core/telnyx/http.js';
import {
  fetchAllPages,
  MAX_PAGE_SIZE,
  MAX_PAGES_WITHOUT_META,
} from '../../../../electron/core/telnyx/pagination.js';

type ListOptions = {
  /** Leave `meta` out of every answer. */
  noMeta?: boolean;
  /** Serve pages of this size whatever `page[size]` asks (a route with its own fixed size). */
  fixedPageSize?: number;
  /** Serve page 1 for every page number (a route that ignores `page[number]`). */
  ignorePageNumber?: boolean;
  /** Answer page 1 only after this many ms, so the hinted pages arrive first. */
  pageOneDelayMs?: number;
  /** Answer a page number past the end with the last page (as some list APIs do). */
  clampPageNumber?: boolean;
};

/**
 * A Telnyx-style list route over `count` items, answering the way the documented envelope does (or leaving
 * out what a route might leave out). Records the pages asked for and the most requests in flight at once.
 */
function listRoute(count: number, options: ListOptions = {}) {
  const pagesAsked: number[] = [];
  const sizesAsked: (string | null)[] = [];
  let inFlight = 0;
  let most = 0;
  const items = Array.from({ length: count }, (_, i) => ({ id: `item-${i}` }));
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    sizesAsked.push(url.searchParams.get('page[size]'));
    // Without `page[size]`, Telnyx's documented default of 25.
    const size = options.fixedPageSize ?? Number(url.searchParams.get('page[size]') ?? 25);
    const lastPage = Math.max(1, Math.ceil(count / size));
    const asked = Number(url.searchParams.get('page[number]'));
    const number = options.ignorePageNumber ? 1 : options.clampPageNumber ? Math.min(asked, lastPage) : asked;
    pagesAsked.push(asked);
    most = Math.max(most, ++inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, number === 1 ? (options.pageOneDelayMs ?? 1) : 1));
      const data = items.slice((number - 1) * size, number * size);
      const meta = { page_number: number, page_size: size, total_pages: lastPage, total_results: count };
      return Response.json(options.noMeta ? { data } : { data, meta });
    } finally {
      inFlight--;
    }
  };
  const http = createHttp({
    fetch,
    baseUrl: 'http://127.0.0.1:9/v2',
    apiKey: 'KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv',
    logger: createLogger({ redactor: new Redactor(), sink: () => undefined }),
    sleep: async () => undefined,
  });
  const list = (expectedItems?: number, pageSize?: number | null) =>
    fetchAllPages(http, '/iam/api_keys', (item) => (item as { id: string }).id, {
      ...(expectedItems ? { expectedItems } : {}),
      ...(pageSize === undefined ? {} : { pageSize }),
    });
  return { list, asked: pagesAsked, sizes: sizesAsked, most: () => most, ids: items.map((i) => i.id) };
}

describe('fetchAllPages with meta', () => {
  it('walks every page page 1 announces, in order, none twice', async () => {
    const route = listRoute(1000);
    expect(await route.list()).toEqual(route.ids);
    expect([...route.asked].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(route.asked[0]).toBe(1);
  });

  it('an empty list is one request', async () => {
    const route = listRoute(0);
    expect(await route.list()).toEqual([]);
    expect(route.asked).toEqual([1]);
  });

  it('a hint larger than the real count: the extra pages come back empty and nothing is lost or doubled', async () => {
    const route = listRoute(300);
    expect(await route.list(1000)).toEqual(route.ids);
    expect([...route.asked].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });

  it('a hint larger than the real count on a route that answers past the end with its last page: nothing doubled', async () => {
    const route = listRoute(300, { clampPageNumber: true });
    expect(await route.list(1000)).toEqual(route.ids);
  });

  it('a hint larger than the real count, with page 1 answering last: still exactly the real items', async () => {
    const route = listRoute(260, { pageOneDelayMs: 30 });
    expect(await route.list(900)).toEqual(route.ids);
  });

  it('a hint smaller than the real count: the rest are fetched after page 1 says how many', async () => {
    const route = listRoute(2200);
    expect(await route.list(300)).toEqual(route.ids);
    expect([...route.asked].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Four in flight once page 1 has answered, never more.
    expect(route.most()).toBe(4);
  });

  it('a hint smaller than the real count, with the hinted pages back before page 1: every item, in order', async () => {
    const route = listRoute(2600, { pageOneDelayMs: 30 });
    expect(await route.list(700)).toEqual(route.ids);
    expect(new Set(route.asked).size).toBe(route.asked.length);
  });
});

describe('fetchAllPages without meta', () => {
  it('a full page 1 is not the end: it walks on until a short page', async () => {
    const route = listRoute(2 * MAX_PAGE_SIZE + 10, { noMeta: true });
    expect(await route.list()).toEqual(route.ids);
    expect(route.asked).toEqual([1, 2, 3]);
  });

  it('a list that fills its last page exactly ends at the empty page after it', async () => {
    const route = listRoute(2 * MAX_PAGE_SIZE, { noMeta: true });
    expect(await route.list()).toEqual(route.ids);
    expect(route.asked).toEqual([1, 2, 3]);
  });

  it("a route with its own smaller page size: page 1's length is the size, and nothing is lost", async () => {
    const route = listRoute(60, { noMeta: true, fixedPageSize: 25 });
    expect(await route.list()).toEqual(route.ids);
    expect(route.asked).toEqual([1, 2, 3]);
  });

  it('with a hint: the hinted pages and then the rest, ending at the short page', async () => {
    const route = listRoute(4 * MAX_PAGE_SIZE + 1, { noMeta: true });
    expect(await route.list(500)).toEqual(route.ids);
    expect([...route.asked].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  it('with a hint larger than the real count: stops at the first short page and drops the empty ones', async () => {
    const route = listRoute(MAX_PAGE_SIZE + 5, { noMeta: true });
    expect(await route.list(1000)).toEqual(route.ids);
  });

  it("at Telnyx's default page size (no page[size] sent): walks 25 at a time to the short page", async () => {
    const route = listRoute(60, { noMeta: true });
    expect(await route.list(undefined, null)).toEqual(route.ids);
    expect(route.asked).toEqual([1, 2, 3]);
    expect(route.sizes).toEqual([null, null, null]);
  });

  it('an empty page 1 is the end', async () => {
    const route = listRoute(0, { noMeta: true });
    expect(await route.list()).toEqual([]);
    expect(route.asked).toEqual([1]);
  });

  it('a route that ignores page[number] is read once, not for ever', async () => {
    const route = listRoute(MAX_PAGE_SIZE, { noMeta: true, ignorePageNumber: true });
    expect(await route.list()).toEqual(route.ids);
    expect(route.asked).toEqual([1, 2]);
    expect(MAX_PAGES_WITHOUT_META).toBeGreaterThan(1);
  });
});
