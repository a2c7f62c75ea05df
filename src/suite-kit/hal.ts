import type { Exchange } from '../client/index.js';
import type { HalLink } from '../generated/schemas.js';

/** A JSON object, or undefined for anything else. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The links of one relation, as an array (HAL allows one link object or an array). */
export function linksOf(document: unknown, rel: string): HalLink[] {
  const value = asObject(asObject(document)?._links)?.[rel];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((link): link is HalLink => typeof asObject(link)?.href === 'string');
}

/** Every relation of a document's _links, except curies. */
export function relationsOf(document: unknown): string[] {
  return Object.keys(asObject(asObject(document)?._links) ?? {}).filter((rel) => rel !== 'curies');
}

/**
 * The absolute URL of a relation's first link, resolved against the URL the document came from.
 * A templated link (`"templated": true`, a URI template such as `/phonebanks{?page}`) is expanded
 * with no variables, which RFC 6570 §3.2.1 expands to nothing.
 */
export function hrefOf(document: unknown, rel: string, base: string): string | undefined {
  const link = linksOf(document, rel)[0];
  if (!link) return undefined;
  return resolve(link.templated === true ? link.href.replace(/\{[^}]*\}/g, '') : link.href, base);
}

/** Resolves an href (absolute or relative) against the URL of the response it came in. */
export function resolve(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** An http or https URL: a javascript:, file: or data: href names nothing a client can GET. */
export function isHttpUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

/** Same resource: equal once resolved, ignoring a trailing slash on the path. */
export function sameUrl(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return urlKey(a) === urlKey(b);
}

/**
 * The form in which two URLs of the same resource compare equal (see `sameUrl`); a key that is
 * not a URL (an item without links, told by its identifiers) stays as is.
 */
export function urlKey(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  parsed.hash = '';
  return parsed.href;
}

/** The embedded resources of one relation. */
export function embeddedOf(document: unknown, rel: string): unknown[] {
  const value = asObject(asObject(document)?._embedded)?.[rel];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * Where the resource a POST created lives, as its answer says: the self link of the body, then
 * the Location header (each resolved against the response URL; the same URL once).
 */
export function createdUrlsOf(exchange: Exchange): string[] {
  const response = exchange.response;
  if (!response) return [];
  const self = hrefOf(asObject(response.json), 'self', response.url);
  const location = response.headers.location;
  const urls = [self, location ? resolve(location, response.url) : undefined];
  return urls.filter((url, i): url is string => !!url && urls.indexOf(url) === i);
}
