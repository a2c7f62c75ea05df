// Deleting a Phonebank (phone_bank.md, Scenario: Deleting a Phonebank Resource (DELETE); errors.md).
import {
  Check,
  collectionUrl,
  createdUrl,
  createPhonebank,
  deleteCreatedAfterAll,
  readUntil,
  requirementTest,
  sameUrl,
  shared,
  walkCollection,
  whenConsistent,
  type Page,
} from '../src/suite-kit/index.js';
import type { Exchange } from '../src/client/index.js';

deleteCreatedAfterAll();

// A target that refused a DELETE already (another file's cleanup) gets no Phonebank it
// cannot delete again.
const created = shared((check) => {
  const refused = check.refusalOf('DELETE');
  return refused ? check.skip(refused) : createPhonebank(check, 'delete');
});

const DELETE_RULE = 'DELETE of a Phonebank MUST answer 200 or 204';

/**
 * One DELETE; the checks after it need a DELETE the target accepted (a 2xx), nothing more.
 * Before it, the collection is read until it lists the Phonebank: on an eventually consistent
 * target a Phonebank deleted before it was ever listed would pass PB-DEL-03 without a test.
 */
const deleted = shared(async (check) => {
  const url = createdUrl(check, await created.need(check));
  // What a DELETE of a Phonebank the target never stored answers is no evidence about DELETE.
  if (!(await answersWithin(check, url, [200])))
    check.skip(`not checked: GET of the created Phonebank ${url} never answered 200 (PB-POST-05)`);
  // A check of its own, so that "held only after …" is not said of the DELETE.
  const listedBefore = await listedWithin(new Check(check.config), url);
  const exchange = await check.delete(url);
  check.expectSuccess(exchange, DELETE_RULE);
  return { url, exchange, listedBefore };
});

/**
 * Whether GET of `url` answers one of `statuses` within the consistency window; read on a check
 * of its own, so that "held only after …" is not said of the caller's requirement.
 */
async function answersWithin(check: Check, url: string, statuses: number[]): Promise<boolean> {
  const quiet = new Check(check.config);
  const ok = (exchange: Exchange) => statuses.includes(exchange.response?.status ?? 0);
  const last = await readUntil(quiet, () => quiet.get(url), ok).catch(() => undefined);
  return last !== undefined && ok(last);
}

/** Whether the collection lists `url` within the consistency window (and the page cap). */
async function listedWithin(check: Check, url: string): Promise<boolean> {
  const start = await collectionUrl(check).catch(() => undefined);
  if (!start) return false;
  const holds = (page: Page) => page.items.some((item) => sameUrl(item, url));
  const walk = await readUntil(
    check,
    () => walkCollection(check, start, holds),
    // A walk stopped at the page cap will not reach it by waiting.
    (each) => each.capped === true || each.pages.some(holds),
  ).catch(() => undefined);
  return walk?.pages.some(holds) ?? false;
}

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
  const { url, listedBefore } = await deleted.need(check);
  if (!listedBefore)
    return check.skip(
      'not checked: the collection never listed the Phonebank before its DELETE (PB-POST-06 asks that it does)',
    );
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
    // Not listed on the pages read says nothing of the pages the walk could not reach.
    if (walk.stoppedBecause && !walk.capped)
      check.skip(`not checked: the walk of the collection stopped: ${walk.stoppedBecause}`);
  });
});

requirementTest('PB-DEL-04', async (check) => {
  const { url } = await deleted.need(check);

  // The Phonebank this run deleted is an unknown id now, and the only one the suite may DELETE;
  // while GET still finds it, it is no unknown id (PB-DEL-02 reports that).
  if (!(await answersWithin(check, url, [404, 410])))
    return check.skip(`not checked: GET of the deleted Phonebank ${url} still does not answer 404`);
  const exchange = await check.delete(url);
  check.expectStatus(exchange, [404, 410], 'DELETE of an unknown Phonebank MUST answer 404');
});
