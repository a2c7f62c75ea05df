// Following the links of a Phonebank (phone_bank.md, Links; includes/endpoints_and_url_structures.md).
import type { Exchange } from '../src/client/index.js';
import {
  linksOf,
  relationsOf,
  requirementTest,
  resolve,
  shared,
  fetchSomePhonebank,
  deleteCreatedAfterAll,
  type Check,
} from '../src/suite-kit/index.js';
import type { SchemaName } from '../src/schemas/index.js';

deleteCreatedAfterAll();

/** Link relations of a Phonebank whose target has a schema in schemas/. */
const SCHEMA_OF: Record<string, SchemaName> = { self: 'phonebank.schema.json' };

interface Followed {
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
  return follow(check, document, exchange.response.url);
});

// Each link once, within the budget; links to other origins are not followed (the token and
// the requests are for the target only).
async function follow(check: Check, document: unknown, base: string): Promise<Followed[]> {
  const origin = new URL(check.config.target).origin;
  const done: Followed[] = [];
  const seen = new Set<string>();
  for (const rel of relationsOf(document)) {
    for (const link of linksOf(document, rel)) {
      const url = resolve(link.href, base);
      if (!url || link.templated || seen.has(url)) continue;
      if (new URL(url).origin !== origin) {
        check.note(`${rel} → ${url} not followed: another origin`);
        continue;
      }
      if (done.length >= check.config.linkBudget) {
        check.note(
          `links beyond the budget of ${check.config.linkBudget} requests were not followed`,
        );
        return done;
      }
      seen.add(url);
      done.push({ rel, url, exchange: await check.get(url) });
    }
  }
  return done;
}

requirementTest('PB-LINK-01', async (check) => {
  const links = await followed.own(check);

  for (const { rel, url, exchange } of links) {
    const status = exchange.response?.status;
    // A helper (general.md, Flexibility: "links to the helper endpoints") takes POST only: a
    // 405 to GET says the endpoint is there.
    if (status === 405) {
      check.note(`${rel} → ${url} answers GET with 405: an endpoint for other methods`);
      continue;
    }
    if (status === undefined || status < 200 || status > 299) {
      check.fail(
        `The ${rel} link of a Phonebank MUST resolve, received ${status ?? exchange.error} from ${url}`,
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

  for (const { rel, exchange } of links) {
    const rule = `The target of a Phonebank's ${rel} link SHOULD validate`;
    check.expectValid(SCHEMA_OF[rel]!, check.expectJson(exchange, rule), exchange, rule);
  }
});
