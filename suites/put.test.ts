// Modifying a Phonebank (phone_bank.md, Scenario: Modifying a Phonebank resource (PUT)).
import {
  asObject,
  createdUrl,
  createPhonebank,
  deleteCreatedAfterAll,
  readUntil,
  requirementTest,
  sameValue,
  shared,
  whenConsistent,
  type Check,
} from '../src/suite-kit/index.js';

deleteCreatedAfterAll();

/** String fields a PUT may change or clear, in the order they are tried. */
const EDITABLE = ['summary', 'title', 'description', 'name'] as const;
/** What a partial PUT must leave alone besides the field it sends. */
const VOLATILE = new Set(['modified_date', 'total_completed', '_links', '_embedded']);

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
  return { url, before, editable };
});

async function read(check: Check, url: string): Promise<Record<string, unknown>> {
  const exchange = await check.get(url);
  check.expectStatus(exchange, [200], `GET of ${url} MUST answer 200`);
  return asObject(check.expectJson(exchange, `GET of ${url} MUST answer the Phonebank`)) ?? {};
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

  const value = `osdi-conformance ${check.config.runId} changed ${field}`;
  const exchange = await check.put(phonebank.url, { [field]: value });
  check.expectSuccess(exchange, PUT_RULE);
  return { phonebank, field, value, exchange, document: asObject(exchange.response?.json) };
});

requirementTest('PB-PUT-01', async (check) => {
  const { exchange } = await updated.own(check);

  check.expectStatus(exchange, [200], PUT_RULE);
  const document = check.expectJson(exchange, PUT_RULE);
  check.expectValid('phonebank.schema.json', document, exchange, PUT_RULE);
});

requirementTest('PB-PUT-02', async (check) => {
  const { phonebank, field, value, exchange } = await updated.need(check);
  const after = await readUntil(
    check,
    () => read(check, phonebank.url),
    (doc) => doc[field] === value,
  );
  if (after[field] !== value)
    check.note(`the target ignored the new ${field} (it may be read-only there)`);

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

requirementTest('PB-PUT-03', async (check) => {
  const { phonebank, field: used } = await updated.need(check);
  const field = phonebank.editable.find((f) => f !== used && f !== 'name');
  if (!field)
    return check.skip('not checked: the target keeps no second editable text field to clear');

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

requirementTest('PB-PUT-04', async (check) => {
  const { phonebank } = await updated.need(check);
  const readOnly: Record<string, unknown> = { created_date: '2001-02-03T04:05:06Z' };
  if (typeof phonebank.before.total_completed === 'number')
    readOnly.total_completed = phonebank.before.total_completed + 4242;

  const exchange = await check.put(phonebank.url, readOnly);
  const status = exchange.response?.status ?? 0;
  if (status >= 400 && status < 500)
    check.note(`the target refused a PUT of read-only fields with ${status}`);
  else check.expectSuccess(exchange, 'PUT of read-only fields MUST be ignored or refused');

  const after = await read(check, phonebank.url);
  const changed = Object.keys(readOnly).filter((k) => !sameValue(k, phonebank.before[k], after[k]));
  if (changed.length > 0) {
    const shown = describeChanges(changed, phonebank.before, after);
    check.fail(`A PUT MUST NOT change read-only fields, received ${shown}`, exchange);
  }
});

requirementTest('PB-PUT-05', async (check) => {
  const { phonebank, document, exchange } = await updated.need(check);
  if (!document) return check.skip('not checked: the PUT answer carries no Phonebank');
  const [before, after] = [phonebank.before.modified_date, document.modified_date];
  if (typeof before !== 'string' || typeof after !== 'string')
    return check.note('the target returns no modified_date: not supported');

  if (Date.parse(after) < Date.parse(before)) {
    check.fail(
      `modified_date MUST NOT go back on a PUT, received ${after} after ${before}`,
      exchange,
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
