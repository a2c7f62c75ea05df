import type {
  ApiEntryPoint,
  Curie,
  Phonebank,
  PhonebankCollection,
  PhonebankLinks,
} from '../generated/schemas.js';
import { settableFields } from './fields.js';
import type { FaultSet } from './faults.js';
import type { Hrefs } from './hrefs.js';
import { pageQueries, type PageSlice, type Paging } from './pagination.js';
import type { Profile } from './profiles.js';
import {
  SETTABLE_LINKS,
  type RelatedResource,
  type SettableLink,
  type StoredPhonebank,
} from './store.js';

/** What a representation depends on besides the data: the profile, the faults, the URLs. */
export interface View {
  profile: Profile;
  faults: FaultSet;
  hrefs: Hrefs;
}

export const OSDI_VERSION = '1.2.0';

/** The API Entry Point (aep.md): the directory that leads to the Phonebank collection. */
export function renderAep(view: View): ApiEntryPoint {
  const { profile, hrefs, faults } = view;
  const aep: ApiEntryPoint = {
    motd: 'Welcome to the osdi-conformance reference server: an OSDI Phonebank API to test against.',
    vendor_name: 'osdi-conformance',
    product_name: `OSDI Phonebank reference server (profile ${profile.name})`,
    osdi_version: OSDI_VERSION,
    max_pagesize: profile.maxPageSize,
    namespace: profile.namespace,
    _links: {
      curies: curies(view),
      self: { href: hrefs.aep(), title: 'This API entry point' },
      'osdi:phonebanks': {
        href: hrefs.phonebanks(),
        title: 'The collection of phonebanks in the system',
      },
    },
  };
  if (faults.has('aep-invalid')) (aep as Record<string, unknown>).max_pagesize = String(profile.maxPageSize);
  if (faults.has('aep-no-collection-link')) delete aep._links!['osdi:phonebanks'];
  if (faults.has('aep-no-curies')) delete aep._links!.curies;
  return aep;
}

/** A Phonebank as phone_bank.md's field and link tables describe it. */
export function renderPhonebank(phonebank: StoredPhonebank, view: View): Phonebank {
  const { profile } = view;
  const doc: Phonebank = {
    identifiers: [...phonebank.identifiers],
    created_date: dateTime(phonebank.created, view.faults),
    modified_date: dateTime(phonebank.modified, view.faults),
    ...orderedFields(phonebank.fields, view.faults),
    total_completed: phonebank.totalCompleted,
  };
  if (profile.vendor) doc[profile.vendor.field] = phonebank.priority;

  doc._links = phonebankLinks(phonebank, view);
  return doc;
}

function orderedFields(fields: Record<string, unknown>, faults: FaultSet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of settableFields()) {
    if (fields[name] === undefined) continue;
    out[name] = fields[name];
    if (name.endsWith('_hour') && faults.has('hour-as-string')) out[name] = String(fields[name]);
  }
  return out;
}

function phonebankLinks(phonebank: StoredPhonebank, view: View): PhonebankLinks {
  const { hrefs, profile } = view;
  const links: PhonebankLinks = {};

  if (!view.faults.has('no-self-link')) links.self = { href: hrefs.phonebank(phonebank.id) };
  links.curies = curies(view);
  for (const rel of Object.keys(SETTABLE_LINKS) as SettableLink[]) {
    const id = phonebank.links[rel];
    if (id !== undefined) links[rel] = { href: hrefs.related(SETTABLE_LINKS[rel], id) };
  }
  const taggings = hrefs.taggings(phonebank.id);
  links['osdi:taggings'] = { href: view.faults.has('broken-taggings-link') ? `${taggings}-gone` : taggings };
  links['osdi:phone_bank_results'] = { href: hrefs.phoneBankResults(phonebank.id) };
  if (profile.vendor) links[profile.vendor.link] = { href: hrefs.dashboard(phonebank.id) };
  return links;
}

/** One page of the Phonebank collection, its items both linked and embedded (general.md, REST + HAL). */
export function renderCollection(
  slice: PageSlice<StoredPhonebank>,
  paging: Paging,
  view: View,
): PhonebankCollection {
  const { hrefs, faults } = view;
  const queries = pageQueries(paging, slice, faults);
  const items = slice.items.map((p) => renderPhonebank(p, view));

  const collection: PhonebankCollection = {
    total_pages: slice.totalPages - (faults.has('wrong-total-pages') ? 1 : 0),
    per_page: slice.perPage,
    page: slice.page,
    total_records: slice.totalRecords + (faults.has('wrong-total-records') ? 1 : 0),
    _links: {
      self: { href: hrefs.phonebanks(queries.self) },
      ...(queries.next !== undefined ? { next: { href: hrefs.phonebanks(queries.next) } } : {}),
      ...(queries.previous !== undefined
        ? { previous: { href: hrefs.phonebanks(queries.previous) } }
        : {}),
      curies: curies(view),
      'osdi:phonebanks': slice.items.map((p) => ({ href: hrefs.phonebank(p.id) })),
    },
    ...(faults.has('no-embedding') ? {} : { _embedded: { 'osdi:phonebanks': items } }),
  };
  if (faults.has('page-as-string')) (collection as Record<string, unknown>).page = String(slice.page);
  return collection;
}

/** A Person, Script or List: a small HAL resource, so that a Phonebank's links lead somewhere. */
export function renderRelated(resource: RelatedResource, view: View): Record<string, unknown> {
  const { hrefs, profile } = view;

  return {
    identifiers: [`${profile.namespace}:${resource.id}`],
    created_date: dateTime(resource.created, view.faults),
    modified_date: dateTime(resource.created, view.faults),
    ...resource.fields,
    _links: { self: { href: hrefs.related(resource.kind, resource.id) }, curies: curies(view) },
  };
}

/**
 * A collection the server keeps no items in (a Phonebank's taggings or phone bank results):
 * an empty HAL collection, which errors.md names as the answer when nothing is found.
 */
export function renderEmptyCollection(
  rel: string,
  self: string,
  view: View,
): Record<string, unknown> {
  return {
    total_pages: 0,
    per_page: view.profile.maxPageSize,
    page: 1,
    total_records: 0,
    _links: { self: { href: self }, curies: curies(view), [rel]: [] },
    _embedded: { [rel]: [] },
  };
}

/** The rest profile's vendor link target (acme:dashboard). */
export function renderDashboard(phonebank: StoredPhonebank, view: View): Record<string, unknown> {
  return {
    title: `Dashboard of ${String(phonebank.fields.title ?? phonebank.id)}`,
    calls_today: 0,
    _links: {
      self: { href: view.hrefs.dashboard(phonebank.id) },
      curies: curies(view),
      'osdi:phonebank': { href: view.hrefs.phonebank(phonebank.id) },
    },
  };
}

function curies(view: View): Curie[] {
  const { hrefs, profile } = view;
  const list: Curie[] = [{ name: 'osdi', href: hrefs.docs('/docs/v1/{rel}'), templated: true }];
  if (profile.vendor)
    list.push({
      name: profile.vendor.curie,
      href: hrefs.docs(profile.vendor.docsPath),
      templated: true,
    });
  return list;
}

/** RFC 3339 in UTC with milliseconds, e.g. 2017-03-20T21:04:31.000Z (general.md: datetime is ISO 8601). */
function dateTime(ms: number, faults: FaultSet): string {
  if (faults.has('bad-date-time')) return new Date(ms).toUTCString();
  return new Date(ms).toISOString();
}
