// Deleting a Phonebank (phone_bank.md, Scenario: Deleting a Phonebank Resource (DELETE); errors.md).
import {
  collectionUrl,
  createdUrl,
  createPhonebank,
  deleteCreatedAfterAll,
  requirementTest,
  sameUrl,
  shared,
  walkCollection,
  whenConsistent,
  type Page,
} from '../src/suite-kit/index.js';

deleteCreatedAfterAll();

const created = shared((check) => createPhonebank(check, 'delete'));

const DELETE_RULE = 'DELETE of a Phonebank MUST answer 200 or 204';

/** One DELETE; the checks after it need a DELETE the target accepted (a 2xx), nothing more. */
const deleted = shared(async (check) => {
  const url = createdUrl(check, await created.need(check));
  const exchange = await check.delete(url);
  check.expectSuccess(exchange, DELETE_RULE);
  return { url, exchange };
});

requirementTest('PB-DEL-01', async (check) => {
  const { exchange } = await deleted.own(check);
  check.expectStatus(exchange, [200, 204], DELETE_RULE);
});

requirementTest('PB-DEL-02', async (check) => {
  const { url } = await deleted.need(check);

  await whenConsistent(check, async () => {
    const exchange = await check.get(url);
    check.expectStatus(exchange, [404, 410], `After DELETE, GET of ${url} MUST answer 404`);
    if (exchange.response?.status === 410) check.note('the deleted Phonebank answers 410 Gone');
  });
});

requirementTest('PB-DEL-03', async (check) => {
  const { url } = await deleted.need(check);
  const start = await collectionUrl(check);

  await whenConsistent(check, async () => {
    const holds = (p: Page) => p.items.some((item) => sameUrl(item, url));
    const walk = await walkCollection(check, start, holds);
    if (walk.capped)
      check.note(`only the first ${check.config.pageCap} pages of the collection were searched`);
    const page = walk.pages.find(holds);
    if (page)
      check.fail(
        `After DELETE, the collection MUST NOT list ${url}, received it on ${page.url}`,
        page.exchange,
      );
  });
});

requirementTest('PB-DEL-04', async (check) => {
  const { url } = await deleted.need(check);

  // The Phonebank this run deleted is an unknown id now, and the only one the suite may DELETE.
  const exchange = await check.delete(url);
  check.expectStatus(exchange, [404, 410], 'DELETE of an unknown Phonebank MUST answer 404');
});
