import type { PhonebankCreate, PhonebankUpdate } from '../generated/schemas.js';
import type { Handler, RequestContext } from './context.js';
import { HttpError, httpError, type Reply } from './errors.js';
import { parsePaging, slicePage } from './pagination.js';
import { renderAep, renderCollection, renderPhonebank } from './representations.js';
import type { StoredPhonebank } from './store.js';
import { checkBody, createPhonebank, RESOURCE, resolveLinks, updatePhonebank } from './writes.js';

export const getAep: Handler = (ctx) => ({ status: 200, body: renderAep(ctx) });

/** phone_bank.md, Scenario: Retrieving a collection of Phonebank resources (GET). */
export const listPhonebanks: Handler = (ctx) => {
  const paging = parsePaging(ctx.url.searchParams, ctx.profile.maxPageSize, ctx.faults);
  const lagging = (p: StoredPhonebank) => ctx.faults.has('collection-lags') && isRecent(p);
  const slice = slicePage(
    ctx.store.list().filter((p) => !lagging(p)),
    paging,
    ctx.faults,
  );
  return { status: 200, body: renderCollection(slice, paging, ctx) };
};

/** phone_bank.md, Scenario: Retrieving an individual Phonebank resource (GET). */
export const getPhonebank: Handler = (ctx, [id]) => {
  const phonebank = findPhonebank(ctx, id!);
  if (ctx.faults.has('read-lags') && isRecent(phonebank))
    throw httpError(404, 'NOT_FOUND', `no phonebank has the id "${id}"`);

  const body = renderPhonebank(phonebank, ctx);
  if (ctx.faults.has('self-link-elsewhere')) body._links!.self = { href: ctx.hrefs.phonebanks() };
  if (ctx.faults.has('get-drops-identifiers'))
    body.identifiers = body.identifiers?.filter((i) => i.startsWith(`${ctx.profile.namespace}:`));
  return { status: 200, body };
};

// The lagging faults hide what was created in the last minute; seeded Phonebanks are years old.
function isRecent(phonebank: StoredPhonebank): boolean {
  return Date.now() - phonebank.created < 60_000;
}

/** phone_bank.md, Scenario: Creating a new Phonebank resource (POST); 201 + Location in the rest profile (errors.md). */
export const postPhonebank: Handler = async (ctx) => {
  const body = checkBody<PhonebankCreate>('phonebank-create.schema.json', await ctx.readBody());
  const links = resolveLinks(body, ctx.url, ctx.store);

  const phonebank = createPhonebank(body, links, ctx.store, ctx.faults);
  ctx.store.put(phonebank);

  const { status, location } = ctx.profile.created;
  const headers = location ? { Location: ctx.hrefs.phonebank(phonebank.id) } : undefined;
  return { status, body: renderPhonebank(phonebank, ctx), ...(headers ? { headers } : {}) };
};

/** phone_bank.md, Scenario: Modifying a Phonebank resource (PUT). */
export const putPhonebank: Handler = async (ctx, [id]) => {
  const existing = findPhonebank(ctx, id!);
  const body = checkBody<PhonebankUpdate>('phonebank-update.schema.json', await ctx.readBody());
  const links = resolveLinks(body, ctx.url, ctx.store);

  const updated = updatePhonebank(existing, body, links, ctx.store, ctx.faults);
  if (!ctx.faults.has('put-not-kept')) ctx.store.put(updated);
  // put-changes-other: the oldest other Phonebank takes the same change (a wrong WHERE clause).
  const other = ctx.store.list().find((p) => p.id !== existing.id);
  if (other && ctx.faults.has('put-changes-other')) {
    const links = resolveLinks(body, ctx.url, ctx.store);
    ctx.store.put(updatePhonebank(other, body, links, ctx.store, ctx.faults));
  }
  if (ctx.faults.has('put-no-content')) return { status: 204 };
  const answered = ctx.faults.has('put-answers-old') ? existing : updated;
  return { status: 200, body: renderPhonebank(answered, ctx) };
};

/** phone_bank.md, Scenario: Deleting a Phonebank Resource (DELETE); 204 in the rest profile (errors.md). */
export const deletePhonebank: Handler = (ctx, [id]) => {
  if (ctx.faults.has('delete-unknown-200') && !ctx.store.get(id!)) return deletedReply(ctx);
  const phonebank = findPhonebank(ctx, id!);
  if (ctx.faults.has('delete-fails'))
    throw httpError(500, 'INTERNAL_ERROR', 'the phonebank could not be deleted');
  if (!ctx.faults.has('delete-keeps')) ctx.store.remove(phonebank.id);

  return deletedReply(ctx);
};

function deletedReply(ctx: RequestContext): Reply {
  if (ctx.profile.deleted === 'no-content') return { status: 204 };
  return { status: 200, body: { notice: 'This phonebank was successfully deleted.' } };
}

/** The Phonebank with this id, or a 404 (errors.md: Resource not found). */
export function findPhonebank(ctx: RequestContext, id: string): StoredPhonebank {
  const phonebank = ctx.store.get(id);
  if (phonebank) return phonebank;

  if (ctx.faults.has('unknown-id-200')) throw new HttpError({ status: 200, body: {} });
  throw httpError(404, 'NOT_FOUND', `no phonebank has the id "${id}"`, { resource: RESOURCE });
}
