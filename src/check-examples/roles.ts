import { embedded, isObject, type BodyRole, type Example } from './context.js';
import type { RequestLine, StatusLine } from './http-preamble.js';

/**
 * What a body is: POST and PUT requests carry a resource to create or update; a response is a
 * notice or error, a collection page (it has pagination numbers or embedded arrays), or one
 * resource. Bodies of other requests are only checked for syntax.
 */
export function roleOf(
  kind: Example['kind'],
  status: StatusLine | undefined,
  request: RequestLine | undefined,
  value: unknown,
): BodyRole | undefined {
  if (kind === 'request') {
    if (request?.method === 'POST') return 'create';
    return request?.method === 'PUT' || request?.method === 'PATCH' ? 'update' : undefined;
  }
  if (value === undefined) return undefined;
  if (
    !isObject(value) ||
    'notice' in value ||
    'osdi:error' in value ||
    (status?.status ?? 200) >= 400 ||
    request?.method === 'DELETE'
  )
    return 'notice';
  return isCollection(value) ? 'collection' : 'single';
}

function isCollection(value: Record<string, unknown>): boolean {
  if (['total_pages', 'total_records', 'per_page', 'page'].some((k) => k in value)) return true;
  return Object.values(embedded(value) ?? {}).some(Array.isArray);
}

// The items of a collection are the array in _embedded; the page's label is preferred when the
// example has several.
export function itemsKey(value: unknown, collectionLabel: string | undefined): string | undefined {
  const arrays = Object.entries(embedded(value) ?? {}).filter(([, v]) => Array.isArray(v));
  const labelled = arrays.find(([k]) => k === collectionLabel);
  return (labelled ?? arrays[0])?.[0];
}
