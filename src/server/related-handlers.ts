import type { Handler } from './context.js';
import { httpError } from './errors.js';
import { findPhonebank } from './phonebank-handlers.js';
import { renderDashboard, renderEmptyCollection, renderRelated } from './representations.js';
import type { RelatedKind } from './store.js';

// The resources a Phonebank links to (phone_bank.md, Links), served so that every link leads
// to a real HAL document.

export const getRelated: Handler = (ctx, [kind, id]) => {
  const resource = ctx.store.getRelated(kind as RelatedKind, id!);
  if (!resource) throw httpError(404, 'NOT_FOUND', `nothing at ${ctx.url.pathname}`);
  const body = renderRelated(resource, ctx);
  // people.md, Fields: given_name is a string.
  if (kind === 'people' && ctx.faults.has('person-name-number')) body.given_name = 42;
  return { status: 200, body };
};

export const getTaggings: Handler = (ctx, [id]) => {
  const phonebank = findPhonebank(ctx, id!);
  const self = ctx.hrefs.taggings(phonebank.id);
  return { status: 200, body: renderEmptyCollection('osdi:taggings', self, ctx) };
};

export const getPhoneBankResults: Handler = (ctx, [id]) => {
  const phonebank = findPhonebank(ctx, id!);
  const self = ctx.hrefs.phoneBankResults(phonebank.id);
  return { status: 200, body: renderEmptyCollection('osdi:phone_bank_results', self, ctx) };
};

/** The rest profile's vendor link (acme:dashboard); other profiles have no such resource. */
export const getDashboard: Handler = (ctx, [id]) => {
  if (!ctx.profile.vendor) throw httpError(404, 'NOT_FOUND', `nothing at ${ctx.url.pathname}`);
  return { status: 200, body: renderDashboard(findPhonebank(ctx, id!), ctx) };
};
