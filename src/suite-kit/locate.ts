import type { Check } from './check.js';
import { asObject, embeddedOf, hrefOf, linksOf, resolve } from './hal.js';
import { PHONEBANKS, walkCollection, type Page } from './collection.js';
import { readUntil } from './consistency.js';

/** Where a created Phonebank was found, and how, in words for a note. */
export interface Located {
  url: string;
  how: string;
}

/**
 * Looks for a Phonebank this run POSTed, whose answer gave no URL, in the collection: by the
 * identifier it was sent with (it carries the run id), else by its name (`osdi-conformance
 * <runId> …`), among the Phonebanks the run has not claimed yet. Each page is searched within the page
 * cap, and the walk is repeated within the consistency window. An item's URL is its self link,
 * else the page's osdi:phonebanks link at the same index, which is believed only once GET there
 * answers with the Phonebank sent: the suite writes only to what it created.
 */
export async function locateCreated(
  check: Check,
  collection: string,
  sent: Record<string, unknown>,
  claimed: ReadonlySet<string>,
): Promise<Located | undefined> {
  const attempt = async () => {
    const walk = await walkCollection(
      check,
      collection,
      (p) => candidates(p, sent, claimed).length > 0,
    );
    const all = walk.pages.flatMap((page) => candidates(page, sent, claimed));
    for (const candidate of all.sort((a, b) => rank(a.by) - rank(b.by))) {
      if (!candidate.byPosition || (await confirmed(check, candidate.url, sent, candidate.by)))
        return { url: candidate.url, how: howFound(candidate) };
    }
    return undefined;
  };
  return readUntil(check, attempt, (located) => located !== undefined);
}

type By = 'identifier' | 'name';

interface Candidate {
  url: string;
  by: By;
  /** True when the URL is the page's osdi:phonebanks link at the item's index. */
  byPosition: boolean;
}

const rank = (by: By) => (by === 'identifier' ? 0 : 1);

/** The page's items that carry what was sent, with the URL each would be at. */
function candidates(
  page: Page,
  sent: Record<string, unknown>,
  claimed: ReadonlySet<string>,
): Candidate[] {
  const base = page.exchange.response?.url ?? page.url;
  const links = linksOf(page.document, PHONEBANKS);
  return embeddedOf(page.document, PHONEBANKS).flatMap((item, index) => {
    const by = (['identifier', 'name'] as const).find((b) => matches(item, sent, b));
    const self = hrefOf(item, 'self', base);
    const href = links[index]?.href;
    const url = self ?? (href === undefined ? undefined : resolve(href, base));
    if (!by || !url || claimed.has(url)) return [];
    return [{ url, by, byPosition: !self }];
  });
}

function howFound({ by, byPosition }: Candidate): string {
  const at = byPosition ? 'the osdi:phonebanks link at its index' : 'its self link';
  return `the POST answer gave no URL: the Phonebank was found in the collection by its ${by}, at ${at}`;
}

function matches(item: unknown, sent: Record<string, unknown>, by: By): boolean {
  const object = asObject(item);
  if (by === 'name') return typeof sent.name === 'string' && object?.name === sent.name;
  const ours = (sent.identifiers as unknown[] | undefined)?.[0];
  return Array.isArray(object?.identifiers) && object.identifiers.includes(ours);
}

// A link matched by position only is believed once the resource there is the one sent.
async function confirmed(
  check: Check,
  url: string,
  sent: Record<string, unknown>,
  by: By,
): Promise<boolean> {
  const exchange = await check.get(url);
  return exchange.response?.status === 200 && matches(exchange.response.json, sent, by);
}
