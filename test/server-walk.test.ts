// Walks every endpoint the reference server links to, from the API Entry Point, and validates
// each document against the project's schemas: the server must pass its own suite's rules.
import { describe, expect, it } from 'vitest';
import { validate, type ReferenceServerOptions, type SchemaName } from '../src/index.js';
import { request, resolve, serverFor } from './server-helpers.js';

interface Visit {
  url: string;
  status: number;
  contentType: string | null;
  schema: SchemaName | undefined;
  errors: string[];
}

/** Which schema a document at this path must satisfy; undefined for the small link targets. */
function schemaFor(path: string): SchemaName | undefined {
  if (/^\/api\/v1\/?$/.test(path)) return 'aep.schema.json';
  if (/^\/api\/v1\/phonebanks\/?$/.test(path)) return 'phonebank-collection.schema.json';
  if (/^\/api\/v1\/phonebanks\/[^/]+$/.test(path)) return 'phonebank.schema.json';
  return undefined;
}

/** Every href in a document's _links (and its embedded documents'), except curie templates. */
function hrefsIn(doc: any): string[] {
  if (doc === null || typeof doc !== 'object') return [];
  const own = Object.entries(doc._links ?? {})
    .filter(([rel]) => rel !== 'curies')
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter((link: any) => !link.templated)
    .map((link: any) => String(link.href));
  const embedded = Object.values(doc._embedded ?? {}).flatMap((v) => (Array.isArray(v) ? v : [v]));
  return [...own, ...embedded.flatMap(hrefsIn)];
}

async function walk(start: string): Promise<Visit[]> {
  const queue = [start];
  const seen = new Set(queue);
  const visits: Visit[] = [];

  while (queue.length > 0 && visits.length < 500) {
    const url = queue.shift()!;
    const res = await request(url);
    const schema = schemaFor(new URL(url).pathname);
    const errors = schema ? validate(schema, res.body).errors.map((e) => e.message) : [];
    visits.push({
      url,
      status: res.status,
      contentType: res.headers.get('content-type'),
      schema,
      errors,
    });

    for (const href of hrefsIn(res.body).map((h) => resolve(h, url))) {
      if (!seen.has(href) && new URL(href).origin === new URL(start).origin) {
        seen.add(href);
        queue.push(href);
      }
    }
  }
  return visits;
}

describe.each<[string, ReferenceServerOptions, string]>([
  ['seed', { profile: 'seed' }, 'application/hal+json'],
  ['rest', { profile: 'rest' }, 'application/json'],
])('reference server, %s profile: every endpoint', (_, options, contentType) => {
  const ctx = serverFor(options);

  it('answers every link with 200, the profile content type, and schema-valid documents', async () => {
    const visits = await walk(ctx.server.url);

    const broken = visits.filter(
      (v) => v.status !== 200 || v.contentType !== contentType || v.errors.length > 0,
    );
    expect(broken).toEqual([]);
    const paths = visits.map((v) => new URL(v.url).pathname);
    for (const kind of ['people', 'scripts', 'lists']) {
      expect(paths.some((p) => p.startsWith(`/api/v1/${kind}/`))).toBe(true);
    }
    expect(paths.filter((p) => p.endsWith('/taggings')).length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.endsWith('/phone_bank_results')).length).toBeGreaterThan(0);
    expect(
      visits.filter((v) => v.schema === 'phonebank.schema.json').length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('answers errors with bodies that validate against the error schema', async () => {
    const urls = [
      `${ctx.server.url}phonebanks/none`,
      `${ctx.server.url}people/none`,
      `${ctx.server.url}elsewhere`,
    ];

    const answers = await Promise.all(urls.map((u) => request(u)));

    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(validate('error.schema.json', res.body).errors).toEqual([]);
    }
  });
});
