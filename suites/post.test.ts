// Creating a Phonebank (phone_bank.md, Scenario: Creating a new Phonebank resource (POST)).
import {
  asObject,
  collectionUrl,
  createdDocument,
  createdUrl,
  createPhonebank,
  deleteCreatedAfterAll,
  fieldSupportOf,
  judgeCreated,
  noteFlexenums,
  requirementTest,
  sameUrl,
  sameValue,
  SERVER_MAY_SET,
  shared,
  walkCollection,
  whenConsistent,
  type Page,
} from '../src/suite-kit/index.js';

deleteCreatedAfterAll();

// What the POST answered is PB-POST-01's to judge; the other checks need only the parts they
// read (the body, the URL), so a Phonebank whose answer breaks the schema is still checked.
const created = shared((check) => createPhonebank(check, 'post'));

/** The created Phonebank read back through its self link, once it is there. */
const readBack = shared(async (check) => {
  const url = createdUrl(check, await created.need(check));
  return whenConsistent(check, async () => {
    const exchange = await check.get(url);
    const rule = `GET of the created Phonebank's self link (${url}) MUST answer 200 with it`;
    check.expectStatus(exchange, [200], rule);
    return { url, exchange, document: check.expectJson(exchange, rule) };
  });
});

// A clock skew this large between client and server would make any date meaningless.
const SANE_SKEW_MS = 24 * 60 * 60 * 1000;

requirementTest('PB-POST-01', async (check) => {
  const phonebank = await created.own(check);
  judgeCreated(check, phonebank);
  noteFlexenums(check, phonebank.document);
});

requirementTest('PB-POST-02', async (check) => {
  const phonebank = await created.need(check);
  const { sent, exchange } = phonebank;
  const document = createdDocument(check, phonebank);
  const support = fieldSupportOf(sent, document);
  Object.assign(check.fieldSupport, support);
  for (const field of SERVER_MAY_SET) {
    const [mine, theirs] = [sent[field], document[field]];
    if (theirs !== undefined && theirs !== null && !sameValue(field, mine, theirs))
      check.note(`the target sets ${field} itself (${JSON.stringify(theirs)})`);
  }

  const mismatched = Object.keys(support).filter((field) => support[field] === 'mismatch');
  if (mismatched.length > 0) {
    const shown = mismatched.map(
      (f) => `${f}: sent ${JSON.stringify(sent[f])}, received ${JSON.stringify(document[f])}`,
    );
    return check.fail(
      `A supported field MUST come back as it was posted, received ${shown.join('; ')}`,
      exchange,
    );
  }

  const stored = await readBack.need(check);
  const changed = Object.keys(support).filter(
    (f) => support[f] === 'supported' && !sameValue(f, sent[f], asObject(stored.document)?.[f]),
  );
  if (changed.length > 0) {
    const shown = changed.map(
      (f) =>
        `${f}: sent ${JSON.stringify(sent[f])}, GET answered ${JSON.stringify(asObject(stored.document)?.[f])}`,
    );
    check.fail(
      `A supported field MUST be stored as it was posted, received ${shown.join('; ')}`,
      stored.exchange,
    );
  }
});

requirementTest('PB-POST-03', async (check) => {
  const phonebank = await created.need(check);
  const { sent, exchange } = phonebank;
  const identifiers = createdDocument(check, phonebank).identifiers;
  const ours = (sent.identifiers as string[])[0]!;

  if (identifiers === undefined || identifiers === null)
    return check.note('the target returns no identifiers: not supported');
  if (!Array.isArray(identifiers) || !identifiers.includes(ours)) {
    check.fail(
      `The identifiers MUST keep the client's ${ours}, received ${JSON.stringify(identifiers)}`,
      exchange,
    );
  }

  const stored = await readBack.need(check);
  const kept = asObject(stored.document)?.identifiers;
  if (!Array.isArray(kept) || !kept.includes(ours)) {
    check.fail(
      `The identifiers MUST keep the client's ${ours}, received ${JSON.stringify(kept)} from a GET of ${stored.url}`,
      stored.exchange,
    );
  }
});

requirementTest('PB-POST-04', async (check) => {
  const phonebank = await created.need(check);
  const object = createdDocument(check, phonebank);
  const { exchange } = phonebank;
  const now = Date.now();

  for (const field of ['created_date', 'modified_date']) {
    const value = object[field];
    if (value === undefined || value === null) {
      check.note(`the target returns no ${field}: not supported`);
      continue;
    }
    const at = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(at) || Math.abs(at - now) > SANE_SKEW_MS) {
      check.fail(
        `${field} of a new Phonebank MUST be the time it was created, received ${JSON.stringify(value)}`,
        exchange,
      );
    }
  }
  const [createdAt, modifiedAt] = [
    Date.parse(String(object.created_date)),
    Date.parse(String(object.modified_date)),
  ];
  if (modifiedAt < createdAt) {
    check.fail(
      `modified_date MUST NOT be before created_date, received ${String(object.modified_date)} < ${String(object.created_date)}`,
      exchange,
    );
  }
});

// Whether the Phonebank read back validates is PB-GET-01's rule (GET of a Phonebank answers
// a valid one); here the question is whether it is there.
requirementTest('PB-POST-05', async (check) => {
  const { sent } = await created.need(check);
  const { url, exchange, document } = await readBack.own(check);

  if (asObject(document)?.name !== sent.name && asObject(document)?.name !== undefined) {
    check.fail(
      `GET of ${url} MUST answer the created Phonebank, received one named ${JSON.stringify(asObject(document)?.name)}`,
      exchange,
    );
  }
});

requirementTest('PB-POST-06', async (check) => {
  const url = createdUrl(check, await created.need(check));
  const start = await collectionUrl(check);

  await whenConsistent(check, async () => {
    const holds = (page: Page) => page.items.some((item) => sameUrl(item, url));
    const walk = await walkCollection(check, start, holds);
    if (walk.capped)
      return check.skip(`not checked: the collection has more than ${check.config.pageCap} pages`);
    // A page that cannot be read, or a next link back to a page read, is PB-COL-01's or -04's.
    if (walk.stoppedBecause && !walk.pages.some(holds))
      return check.skip(`not checked: the walk of the collection stopped: ${walk.stoppedBecause}`);
    if (!walk.pages.some(holds)) {
      check.fail(
        `The collection MUST list the created Phonebank ${url}, received ${walk.pages.length} pages without it`,
        walk.pages[0]?.exchange,
      );
    }
  });
});
