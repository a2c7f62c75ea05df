// Three conformant servers, each a different set of legal choices (see Choices in
// ./independent.ts; the spec text behind each choice is cited there and in
// docs/spec-decisions.md).
import { ALL_FIELDS, type Choices } from './independent.js';

const without = (...fields: string[]) => ALL_FIELDS.filter((f) => !fields.includes(f));

/**
 * Relative hrefs with trailing slashes, the AEP at a path without one, `{}` for an empty
 * collection, three fields never returned, a vendor curie with a POST-only helper link, no href
 * list next to the embedded items, 201 without Location, DELETE 204, anonymous reads, 403 for a
 * wrong token, a page size capped at 2, dates with a +02:00 offset and milliseconds.
 */
export const RELATIVE: Choices = {
  aepPath: '/osdi',
  collectionPath: '/osdi/phonebanks/',
  trailingSlash: true,
  hrefs: 'relative',
  contentType: 'application/hal+json; charset=utf-8',
  ids: 'dashed',
  fields: without('summary', 'dialing_mode', 'caller_id'),
  nullForUnset: false,
  defaultStatus: 'pending',
  vendor: true,
  linkList: false,
  emptyAsBareObject: true,
  defaultPageSize: 2,
  maxPageSize: 2,
  statesMaxPageSize: false,
  pagingExtras: { sort: 'created_date', fmt: 'hal' },
  postStatus: 201,
  postLocation: false,
  deleteAnswer: '204',
  goneAfterDelete: false,
  lagMs: 0,
  anonymousReads: true,
  badTokenStatus: 403,
  dates: 'offset-fraction',
  reformatTimes: true,
};

/**
 * The AEP reached through a 301, absolute-path hrefs, application/json, base62 ids, every
 * field with null for unset ones, POST 200 with Location, DELETE 200 with an empty body and
 * 410 afterwards, at most one record per page (stated as max_pagesize), UTC dates.
 */
export const REDIRECTED: Choices = {
  redirectFrom: { path: '/api', status: 301 },
  aepPath: '/api/v1/',
  collectionPath: '/api/v1/phone_banks',
  trailingSlash: false,
  hrefs: 'absolute-path',
  contentType: 'application/json',
  ids: 'base62',
  fields: ALL_FIELDS,
  nullForUnset: true,
  vendor: false,
  linkList: true,
  emptyAsBareObject: false,
  defaultPageSize: 25,
  maxPageSize: 1,
  statesMaxPageSize: false,
  pagingExtras: { sort: 'name', include: 'all' },
  postStatus: 200,
  postLocation: true,
  deleteAnswer: '200-empty',
  goneAfterDelete: true,
  lagMs: 0,
  anonymousReads: false,
  badTokenStatus: 401,
  dates: 'utc',
  reformatTimes: false,
};

/**
 * Eventually consistent (reads see writes 300 ms later), the AEP behind a 308, absolute URLs,
 * a vendor +json media type, `{}` after DELETE, 201 with Location, status "pending".
 */
export const EVENTUAL: Choices = {
  redirectFrom: { path: '/v2', status: 308 },
  aepPath: '/v2/',
  collectionPath: '/v2/phonebanks',
  trailingSlash: false,
  hrefs: 'absolute-url',
  contentType: 'application/vnd.independent.osdi+json',
  ids: 'dashed',
  fields: without('dialing_mode'),
  nullForUnset: true,
  defaultStatus: 'pending',
  vendor: true,
  linkList: true,
  emptyAsBareObject: false,
  defaultPageSize: 10,
  maxPageSize: 10,
  statesMaxPageSize: true,
  pagingExtras: {},
  postStatus: 201,
  postLocation: true,
  deleteAnswer: '200-object',
  goneAfterDelete: false,
  lagMs: 300,
  anonymousReads: false,
  badTokenStatus: 403,
  dates: 'offset-fraction',
  reformatTimes: false,
};

/**
 * A vendor that normalises what it stores: its own name in origin_system, caller_id in E.164,
 * identifiers reordered by a PUT; an AEP relation named by a URI; an href list without the
 * trailing slash of the self links (both reach the Phonebank); no total_pages or
 * total_records; DELETE answered with the spec's notice (docs/spec-decisions.md, D30).
 */
export const NORMALISING: Choices = {
  aepPath: '/osdi/v1',
  collectionPath: '/osdi/v1/phonebanks/',
  trailingSlash: true,
  hrefs: 'absolute-url',
  contentType: 'application/hal+json',
  ids: 'dashed',
  fields: ALL_FIELDS,
  nullForUnset: false,
  vendor: false,
  linkList: true,
  emptyAsBareObject: false,
  defaultPageSize: 10,
  maxPageSize: 50,
  statesMaxPageSize: true,
  pagingExtras: {},
  postStatus: 201,
  postLocation: true,
  deleteAnswer: '200-notice',
  goneAfterDelete: false,
  lagMs: 0,
  anonymousReads: false,
  badTokenStatus: 401,
  dates: 'utc',
  reformatTimes: false,
  stampsOriginSystem: 'Independent CRM',
  e164CallerId: true,
  reordersIdentifiers: true,
  uriRelation: true,
  linkListWithoutSlash: true,
  statesTotals: false,
};

/**
 * A collection served from a search index that trails the store by 1.5 s: a new Phonebank
 * answers GET at once but is listed late, and a deleted one answers 404 at once but stays
 * listed a while; plain application/json, POST 200 without Location.
 */
export const INDEXED: Choices = {
  ...REDIRECTED,
  redirectFrom: undefined,
  postLocation: false,
  deleteAnswer: '200-notice',
  goneAfterDelete: false,
  maxPageSize: 25,
  listingLagMs: 1500,
};
