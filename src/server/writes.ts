import type { ErrorDescription, PhonebankCreate, PhonebankUpdate } from '../generated/schemas.js';
import { validate, type SchemaName } from '../schemas/index.js';
import { invalid, propertyOf } from './errors.js';
import { settableFields } from './fields.js';
import type { FaultSet } from './faults.js';
import { apiUserId } from './seed.js';
import {
  SETTABLE_LINKS,
  type RelatedKind,
  type SettableLink,
  type Store,
  type StoredPhonebank,
} from './store.js';

export const RESOURCE = 'osdi:phonebank';

type Links = StoredPhonebank['links'];

/**
 * Checks a request body against the schema the suite uses and answers 400 naming every
 * offending property (errors.md, Error Description: properties).
 */
export function checkBody<T>(schema: SchemaName, body: unknown): T {
  const result = validate(schema, body);
  if (result.valid) return body as T;

  const descriptions: ErrorDescription[] = result.errors.map((error) => ({
    error_code:
      error.keyword === 'type' || error.keyword === 'format'
        ? `INVALID_${error.keyword.toUpperCase()}`
        : 'INVALID_VALUE',
    description: error.message,
    properties: error.pointer === '' ? [] : [propertyOf(error.pointer)],
  }));
  throw invalid(400, descriptions, { resource: RESOURCE });
}

/**
 * The links a request sets, as ids of resources the server knows; a link that leads nowhere
 * known answers 400. Links other than SETTABLE_LINKS (self, taggings, vendor links) are
 * the server's own and are ignored.
 */
export function resolveLinks(
  body: PhonebankCreate | PhonebankUpdate,
  requestUrl: URL,
  store: Store,
): Links {
  const links: Links = {};
  const errors: ErrorDescription[] = [];

  for (const rel of Object.keys(SETTABLE_LINKS) as SettableLink[]) {
    const href = body._links?.[rel]?.href;
    if (href === undefined) continue;

    const id = resolveHref(href, SETTABLE_LINKS[rel], requestUrl, store);
    if (id !== undefined) links[rel] = id;
    else errors.push(unknownTarget(rel, href));
  }

  if (errors.length > 0) throw invalid(400, errors, { resource: RESOURCE });
  return links;
}

function resolveHref(
  href: string,
  kind: RelatedKind,
  requestUrl: URL,
  store: Store,
): string | undefined {
  const url = URL.canParse(href, requestUrl.href) ? new URL(href, requestUrl) : undefined;
  if (!url || url.origin !== requestUrl.origin) return undefined;

  const match = /^\/api\/v1\/([a-z]+)\/([^/]+)\/?$/.exec(url.pathname);
  if (!match || match[1] !== kind) return undefined;
  const id = decodeURIComponent(match[2]!);
  return store.getRelated(kind, id) ? id : undefined;
}

function unknownTarget(rel: SettableLink, href: string): ErrorDescription {
  const noun = { people: 'Person', scripts: 'Script', lists: 'List' }[SETTABLE_LINKS[rel]];
  return {
    error_code: 'UNKNOWN_LINK_TARGET',
    description: `_links.${rel}.href must be the URL of a ${noun} this server knows, got "${href}"`,
    properties: [`_links.${rel}.href`],
  };
}

/**
 * A new Phonebank from a POST body (phone_bank.md, Scenario: Creating a new Phonebank): the
 * client's identifiers are kept and the server's own comes first; the dates are the server's.
 */
export function createPhonebank(
  body: PhonebankCreate,
  links: Links,
  store: Store,
  faults: FaultSet,
): StoredPhonebank {
  const id = store.newId('phonebanks');
  const now = store.now();
  const namespace = store.profile.namespace;
  const creator = apiUserId(store);
  const kept = faults.has('post-drops-identifiers')
    ? []
    : clientIdentifiers(body.identifiers, namespace);
  const fields = Object.fromEntries(
    Object.entries(fieldsOf(body)).filter(([, value]) => value !== null),
  );
  if (faults.has('post-swaps-hours'))
    [fields.daily_start_hour, fields.daily_stop_hour] = [
      fields.daily_stop_hour,
      fields.daily_start_hour,
    ];

  return {
    id,
    identifiers: [`${namespace}:${id}`, ...kept],
    fields,
    links: { 'osdi:creator': creator, 'osdi:modified_by': creator, ...links },
    created: faults.has('created-date-future') ? now + 365 * 24 * 3600 * 1000 : now,
    modified: now,
    totalCompleted: 0,
    priority: 1,
  };
}

/**
 * A Phonebank after a PUT (phone_bank.md, Scenario: Modifying a Phonebank): omitted fields
 * stay, null clears (general.md, Deleting the full contents of an Object), read-only fields
 * are not settable, identifiers merge (general.md, Merging Objects and Arrays on update).
 */
export function updatePhonebank(
  existing: StoredPhonebank,
  body: PhonebankUpdate,
  links: Links,
  store: Store,
  faults: FaultSet,
): StoredPhonebank {
  const replace = faults.has('put-replaces');
  const fields: Record<string, unknown> = replace ? {} : { ...existing.fields };

  for (const [name, value] of Object.entries(fieldsOf(body))) {
    if (value !== null) fields[name] = value;
    else if (!faults.has('put-ignores-null')) delete fields[name];
  }

  return {
    ...existing,
    identifiers: updatedIdentifiers(
      existing.identifiers,
      body.identifiers,
      store.profile.namespace,
      faults,
    ),
    fields,
    links: replace ? links : { ...existing.links, ...links },
    ...(faults.has('put-sets-created-date') && typeof body.created_date === 'string'
      ? { created: Date.parse(body.created_date) }
      : {}),
    modified:
      faults.has('put-takes-modified-date') && typeof body.modified_date === 'string'
        ? Date.parse(body.modified_date)
        : updatedModified(existing, store, faults),
  };
}

function updatedModified(existing: StoredPhonebank, store: Store, faults: FaultSet): number {
  if (faults.has('put-rewinds-modified-date')) return existing.modified - 24 * 3600 * 1000;
  if (faults.has('put-keeps-modified-date')) return existing.modified;
  return store.now();
}

function fieldsOf(body: PhonebankCreate | PhonebankUpdate): Record<string, unknown> {
  const source = body as Record<string, unknown>;
  return Object.fromEntries(
    settableFields()
      .filter((name) => name in source)
      .map((name) => [name, source[name]]),
  );
}

// The server's own identifier is read-only: a client cannot add or change one in its namespace.
function clientIdentifiers(identifiers: string[] | null | undefined, namespace: string): string[] {
  return [...new Set(identifiers ?? [])].filter((id) => !id.startsWith(`${namespace}:`));
}

// New identifiers are added to the old ones; null clears the client's, never the server's.
function updatedIdentifiers(
  existing: string[],
  sent: string[] | null | undefined,
  namespace: string,
  faults: FaultSet,
): string[] {
  const clears = sent === null && !faults.has('put-ignores-null');
  if (clears) return existing.filter((id) => id.startsWith(`${namespace}:`));

  return [...new Set([...existing, ...clientIdentifiers(sent, namespace)])];
}
