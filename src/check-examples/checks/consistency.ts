import {
  embedded,
  hrefOf,
  isObject,
  links,
  resourceObjects,
  type BodyContext,
  type Issue,
  type ResourceObject,
} from '../context.js';
import { joinPointer } from '../json-body.js';

const SELF = joinPointer('_links', 'self', 'href');

/**
 * A response's self link against its request's URL: the same resource for GET, PUT and DELETE;
 * a member of the posted-to collection for POST. Trailing slashes do not count.
 */
export function selfLinkIssues(ctx: BodyContext): Issue[] {
  const self = hrefOf(ctx.value, 'self');
  const request = ctx.request;
  if (ctx.example.kind !== 'response' || !request || self === undefined || ctx.role === 'notice')
    return [];

  if (request.method === 'POST') {
    if (parentOf(normalUrl(self)) === normalUrl(request.url)) return [];
    return [
      {
        code: 'self-link-mismatch',
        pointer: SELF,
        message: `self link ${self} is not a member of the collection the request posted to (${request.url})`,
      },
    ];
  }
  if (normalUrl(self) === normalUrl(request.url)) return [];
  return [
    {
      code: 'self-link-mismatch',
      pointer: SELF,
      message: `self link ${self} does not match the request URL ${request.url}`,
    },
  ];
}

/** The system's own identifier ("<system>:<id>") against the last segment of the self link. */
export function identifierIssues(ctx: BodyContext): Issue[] {
  return resourceObjects(ctx).flatMap((object) => identifierIssuesOf(object));
}

function identifierIssuesOf(object: ResourceObject): Issue[] {
  const self = hrefOf(object.value, 'self');
  const identifiers = object.value.identifiers;
  if (self === undefined || !Array.isArray(identifiers)) return [];

  const index = identifiers.findIndex((id) => typeof id === 'string' && isOwnIdentifier(id, self));
  if (index === -1) return [];
  const identifier = identifiers[index] as string;
  const id = identifier.slice(identifier.indexOf(':') + 1);
  if (id === lastSegment(self)) return [];
  return [
    {
      code: 'identifier-mismatch',
      pointer: object.pointer + joinPointer('identifiers', index),
      message: `the system's own identifier ${identifier} names id ${id}, but the self link ends in ${lastSegment(self)}`,
    },
  ];
}

// The system's own identifier is the one whose system name is the self link's host name:
// osdi_sample_system:... for https://osdi-sample-system.org/...
function isOwnIdentifier(identifier: string, self: string): boolean {
  const system = identifier
    .split(':')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const host = hostOf(self)?.replace(/[^a-z0-9.]/g, '');
  return system !== '' && host !== undefined && host.split('.').some((label) => label === system);
}

/** A collection's list of item links against the self links of its embedded items. */
export function hrefListIssues(ctx: BodyContext): Issue[] {
  const key = ctx.itemsKey;
  const listed = key === undefined ? undefined : links(ctx.value)?.[key];
  const items = key === undefined ? undefined : embedded(ctx.value)?.[key];
  if (ctx.role !== 'collection' || !Array.isArray(listed) || !Array.isArray(items)) return [];

  const hrefs = listed.map((link) =>
    isObject(link) && typeof link.href === 'string' ? link.href : undefined,
  );
  const selves = items.map((item) => hrefOf(item, 'self'));
  const hrefSet = new Set(hrefs.flatMap((h) => (h === undefined ? [] : [normalUrl(h)])));
  const selfSet = new Set(selves.flatMap((s) => (s === undefined ? [] : [normalUrl(s)])));
  return [...unlisted(key!, hrefs, selfSet), ...unembedded(key!, selves, hrefSet)];
}

function unlisted(key: string, hrefs: (string | undefined)[], selves: Set<string>): Issue[] {
  return hrefs.flatMap((href, i) =>
    href === undefined || selves.has(normalUrl(href))
      ? []
      : [
          {
            code: 'href-list-mismatch' as const,
            pointer: joinPointer('_links', key, i, 'href'),
            message: `_links lists ${href}, but no embedded item has that self link`,
          },
        ],
  );
}

function unembedded(key: string, selves: (string | undefined)[], hrefs: Set<string>): Issue[] {
  return selves.flatMap((self, i) =>
    self === undefined || hrefs.has(normalUrl(self))
      ? []
      : [
          {
            code: 'href-list-mismatch' as const,
            pointer: joinPointer('_embedded', key, i, '_links', 'self', 'href'),
            message: `embedded item ${self} is not in the collection's _links list`,
          },
        ],
  );
}

/**
 * Pagination numbers against each other (general.md, Collections and Navigation): total_pages is
 * ceil(total_records / per_page); next is page + 1 and previous page - 1; no next on the last page.
 */
export function paginationIssues(ctx: BodyContext): Issue[] {
  if (ctx.role !== 'collection' || !isObject(ctx.value)) return [];
  const { total_pages: pages, total_records: records, per_page: perPage, page } = ctx.value;
  return [
    ...pageCount(pages, records, perPage),
    ...pageInRange(page, pages),
    ...neighbour(ctx.value, 'next', page, pages, perPage),
    ...neighbour(ctx.value, 'previous', page, pages, perPage),
  ];
}

function pageCount(pages: unknown, records: unknown, perPage: unknown): Issue[] {
  if (!isInt(pages) || !isInt(records) || !isInt(perPage) || perPage <= 0) return [];
  const expected = Math.ceil(records / perPage);
  if (pages === expected || (records === 0 && pages <= 1)) return [];
  return [
    {
      code: 'pagination-inconsistent',
      pointer: '/total_pages',
      message: `total_pages is ${pages}, but ${records} records at ${perPage} per page make ${expected} pages`,
    },
  ];
}

function pageInRange(page: unknown, pages: unknown): Issue[] {
  if (!isInt(page) || !isInt(pages) || pages === 0 || page <= pages) return [];
  return [
    {
      code: 'pagination-inconsistent',
      pointer: '/page',
      message: `page ${page} is beyond total_pages ${pages}`,
    },
  ];
}

function neighbour(
  value: unknown,
  rel: 'next' | 'previous',
  page: unknown,
  pages: unknown,
  perPage: unknown,
): Issue[] {
  const href = hrefOf(value, rel);
  if (href === undefined || !isInt(page)) return [];
  const pointer = joinPointer('_links', rel, 'href');
  const edge = rel === 'next' ? pages : 1;
  if (page === edge)
    return [
      {
        code: 'pagination-inconsistent',
        pointer,
        message: `page ${page} is the ${rel === 'next' ? 'last' : 'first'} page, yet it has a ${rel} link`,
      },
    ];

  const query = queryOf(href);
  const expected = rel === 'next' ? page + 1 : page - 1;
  const linked = query?.get('page');
  if (linked != null && Number(linked) !== expected) {
    return [
      {
        code: 'pagination-inconsistent',
        pointer,
        message: `the ${rel} link goes to page ${linked}, but page is ${page} (expected page=${expected})`,
      },
    ];
  }
  const size = query?.get('per_page');
  if (size != null && isInt(perPage) && Number(size) !== perPage) {
    return [
      {
        code: 'pagination-inconsistent',
        pointer,
        message: `the ${rel} link asks for per_page=${size}, but per_page is ${perPage}`,
      },
    ];
  }
  return [];
}

function isInt(value: unknown): value is number {
  return Number.isInteger(value);
}

/** A URL for comparison: no trailing slash on the path, host in lower case. */
export function normalUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url.replace(/\/+(?=$|\?)/, '');
  }
}

function parentOf(url: string): string {
  const [path, query = ''] = url.split('?');
  return path!.replace(/\/[^/]*$/, '') + (query ? `?${query}` : '');
}

function lastSegment(url: string): string {
  return normalUrl(url).split('?')[0]!.split('/').pop() ?? '';
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function queryOf(url: string): URLSearchParams | undefined {
  try {
    return new URL(url, 'http://relative.invalid').searchParams;
  } catch {
    return undefined;
  }
}
