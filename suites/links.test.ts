// Following the links of a Phonebank (phone_bank.md, Links; includes/endpoints_and_url_structures.md).
import type { Exchange } from '../src/client/index.js';
import {
  asObject,
  deleteCreatedAfterAll,
  fetchSomePhonebank,
  linksOf,
  listedPhonebanks,
  relationsOf,
  requirementTest,
  resolve,
  sameUrl,
  shared,
  type Check,
} from '../src/suite-kit/index.js';
import type { SchemaName } from '../src/schemas/index.js';

deleteCreatedAfterAll();

/**
 * The schema of what each relation of the Links table points at (phone_bank.md, Links: Person*,
 * Script*, List*, Taggings[]*, Phonebank_results[]*). A collection's page is judged by its
 * envelope, and each item it embeds under the relation by the item's schema.
 */
const SCHEMA_OF: Record<string, { schema: SchemaName; item?: SchemaName }> = {
  self: { schema: 'phonebank.schema.json' },
  'osdi:creator': { schema: 'person.schema.json' },
  'osdi:modified_by': { schema: 'person.schema.json' },
  'osdi:script': { schema: 'script.schema.json' },
  'osdi:target_list': { schema: 'list.schema.json' },
  'osdi:advocacy_targets': { schema: 'list.schema.json' },
  'osdi:volunteers': { schema: 'list.schema.json' },
  'osdi:events': { schema: 'list.schema.json' },
  'osdi:taggings': { schema: 'linked-collection.schema.json', item: 'tagging.schema.json' },
  'osdi:phone_bank_results': {
    schema: 'linked-collection.schema.json',
    item: 'phonebank-result.schema.json',
  },
};

/** Phonebanks whose links are followed: a defect may sit behind any of them, not the first. */
const PHONEBANKS_FOLLOWED = 3;

interface Followed {
  /** The Phonebank the link belongs to. */
  from: string;
  rel: string;
  url: string;
  exchange: Exchange;
}

const followed = shared(async (check) => {
  const { url, exchange } = await fetchSomePhonebank(check);
  const document = exchange.response?.json;
  if (exchange.response?.status !== 200 || document === undefined) {
    return check.skip(`not checked: GET of ${url} did not answer 200 with JSON`);
  }
  const seen = new Set<string>();
  const done = await follow(check, url, document, exchange.response.url, seen);
  for (const other of await morePhonebanks(check, url)) {
    const answer = await check.get(other);
    if (answer.response?.status !== 200 || answer.response.json === undefined) continue;
    done.push(...(await follow(check, other, answer.response.json, answer.response.url, seen)));
  }
  return done;
});

/** Other Phonebanks of the collection's first page, up to PHONEBANKS_FOLLOWED in all. */
async function morePhonebanks(check: Check, first: string): Promise<string[]> {
  const listed = await listedPhonebanks(check).catch(() => []);
  return listed.filter((url) => !sameUrl(url, first)).slice(0, PHONEBANKS_FOLLOWED - 1);
}

// Each link once, within the budget; links to other origins are not followed (the token and
// the requests are for the target only).
async function follow(
  check: Check,
  from: string,
  document: unknown,
  base: string,
  seen: Set<string>,
): Promise<Followed[]> {
  const origin = new URL(check.config.target).origin;
  const done: Followed[] = [];
  for (const rel of relationsOf(document)) {
    for (const link of linksOf(document, rel)) {
      const url = resolve(link.href, base);
      if (!url || link.templated || seen.has(url)) continue;
      if (new URL(url).origin !== origin) {
        check.note(`${rel} → ${url} not followed: another origin`);
        continue;
      }
      if (seen.size >= check.config.linkBudget) {
        check.note(
          `links beyond the budget of ${check.config.linkBudget} requests were not followed`,
        );
        return done;
      }
      seen.add(url);
      done.push({ from, rel, url, exchange: await check.get(url) });
    }
  }
  return done;
}

requirementTest('PB-LINK-01', async (check) => {
  const links = await followed.own(check);

  for (const { from, rel, url, exchange } of links) {
    const status = exchange.response?.status;
    // A helper (general.md, Flexibility: "links to the helper endpoints") takes POST only: a
    // 405 to GET says the endpoint is there.
    if (status === 405) {
      check.note(`${rel} → ${url} answers GET with 405: an endpoint for other methods`);
      continue;
    }
    if (status === undefined || status < 200 || status > 299) {
      check.fail(
        `The ${rel} link of a Phonebank MUST resolve, received ${status ?? exchange.error} from ${url} (linked from ${from})`,
        exchange,
      );
    }
  }
});

requirementTest('PB-LINK-02', async (check) => {
  const links = (await followed.need(check)).filter(
    (l) => SCHEMA_OF[l.rel] && l.exchange.response?.status === 200,
  );
  if (links.length === 0) return check.skip('not checked: no followed link has a schema');

  for (const { from, rel, exchange } of links) {
    const { schema, item } = SCHEMA_OF[rel]!;
    const rule = `The target of a Phonebank's ${rel} link SHOULD validate (linked from ${from})`;
    const document = check.expectJson(exchange, rule);
    check.expectValid(schema, document, exchange, rule);
    if (!item) continue;
    const items = asObject(asObject(document)?._embedded)?.[rel];
    const placed = Array.isArray(items)
      ? items.map((each, i) => [`/_embedded/${rel}/${i}`, each] as const)
      : [];
    check.expectEachValid(item, placed, exchange, rule);
  }
});
