// Modifying a Phonebank (phone_bank.md, Scenario: Modifying a Phonebank resource (PUT)).
import { setTimeout as sleep } from 'node:timers/promises';
import {
  asObject,
  collectionUrl,
  createdUrl,
  createPhonebank,
  deleteCreatedAfterAll,
  embeddedPhonebanks,
  hrefOf,
  readUntil,
  requirementTest,
  sameUrl,
  sameValue,
  walkCollection,
  shared,
  whenConsistent,
  type Check,
} from '../src/suite-kit/index.js';

deleteCreatedAfterAll();

/** String fields a PUT may change or clear, in the order they are tried. */
const EDITABLE = ['summary', 'title', 'description', 'name'] as const;
/**
 * What PB-PUT-02 does not compare: what moves on its own, and created_date, a read-only field
 * whose change is PB-PUT-04's to judge.
 */
const VOLATILE = new Set([
  'modified_date',
  'total_completed',
  'created_date',
  '_links',
  '_embedded',
]);

// The PUT checks need a Phonebank of their own at a known URL, as it reads before the PUT;
// whether the POST's answer was a valid Phonebank is PB-POST-01's question.
const created = shared(async (check) => {
  const phonebank = await createPhonebank(check, 'put');
  const url = createdUrl(check, phonebank);
  // An eventually consistent target may answer 404 for a moment after the POST.
  const before = await whenConsistent(check, () => read(check, url));
  const editable = EDITABLE.filter(
    (f) => typeof before[f] === 'string' && sameValue(f, before[f], phonebank.sent[f]),
  );
  return { url, before, editable, sent: phonebank.sent };
});

async function read(check: Check, url: string): Promise<Record<string, unknown>> {
  const exchange = await check.get(url);
  check.expectStatus(exchange, [200], `GET of ${url} MUST answer 200`);
  return asObject(check.expectJson(exchange, `GET of ${url} MUST answer the Phonebank`)) ?? {};
}

/** `field` as a read shows it once `value` shows, or when the consistency window has passed. */
async function readBack(check: Check, url: string, field: string, value: unknown) {
  const after = await readUntil(
    check,
    () => read(check, url),
    (doc) => doc[field] === value,
  );
  return after[field];
}

const PUT_RULE = 'PUT of a Phonebank MUST answer 200 with the updated Phonebank';

/**
 * One partial PUT. What the checks after it need is a PUT the target accepted (a 2xx): they
 * read the Phonebank back. Whether the answer was 200 with a valid Phonebank is PB-PUT-01's.
 */
const updated = shared(async (check) => {
  const phonebank = await created.need(check);
  const field = phonebank.editable[0];
  if (!field)
    return check.skip('not checked: the target keeps none of summary, title, description, name');

  const value = changedValue(check, field);
  const exchange = await check.put(phonebank.url, { [field]: value });
  check.expectSuccess(exchange, PUT_RULE);
  const answeredAt = Date.now();
  return {
    phonebank,
    field,
    value,
    exchange,
    answeredAt,
    document: asObject(exchange.response?.json),
  };
});

function changedValue(check: Check, field: string, round = 1): string {
  const again = round > 1 ? ` (${round})` : '';
  return `osdi-conformance ${check.config.runId} changed ${field}${again}`;
}

requirementTest('PB-PUT-01', async (check) => {
  const { phonebank, field, value, exchange } = await updated.own(check);

  check.expectStatus(exchange, [200], PUT_RULE);
  const document = check.expectJson(exchange, PUT_RULE);
  check.expectValid('phonebank.schema.json', document, exchange, PUT_RULE);

  // An answer without the change is the updated Phonebank only if the target ignored the
  // field; once a read shows the change, the answer was the Phonebank before the PUT.
  const answered = asObject(document)?.[field];
  if (answered === value || (await readBack(check, phonebank.url, field, value)) !== value) return;
  check.fail(
    `${PUT_RULE}, received ${field} ${JSON.stringify(answered)} while a GET shows ${JSON.stringify(value)}`,
    exchange,
  );
});

requirementTest('PB-PUT-02', async (check) => {
  const { phonebank, field, value, exchange } = await updated.need(check);
  // Waiting for the change to show keeps an eventually consistent target from being compared
  // before the PUT reached it; whether it shows at all is PB-PUT-06's question.
  const after = await readUntil(
    check,
    () => read(check, phonebank.url),
    (doc) => doc[field] === value,
  );

  const keys = new Set([...Object.keys(phonebank.before), ...Object.keys(after)]);
  const changed = [...keys].filter(
    (k) => k !== field && !VOLATILE.has(k) && !sameValue(k, phonebank.before[k], after[k]),
  );
  if (changed.length > 0) {
    check.fail(
      `A PUT of ${field} alone MUST leave the other fields unchanged, received ${describeChanges(changed, phonebank.before, after)}`,
      exchange,
    );
  }
});

// Right after PB-PUT-02, while the first PUT's value stands (PB-PUT-03 clears it later): the
// value names this run ("osdi-conformance <run id> changed …"), so no other client can have
// written it anywhere.
requirementTest('PB-PUT-07', async (check) => {
  const { phonebank } = await updated.need(check);
  const sent = `osdi-conformance ${check.config.runId} changed `;
  const carries = (item: Record<string, unknown>) =>
    EDITABLE.find((f) => typeof item[f] === 'string' && (item[f] as string).startsWith(sent));

  const walk = await walkCollection(check, await collectionUrl(check));
  const embedded = walk.pages.flatMap((page) =>
    embeddedPhonebanks(page.document).map(([, item]) => ({
      page,
      item,
      url: hrefOf(item, 'self', page.exchange.response?.url ?? page.url),
    })),
  );
  if (embedded.length === 0)
    return check.skip('not checked: the collection embeds no Phonebanks to compare');
  // The Phonebank PUT to, listed under a wrong self link (PB-GET-02's defect), is no other one.
  const mine = (item: Record<string, unknown>) =>
    Array.isArray(item.identifiers) &&
    (phonebank.sent.identifiers as string[]).some((id) =>
      (item.identifiers as unknown[]).includes(id),
    );
  for (const { url, item, page } of embedded) {
    const field = carries(item);
    if (field && url && !sameUrl(url, phonebank.url) && !mine(item)) {
      check.fail(
        `A PUT MUST change only the Phonebank it is sent to: after PUTs to ${phonebank.url}, ${url} holds ${field} ${JSON.stringify(item[field])}`,
        page.exchange,
      );
    }
  }
});

// Runs after PB-PUT-02, which compares every other field with the Phonebank before the PUT:
// trying the other text fields here would otherwise show up there as changes.
requirementTest('PB-PUT-06', async (check) => {
  const { phonebank, field, value, exchange, document } = await updated.need(check);
  const after = await readBack(check, phonebank.url, field, value);
  if (after === value) return;

  // The PUT's own answer claimed the change: the target reported an update it did not keep.
  if (document?.[field] === value) {
    check.fail(
      `A PUT MUST change the fields it sends: the PUT answered ${field} ${JSON.stringify(value)}, but the Phonebank still holds ${JSON.stringify(after)}`,
      exchange,
    );
  }

  // "Systems may also ignore PUT values ... read-only": one ignored field may be read-only
  // there; a target that keeps none of the text fields it took on POST ignores every PUT.
  for (const other of phonebank.editable.filter((f) => f !== field)) {
    const otherValue = changedValue(check, other);
    const tried = await check.put(phonebank.url, { [other]: otherValue });
    check.expectSuccess(tried, PUT_RULE);
    if ((await readBack(check, phonebank.url, other, otherValue)) === otherValue) {
      return check.note(`the target ignored a PUT of ${field} (it may be read-only there)`);
    }
  }
  const tried = phonebank.editable.join(', ');
  check.fail(
    `A PUT MUST change the fields it sends: after PUTs of ${tried}, each accepted, the Phonebank still holds the values it had`,
    exchange,
  );
});

requirementTest('PB-PUT-03', async (check) => {
  const field = await clearable(check);
  if (!field)
    return check.skip(
      'not checked: no text field but name was shown to take a PUT, so none can be cleared',
    );
  const { phonebank } = await updated.need(check);

  const exchange = await check.put(phonebank.url, { [field]: null });
  // How a PUT answers is PB-PUT-01's rule; here it only has to be accepted.
  check.expectSuccess(exchange, `PUT of ${field}: null MUST be accepted`);
  const after = await readUntil(
    check,
    () => read(check, phonebank.url),
    (doc) => doc[field] === null || doc[field] === undefined,
  );
  if (after[field] !== null && after[field] !== undefined) {
    check.fail(
      `PUT with ${field}: null MUST clear ${field}, received ${JSON.stringify(after[field])}`,
      exchange,
    );
  }
});

/**
 * A field to clear: one a PUT was seen to change. "Systems may also ignore PUT values" (the
 * Modifying scenario), so a field that ignores values may ignore null too. The field of the
 * first PUT, once a read shows its change, else the other text fields but name (the marker
 * the cleanup finds the Phonebank by), each PUT a value first.
 */
async function clearable(check: Check): Promise<string | undefined> {
  const { phonebank, field: used, value } = await updated.need(check);
  for (const field of phonebank.editable.filter((f) => f !== 'name')) {
    const wanted = field === used ? value : changedValue(check, field, 3);
    if (field !== used) {
      const tried = await check.put(phonebank.url, { [field]: wanted });
      const status = tried.response?.status ?? 0;
      if (status < 200 || status > 299) continue;
    }
    if ((await readBack(check, phonebank.url, field, wanted)) === wanted) return field;
  }
  return undefined;
}

requirementTest('PB-PUT-04', async (check) => {
  const { phonebank } = await updated.need(check);
  const readOnly: Record<string, unknown> = {
    created_date: '2001-02-03T04:05:06Z',
    modified_date: '2001-02-03T04:05:07Z',
  };
  if (typeof phonebank.before.total_completed === 'number')
    readOnly.total_completed = phonebank.before.total_completed + 4242;

  const exchange = await check.put(phonebank.url, readOnly);
  const status = exchange.response?.status ?? 0;
  if (status >= 400 && status < 500)
    check.note(`the target refused a PUT of read-only fields with ${status}`);
  else check.expectSuccess(exchange, 'PUT of read-only fields MUST be ignored or refused');

  const after = await read(check, phonebank.url);
  const changed = Object.keys(readOnly).filter(
    (k) => k !== 'modified_date' && !sameValue(k, phonebank.before[k], after[k]),
  );
  // modified_date moves on a PUT, so it is judged by whether it took the value sent.
  if (sameValue('modified_date', after.modified_date, readOnly.modified_date))
    changed.push('modified_date');
  if (changed.length > 0) {
    const shown = describeChanges(changed, phonebank.before, after);
    check.fail(`A PUT MUST NOT change read-only fields, received ${shown}`, exchange);
  }
});

requirementTest('PB-PUT-05', async (check) => {
  const { phonebank, field, document, exchange, answeredAt } = await updated.need(check);
  if (!document) return check.skip('not checked: the PUT answer carries no Phonebank');
  const [stampBefore, stampAfter] = [phonebank.before.modified_date, document.modified_date];
  if (stampBefore == null || stampAfter == null)
    return check.note('the target returns no modified_date: not supported');
  const before = Date.parse(String(stampBefore));
  const after = Date.parse(String(document.modified_date));
  // A stamp that is not a date-time breaks the schema, which the GET and PUT checks report.
  if (Number.isNaN(before) || Number.isNaN(after))
    return check.skip(
      `not checked: modified_date ${JSON.stringify(Number.isNaN(before) ? stampBefore : stampAfter)} cannot be read as a date-time`,
    );

  if (after < before) {
    check.fail(
      `modified_date MUST NOT go back on a PUT, received ${document.modified_date} after ${phonebank.before.modified_date}`,
      exchange,
    );
  }
  if (after > before) return;

  // The same stamp: a clock that counts whole seconds stamps a PUT within the POST's second
  // with the POST's time. A PUT more than a second later must move it.
  await sleep(Math.max(0, answeredAt + 1100 - Date.now()));
  const again = await check.put(phonebank.url, { [field]: changedValue(check, field, 2) });
  check.expectSuccess(again, PUT_RULE);
  const later = Date.parse(String(asObject(again.response?.json)?.modified_date));
  if (!(later > before)) {
    check.fail(
      `modified_date MUST record the last modification: two PUTs of ${field}, a second apart, left it at ${phonebank.before.modified_date}`,
      again,
    );
  }
});

/** "name was removed; title: "a" became "b"", the first three changes, then a count. */
function describeChanges(
  fields: string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string {
  const shown = fields.slice(0, 3).map((k) => {
    if (after[k] === undefined) return `${k} was removed (it was ${JSON.stringify(before[k])})`;
    if (before[k] === undefined) return `${k} appeared as ${JSON.stringify(after[k])}`;
    return `${k}: ${JSON.stringify(before[k])} became ${JSON.stringify(after[k])}`;
  });
  const more = fields.length > 3 ? ` (and ${fields.length - 3} more)` : '';
  return shown.join('; ') + more;
}
