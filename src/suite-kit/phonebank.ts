import { describeExchange, type Exchange } from '../client/index.js';
import { NotApplicable } from './findings.js';
import type { FieldSupport } from '../runner/types.js';
import type { Check } from './check.js';
import { collectionUrl } from './discover.js';
import { fetchPage, PHONEBANKS, type Page } from './collection.js';
import { asObject, linksOf, resolve, sameUrl } from './hal.js';
import { locateCreated, type Located } from './locate.js';

/** Flexenum fields and their documented values (phone_bank.md, Phonebank Fields). */
const FLEXENUMS: Record<string, readonly string[]> = {
  status: ['draft', 'paused', 'scheduled', 'started', 'stopped'],
  dialing_mode: ['predictive', 'power', 'manual'],
};

const DATETIME_FIELDS = new Set(['start_time', 'end_time', 'created_date', 'modified_date']);

let serial = 0;

/**
 * A Phonebank to POST: the fields phone_bank.md's creation example sends, with values a person
 * recognises as the suite's (the name starts with "osdi-conformance <run id>").
 */
export function phonebankToCreate(runId: string, label: string): Record<string, unknown> {
  serial += 1;
  return {
    identifiers: [`osdi_conformance:${runId}-${label}-${serial}`],
    origin_system: 'osdi-conformance',
    name: `osdi-conformance ${runId} ${label}`,
    title: `osdi-conformance ${runId} test Phonebank`,
    description: `<p>Created by the osdi-conformance ${runId} run; it deletes it at the end of its run.</p>`,
    summary: `Created by the osdi-conformance ${runId} run; deleted at the end of its run.`,
    start_time: '2031-03-04T09:00:00Z',
    end_time: '2031-03-05T17:30:00Z',
    daily_start_hour: 9,
    daily_stop_hour: 17,
    caller_id: '18005550199',
    dialing_mode: 'manual',
    voicemail_audio_url: 'https://example.org/osdi-conformance/voicemail.mp3',
  };
}

/**
 * Two values are the same field value: datetimes compare as instants, identifiers as a set
 * (the array is "a unique string array": its order says nothing), a caller_id by its digits
 * (a server may store "+18005550199" for "18005550199"), the rest as JSON
 * (docs/spec-decisions.md, D30).
 */
export function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    if (DATETIME_FIELDS.has(field)) {
      const [x, y] = [Date.parse(a), Date.parse(b)];
      if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y;
    }
    if (field === 'caller_id') return digits(a) !== '' && digits(a) === digits(b);
  }
  if (field === 'identifiers' && Array.isArray(a) && Array.isArray(b))
    return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  return JSON.stringify(a) === JSON.stringify(b);
}

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * Fields a server may fill in itself, whatever the client sent: origin_system is "the system
 * where this Phonebank was created" (phone_bank.md), which a server may take to be itself.
 */
export const SERVER_MAY_SET: ReadonlySet<string> = new Set(['origin_system']);

/**
 * Support of each sent field in what came back: absent or null is "not supported", and so is
 * another value in a field the server may set itself (SERVER_MAY_SET).
 */
export function fieldSupportOf(
  sent: Record<string, unknown>,
  received: unknown,
): Record<string, FieldSupport> {
  const document = asObject(received) ?? {};
  const support: Record<string, FieldSupport> = {};
  for (const [field, value] of Object.entries(sent)) {
    if (field === 'identifiers') continue;
    const back = document[field];
    support[field] =
      back === undefined || back === null
        ? 'not-supported'
        : sameValue(field, value, back)
          ? 'supported'
          : SERVER_MAY_SET.has(field)
            ? 'not-supported'
            : 'mismatch';
  }
  return support;
}

/** Notes flexenum values outside the documented lists: allowed, worth knowing (general.md). */
export function noteFlexenums(check: Check, document: unknown): void {
  const object = asObject(document) ?? {};
  for (const [field, known] of Object.entries(FLEXENUMS)) {
    const value = object[field];
    if (typeof value === 'string' && !known.includes(value)) {
      check.note(
        `${field} "${value}" is not one of the documented values (${known.join(', ')}); flexenum allows it`,
      );
    }
  }
}

/**
 * A Phonebank the run POSTed: the request as sent and answered, the answer's body when it is a
 * JSON object, and the URL the Phonebank lives at: the answer's self link, else its Location
 * header, else where it was found in the collection (`located` then says how).
 */
export interface Created {
  exchange: Exchange;
  sent: Record<string, unknown>;
  document?: Record<string, unknown>;
  url?: string;
  /** How the Phonebank was found when the answer gave no URL. */
  located?: string;
}

const CREATE_RULE =
  'POST to the Phonebank collection MUST answer 200 or 201 with the created Phonebank';

/**
 * POSTs a Phonebank to the collection, judging nothing but the status: the collection and
 * single-GET checks need Phonebanks to look at even when the POST's answer breaks a rule the
 * POST requirements report. Check.post journals what it created; when the answer (or the lack
 * of one) gives no URL, the Phonebank is looked for in the collection, so that it is cleaned up
 * and can still be checked (principle 2: the suite leaves nothing behind unreported).
 */
export async function postPhonebank(check: Check, label: string): Promise<Created> {
  const sent = phonebankToCreate(check.config.runId, label);
  const collection = await collectionUrl(check);
  const exchange = await check.post(collection, sent, 'Phonebank');
  const found = await locateIfUnknown(check, exchange, collection, sent);
  const response = check.expectStatus(exchange, [200, 201], CREATE_RULE);

  const document = asObject(response.json);
  const url = check.urlCreatedBy(exchange) ?? found?.url;
  if (found) check.note(found.how);
  return {
    exchange,
    sent,
    ...(document && { document }),
    ...(url && { url }),
    ...(found && { located: found.how }),
  };
}

// A 2xx without a URL, or no answer at all, may have left a Phonebank that only the
// collection can tell about.
async function locateIfUnknown(
  check: Check,
  exchange: Exchange,
  collection: string,
  sent: Record<string, unknown>,
): Promise<Located | undefined> {
  const status = exchange.response?.status;
  const mayExist = status === undefined || (status >= 200 && status <= 299);
  if (!mayExist || check.urlCreatedBy(exchange)) return undefined;

  const found = await locateCreated(check, collection, sent, check.createdUrls);
  // A Phonebank listed with the collection's, the AEP's or another origin's URL is not one to write.
  return found && (await check.journalFound(exchange, found.url, found.how)) ? found : undefined;
}

/**
 * POSTs a Phonebank (phone_bank.md, Scenario: Creating a new Phonebank resource), as the
 * precondition of the checks that look at what was created. It asks only what they use: a 200
 * or 201 with a JSON object or a URL to find the Phonebank by. Whether the answer is a valid
 * Phonebank is PB-POST-01's question (`judgeCreated`), not theirs.
 */
export async function createPhonebank(check: Check, label: string): Promise<Created> {
  const created = await postPhonebank(check, label);
  if (!created.document && !created.url) {
    check.fail(
      `${CREATE_RULE}, received neither a JSON object nor a self link or Location header (${describeExchange(created.exchange)})`,
      created.exchange,
    );
  }
  return created;
}

/**
 * PB-POST-01: the answer is the created Phonebank (errors.md allows 200 or 201), a JSON
 * document that validates, with a self link (or a Location) to find it by.
 */
export function judgeCreated(check: Check, created: Created): void {
  const { exchange } = created;
  const document = check.expectJson(exchange, CREATE_RULE);
  check.expectValid('phonebank.schema.json', document, exchange, CREATE_RULE);
  const disowned = check.urlsDisownedBy(exchange);
  if (disowned.length > 0)
    check.fail(
      `${CREATE_RULE}: its self link and Location MUST name the created Phonebank, received ${disowned.join(' and ')}, where GET shows another resource`,
      exchange,
    );
  if (!created.url || created.located)
    check.fail(
      `${CREATE_RULE}: it MUST carry a self link, received none and no Location header`,
      exchange,
    );
}

/** The created Phonebank's URL; the checks that need it are "not checked" without one. */
export function createdUrl(check: Check, created: Created): string {
  if (created.url) return created.url;
  const disowned = check.urlsDisownedBy(created.exchange);
  return check.skip(
    disowned.length > 0
      ? `not checked: the POST answer names ${disowned.join(' and ')}, where GET shows another resource, and the Phonebank was not found elsewhere`
      : `not checked: the POST answer gives no self link and no Location header (${describeExchange(created.exchange)})`,
  );
}

/** The POST answer's JSON object; the checks that read it are "not checked" without one. */
export function createdDocument(check: Check, created: Created): Record<string, unknown> {
  if (created.document) return created.document;
  return check.skip(
    `not checked: the POST answer carries no JSON object (${describeExchange(created.exchange)})`,
  );
}

/**
 * The URL of some Phonebank: the first of the collection, or one created for the purpose when
 * the collection is empty and writes are allowed.
 */
export async function somePhonebank(check: Check): Promise<string> {
  const first = await listedPhonebank(check);
  if (first) return first;

  if (check.writesUnavailable)
    check.skip(`not checked: the collection is empty and ${check.writesUnavailable}`);
  const failed = (why: string) =>
    check.skip(`not checked: the collection is empty and creating a Phonebank failed: ${why}`);
  try {
    const { url, exchange } = await postPhonebank(check, 'sample');
    return url ?? failed(`${describeExchange(exchange)} gave no self link and no Location`);
  } catch (error) {
    if (error instanceof NotApplicable) throw error;
    return failed((error as Error).message);
  }
}

/**
 * The URL of the first Phonebank the collection's first page lists, if it lists one. A
 * Phonebank this run deleted is passed over: an eventually consistent collection may list it
 * for a while after the DELETE (general.md leaves that open), and its 404 is no defect.
 */
export async function listedPhonebank(check: Check): Promise<string | undefined> {
  return (await listedPhonebanks(check))[0];
}

/** The URLs of the Phonebanks the collection's first page lists, but those this run deleted. */
export async function listedPhonebanks(check: Check): Promise<string[]> {
  const page = await fetchPage(check, await collectionUrl(check));
  if (page.exchange.response?.status !== 200)
    check.skip('not checked: the Phonebank collection did not answer 200');
  const deleted = [...check.deletedUrls];
  const listed = [...page.items, ...linkedItems(page)].filter(
    (key) => /^https?:/.test(key) && !deleted.some((url) => sameUrl(url, key)),
  );
  return listed.filter((url, i) => listed.findIndex((other) => sameUrl(other, url)) === i);
}

/**
 * GET of `somePhonebank`. Another client may delete that Phonebank between the collection read
 * and the GET: a 404 or 410 for one the collection no longer lists first tries the one it lists
 * now (three tries in all); one it still lists is the target's answer to judge.
 */
export async function fetchSomePhonebank(
  check: Check,
): Promise<{ url: string; exchange: Exchange }> {
  let url = await somePhonebank(check);
  for (let tries = 1; ; tries++) {
    const exchange = await check.get(url);
    const status = exchange.response?.status;
    if ((status !== 404 && status !== 410) || tries === 3) return { url, exchange };

    const listed = await listedPhonebank(check);
    if (!listed || sameUrl(listed, url)) return { url, exchange };
    url = listed;
  }
}

// Embedded items without a self link (PB-COL-03 reports that) are still listed by href.
function linkedItems(page: Page): string[] {
  const base = page.exchange.response?.url ?? page.url;
  return linksOf(page.document, PHONEBANKS).flatMap((link) => resolve(link.href, base) ?? []);
}

/**
 * A URL next to `url` that names no Phonebank, in the id format the target uses (a number for
 * numeric ids, a UUID for UUIDs), so that a server validating ids still answers "not found".
 */
export function unknownSibling(url: string, runId: string): string {
  const parsed = new URL(url);
  const segments = parsed.pathname.replace(/\/+$/, '').split('/');
  const last = decodeURIComponent(segments.pop() ?? '');
  segments.push(encodeURIComponent(unknownId(last, runId)));
  parsed.pathname = segments.join('/');
  parsed.search = '';
  return parsed.href;
}

function unknownId(example: string, runId: string): string {
  if (/^\d+$/.test(example)) return String(987_654_321_000 + Math.floor(Math.random() * 1000));
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(example))
    return crypto.randomUUID();
  const lookalike = /^[A-Za-z0-9_-]{8,}$/.test(example) ? shuffledTail(example) : undefined;
  return lookalike ?? `osdi-conformance-missing-${runId}`;
}

/**
 * `id` with the letters and digits of its second half drawn anew, each from the characters of
 * its own kind (digit, upper or lower case) that `id` uses: the same length, alphabet and
 * prefix, so a server that checks the form of an id (a ULID, a base62 key, "pb_…") still
 * takes it for one, and answers "not found" rather than "malformed".
 */
function shuffledTail(id: string): string | undefined {
  const kinds = [/[0-9]/, /[A-Z]/, /[a-z]/];
  const pools = kinds.map((kind) => [...new Set([...id].filter((c) => kind.test(c)))]);
  const half = Math.ceil(id.length / 2);
  const poolOf = (c: string) => pools[kinds.findIndex((kind) => kind.test(c))];
  // Too few choices (a sequential "pb-00017") could name a Phonebank that exists.
  const choices = [...id.slice(half)].reduce((n, c) => n * (poolOf(c)?.length ?? 1), 1);
  if (choices < 1_000_000) return undefined;
  for (;;) {
    const tail = [...id.slice(half)].map((c) => {
      const pool = poolOf(c);
      return pool ? pool[Math.floor(Math.random() * pool.length)]! : c;
    });
    const drawn = id.slice(0, half) + tail.join('');
    if (drawn !== id) return drawn;
  }
}
