// The legal alternatives the rest and read-only profiles take (errors.md: 201 and 204;
// general.md: HAL hrefs, curies for vendor extensions).
import { describe, expect, it } from 'vitest';
import { startReferenceServer, validate } from '../src/index.js';
import {
  allPhonebanks,
  collectionUrl,
  firstPhonebankUrl,
  request,
  resolve,
  serverFor,
} from './server-helpers.js';

describe('reference server, rest profile', () => {
  const ctx = serverFor({ profile: 'rest' });

  it('writes hrefs as absolute paths with numeric ids, and answers application/json', async () => {
    const aep = await request(ctx.server.url);
    const page = await request(resolve(aep.body._links['osdi:phonebanks'].href, ctx.server.url));

    expect(aep.headers.get('content-type')).toBe('application/json');
    expect(aep.body._links['osdi:phonebanks'].href).toBe('/api/v1/phonebanks');
    expect(page.body._links['osdi:phonebanks']).toEqual([
      { href: '/api/v1/phonebanks/1' },
      { href: '/api/v1/phonebanks/2' },
      { href: '/api/v1/phonebanks/3' },
    ]);
  });

  it('has a maximum page size of 3, so that its seed spans several pages', async () => {
    const url = await collectionUrl(ctx.server);

    const res = await request(`${url}?per_page=25`);

    expect(res.body).toMatchObject({ per_page: 3, total_pages: 3, total_records: 8 });
    expect(res.body._links.next.href).toBe('/api/v1/phonebanks?page=2&per_page=3');
    expect(await allPhonebanks(ctx.server)).toHaveLength(8);
  });

  it('carries a vendor curie, a vendor field and a vendor link that resolves', async () => {
    const url = await firstPhonebankUrl(ctx.server);

    const res = await request(url);
    const dashboard = await request(resolve(res.body._links['acme:dashboard'].href, url));

    expect(res.body._links.curies).toContainEqual({
      name: 'acme',
      href: '/acme-docs/{rel}',
      templated: true,
    });
    expect(res.body.acme_priority).toBe(1);
    expect(dashboard.status).toBe(200);
    expect(validate('phonebank.schema.json', res.body).errors).toEqual([]);
  });

  it('creates with 201 and a Location header, deletes with 204 and no body', async () => {
    const url = await collectionUrl(ctx.server);

    const created = await request(url, { method: 'POST', json: { name: 'Rest' } });
    const location = created.headers.get('location')!;
    const deleted = await request(resolve(location, url), { method: 'DELETE' });

    expect(created.status).toBe(201);
    expect(location).toBe('/api/v1/phonebanks/9');
    expect(created.body._links.self.href).toBe(location);
    expect(created.body.identifiers).toEqual(['acme:9']);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await request(resolve(location, url))).status).toBe(404);
  });
});

describe('reference server, read-only profile', () => {
  const ctx = serverFor({ profile: 'read-only' });

  it('serves reads like the seed profile', async () => {
    const res = await request(await firstPhonebankUrl(ctx.server));

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/hal+json');
  });

  it('refuses POST, PUT and DELETE with 405, an error body and an Allow header, changing nothing', async () => {
    const collection = await collectionUrl(ctx.server);
    const item = await firstPhonebankUrl(ctx.server);
    const before = await allPhonebanks(ctx.server);

    const answers = [
      await request(collection, { method: 'POST', json: { name: 'x' } }),
      await request(item, { method: 'PUT', json: { name: 'x' } }),
      await request(item, { method: 'DELETE' }),
    ];

    for (const res of answers) {
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(validate('error.schema.json', res.body).errors).toEqual([]);
    }
    expect(await allPhonebanks(ctx.server)).toEqual(before);
  });
});

describe('reference server options', () => {
  it('seeds the number of Phonebanks asked for', async () => {
    const server = await startReferenceServer({ seed: 2 });

    try {
      expect(await allPhonebanks(server)).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('rejects an unknown profile or fault with the valid names', async () => {
    await expect(startReferenceServer({ profile: 'nope' as 'seed' })).rejects.toThrow(
      'unknown profile "nope"; valid profiles: seed, rest, read-only',
    );
    await expect(startReferenceServer({ faults: ['nope'] })).rejects.toThrow(
      /unknown fault "nope"; valid faults: hour-as-string, /,
    );
  });
});
