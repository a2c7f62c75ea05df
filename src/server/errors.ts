import type { ErrorDescription, OsdiErrorDocument, ResourceStatus } from '../generated/schemas.js';

/** What a handler answers; the server turns it into an HTTP response. No body: nothing is sent. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request that fails: thrown by handlers, answered with its reply. */
export class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
    this.name = 'HttpError';
  }
}

/** An atomic osdi:error document (errors.md, Error Fields and Scenario: Atomic Request). */
export function errorDocument(
  status: number,
  descriptions: ErrorDescription[],
  resource?: string,
): OsdiErrorDocument {
  const entry: ResourceStatus = {
    ...(resource ? { resource } : {}),
    response_code: status,
    error_descriptions: descriptions,
  };
  return {
    'osdi:error': { request_type: 'atomic', response_code: status, resource_status: [entry] },
  };
}

export interface ErrorOptions {
  properties?: string[];
  resource?: string;
  headers?: Record<string, string>;
}

/** An HttpError with one error description. */
export function httpError(
  status: number,
  error_code: string,
  description: string,
  options: ErrorOptions = {},
): HttpError {
  const one: ErrorDescription = { error_code, description, properties: options.properties ?? [] };
  return invalid(status, [one], options);
}

/** An HttpError with several error descriptions, as a 400 for a body that breaks many rules. */
export function invalid(
  status: number,
  descriptions: ErrorDescription[],
  options: ErrorOptions = {},
): HttpError {
  const body = errorDocument(status, descriptions, options.resource);
  return new HttpError({ status, body, ...(options.headers ? { headers: options.headers } : {}) });
}

/** A JSON pointer as errors.md writes a property: `/a/0/b` → `a[0].b`. */
export function propertyOf(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : path ? `${path}.${key}` : key),
      '',
    );
}
