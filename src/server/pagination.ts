import { httpError } from './errors.js';
import type { FaultSet } from './faults.js';

/**
 * Paging of a collection (general.md, Collections and Navigation): `page` counts from 1,
 * `per_page` is clamped to the server's maximum page size. A value that is not a whole number
 * of at least 1 answers 400 naming the parameter, rather than being guessed at.
 */
export interface Paging {
  page: number;
  perPage: number;
  /** Which parameters the request gave, so that links repeat exactly those. */
  given: { page: boolean; perPage: boolean };
}

export interface PageSlice<T> {
  items: T[];
  page: number;
  perPage: number;
  totalPages: number;
  totalRecords: number;
}

export function parsePaging(
  params: URLSearchParams,
  maxPageSize: number,
  faults?: FaultSet,
): Paging {
  const page = params.get('page');
  const perPage = faults?.has('per-page-ignored') ? null : params.get('per_page');

  return {
    page: page === null ? 1 : positiveInteger('page', page),
    perPage:
      perPage === null ? maxPageSize : Math.min(positiveInteger('per_page', perPage), maxPageSize),
    given: { page: page !== null, perPage: perPage !== null },
  };
}

function positiveInteger(name: string, text: string): number {
  const value = /^\d{1,9}$/.test(text) ? Number(text) : 0;
  if (value >= 1) return value;

  throw httpError(
    400,
    'INVALID_QUERY_PARAMETER',
    `${name} must be a whole number of 1 or more, got "${text}"`,
    {
      properties: [name],
    },
  );
}

/** The page `paging` asks for; a page past the end is empty, not an error. */
export function slicePage<T>(all: readonly T[], paging: Paging, faults: FaultSet): PageSlice<T> {
  const { page, perPage } = paging;
  const itemsPage = faults.has('page-ignored') ? 1 : page;

  return {
    items: all.slice((itemsPage - 1) * perPage, itemsPage * perPage),
    page,
    perPage,
    totalPages: Math.ceil(all.length / perPage),
    totalRecords: all.length,
  };
}

/** The query strings of self, next and previous; next is absent on the last page, previous on page 1. */
export function pageQueries(
  paging: Paging,
  slice: PageSlice<unknown>,
  faults: FaultSet,
): { self: string; next?: string; previous?: string } {
  const query = (page: number, withPage = true): string => {
    const params = new URLSearchParams();
    if (withPage) params.set('page', String(page));
    if (paging.given.perPage) params.set('per_page', String(paging.perPage));
    return params.toString();
  };
  const { page, totalPages } = slice;

  const queries: { self: string; next?: string; previous?: string } = {
    self: query(page, paging.given.page),
  };
  if (page < totalPages && !(page === 1 && faults.has('first-page-no-next')))
    queries.next = query(page + 1);
  if (page === totalPages && faults.has('next-loops')) queries.next = query(1);
  if (page > 1) queries.previous = query(faults.has('previous-wrong') ? page : page - 1);
  return queries;
}
