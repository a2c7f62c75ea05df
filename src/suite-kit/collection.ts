import type { Exchange } from '../client/index.js';
import type { Check } from './check.js';
import { asObject, embeddedOf, linksOf, resolve } from './hal.js';

/** The relation of the Phonebank collection, for links and embedded items (phone_bank.md). */
export const PHONEBANKS = 'osdi:phonebanks';

/** One page as walked: what came back and the Phonebanks it holds. */
export interface Page {
  url: string;
  exchange: Exchange;
  document: unknown;
  /** Keys of the Phonebanks on the page: resolved self links where there are any. */
  items: string[];
}

export interface Walk {
  pages: Page[];
  /** Why the walk stopped early, if it did: a loop, the page cap, a page that is not JSON. */
  stoppedBecause?: string;
  /** True when the walk stopped at the page cap: the collection may simply be large. */
  capped?: boolean;
  /** The exchange behind `stoppedBecause`. */
  stoppedAt?: Exchange;
}

/**
 * The keys of a page's Phonebanks: each embedded item's self link, else the page's
 * osdi:phonebanks link at the item's index (the order phone_bank.md's examples keep), else its
 * identifiers; a page that embeds nothing gives its osdi:phonebanks links. A missing self link
 * is PB-COL-03's finding; here the keys only have to name each Phonebank once.
 */
export function itemsOf(document: unknown, base: string): string[] {
  const embedded = embeddedOf(document, PHONEBANKS);
  const links = linksOf(document, PHONEBANKS).map((link) => resolve(link.href, base));
  if (embedded.length > 0)
    return embedded.map((item, index) => itemKey(item, base, index, links[index]));
  return links.flatMap((href, index) => href ?? linksOf(document, PHONEBANKS)[index]!.href);
}

function itemKey(item: unknown, base: string, index: number, linked?: string): string {
  const self = linksOf(item, 'self')[0];
  if (self) return resolve(self.href, base) ?? self.href;
  if (linked) return linked;
  const identifiers = asObject(item)?.identifiers;
  return Array.isArray(identifiers)
    ? `identifiers:${JSON.stringify(identifiers)}`
    : `item #${index} of ${base}`;
}

/**
 * The page as PB-COL-01 judges it: each embedded Phonebank object replaced by `{}`, so that
 * validating it against the collection schema checks the envelope (paging fields, links, the
 * shape of `_embedded`) and leaves the Phonebanks to PB-COL-02. Entries that are not objects
 * stay: they break the shape.
 */
export function envelopeOf(document: unknown): unknown {
  const page = asObject(document);
  const embedded = asObject(page?._embedded);
  const items = embedded?.[PHONEBANKS];
  if (!page || !embedded || !Array.isArray(items)) return document;
  const blank = items.map((item) => (asObject(item) ? {} : item));
  return { ...page, _embedded: { ...embedded, [PHONEBANKS]: blank } };
}

/**
 * The embedded Phonebank objects of a page with the JSON pointer each sits at, for PB-COL-02
 * (a single embedded object, which PB-COL-01 reports, sits at the relation itself).
 */
export function embeddedPhonebanks(document: unknown): Array<[string, Record<string, unknown>]> {
  const at = `/_embedded/${PHONEBANKS}`;
  const value = asObject(asObject(document)?._embedded)?.[PHONEBANKS];
  const placed: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [`${at}/${index}`, item])
    : [[at, value]];
  return placed.flatMap(([pointer, item]) => {
    const object = asObject(item);
    return object ? [[pointer, object] as [string, Record<string, unknown>]] : [];
  });
}

/** GETs one page and reads its items; no judgement. */
export async function fetchPage(check: Check, url: string): Promise<Page> {
  const exchange = await check.get(url);
  const response = exchange.response;
  const document = response?.json;
  return {
    url,
    exchange,
    document,
    items: document === undefined ? [] : itemsOf(document, response!.url),
  };
}

/**
 * Follows `next` from `start` until a page has none, a page repeats (a loop), the page cap is
 * reached, a page is not a 200 JSON document, or `until` holds for a page (general.md,
 * Collections and Navigation).
 */
export async function walkCollection(
  check: Check,
  start: string,
  until?: (page: Page) => boolean,
): Promise<Walk> {
  const walk: Walk = { pages: [] };
  const seen = new Set<string>();
  let url: string | undefined = start;

  while (url) {
    if (seen.has(url))
      return {
        ...walk,
        stoppedBecause: `the next link leads back to ${url}, a page already visited`,
      };
    if (walk.pages.length >= check.config.pageCap) {
      return {
        ...walk,
        capped: true,
        stoppedBecause: `more than ${check.config.pageCap} pages (the page cap)`,
      };
    }
    seen.add(url);

    const page = await fetchPage(check, url);
    walk.pages.push(page);
    const response = page.exchange.response;
    if (!response || response.status !== 200 || page.document === undefined) {
      return {
        ...walk,
        stoppedBecause: `${url} did not answer 200 with JSON`,
        stoppedAt: page.exchange,
      };
    }
    if (until?.(page)) return walk;
    const next = linksOf(page.document, 'next')[0];
    url = next ? resolve(next.href, response.url) : undefined;
  }
  return walk;
}

/** `url` with query parameters set, e.g. per_page and page. */
export function withQuery(url: string, params: Record<string, string | number>): string {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(params)) parsed.searchParams.set(name, String(value));
  return parsed.href;
}

/** A number field of a collection page, when present. */
export function pageNumber(
  document: unknown,
  field: 'total_records' | 'total_pages' | 'page' | 'per_page',
): number | undefined {
  const value = asObject(document)?.[field];
  return typeof value === 'number' ? value : undefined;
}
