import type { Exchange } from '../client/index.js';
import type { Check } from './check.js';
import { hrefOf, isHttpUrl } from './hal.js';
import { memoise } from './run-state.js';

/** The API Entry Point as the target answered it, fetched once per run (aep.md). */
export function entryPoint(check: Check): Promise<Exchange> {
  return memoise('aep', () => check.get(check.config.target));
}

/**
 * The Phonebank collection's URL: --collection, or the AEP's `osdi:phonebanks` link. When
 * neither is there, the checks that need the collection are skipped ("not checked").
 */
export async function collectionUrl(check: Check): Promise<string> {
  if (check.config.collection) return check.config.collection;

  const aep = await entryPoint(check);
  const response = aep.response;
  if (!response || response.status !== 200) {
    check.skip(
      `not checked: the API Entry Point did not answer 200 (${aep.error ?? response?.status})`,
    );
  }
  const href = hrefOf(response.json, 'osdi:phonebanks', response.url);
  if (!href || !isHttpUrl(href))
    check.skip(
      'not checked: the API Entry Point has no usable osdi:phonebanks link (use --collection)',
    );
  if (elsewhere(check, href)) check.skip(`not checked: ${elsewhere(check, href)}`);
  return href;
}

/**
 * Why the collection at `href` is not tested, when it lives on another origin than the AEP:
 * the token goes to the target's origin only (issue 4), and the suite writes and cleans up
 * only there (docs/spec-decisions.md, D26). --collection names a collection explicitly.
 */
export function elsewhere(check: Check, href: string): string | undefined {
  const origin = new URL(check.config.target).origin;
  if (new URL(href).origin === origin) return undefined;
  return `the osdi:phonebanks link leads to another origin (${href}); the suite sends the token and its requests to the target's origin (${origin}) only: run it with --target on that origin`;
}

/** The AEP's max_pagesize when it states one. */
export async function maxPageSize(check: Check): Promise<number | undefined> {
  const json = (await entryPoint(check)).response?.json as { max_pagesize?: unknown } | undefined;
  return typeof json?.max_pagesize === 'number' ? json.max_pagesize : undefined;
}
