// The five scenarios of phone_bank.md, against the reference server in its default (seed)
// profile, sent as curl would send them.
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { collectionUrl, firstPhonebankUrl, request, resolve, serverFor } from './server-helpers.js';

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('reference server, seed profile: phone_bank.md scenarios', () => {
  const ctx = serverFor();

  it('retrieves a collection of Phonebank resources (GET)', async () => {
    const url = await collectionUrl(ctx.server);

    const res = await request(url);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/hal+json');
    expect(validate('phonebank-collection.schema.json', res.body).errors).toEqual([]);
    expect(res.body).toMatchObject({ total_pages: 1, per_page: 25, page: 1, total_records: 5 });
    const embedded = res.body._embedded['osdi:phonebanks'];
    expect(res.body._links['osdi:phonebanks']).toEqual(
      embedded.map((p: any) => ({ href: p._links.self.href })),
    );
    expect(res.body._links.next).toBeUndefined();
    expect(res.body._links.previous).toBeUndefined();
  });

  it('retrieves an individual Phonebank resource (GET)', async () => {
    const url = await firstPhonebankUrl(ctx.server);

    const res = await request(url);

    expect(res.status).toBe(200);
    expect(validate('phonebank.schema.json', res.body).errors).toEqual([]);
    expect(res.body._links.self.href).toBe(url);
    expect(res.body).toMatchObject({
      name: 'Rally for Rivers',
      daily_start_hour: 9,
      daily_stop_hour: 17,
    });
    expect(res.body.created_date).toMatch(RFC3339_UTC);
  });

  it('creates a new Phonebank (POST), keeping the client identifiers and adding its own', async () => {
    const url = await collectionUrl(ctx.server);
    const existing = await request(await firstPhonebankUrl(ctx.server));
    const script = existing.body._links['osdi:script'].href;

    const res = await request(url, {
      method: 'POST',
      json: {
        identifiers: ['foreign_system:1'],
        name: 'Rally for Rivers',
        daily_start_hour: 9,
        _links: { 'osdi:script': { href: script } },
      },
    });

    expect(res.status).toBe(200);
    expect(validate('phonebank.schema.json', res.body).errors).toEqual([]);
    expect(res.body.identifiers).toHaveLength(2);
    expect(res.body.identifiers[0]).toMatch(/^osdi_reference:[0-9a-f-]{36}$/);
    expect(res.body.identifiers[1]).toBe('foreign_system:1');
    expect(res.body.created_date).toMatch(RFC3339_UTC);
    expect(res.body.modified_date).toBe(res.body.created_date);
    expect(res.body._links['osdi:script'].href).toBe(script);
    const again = await request(res.body._links.self.href);
    expect(again.body).toEqual(res.body);
  });

  it('modifies a Phonebank (PUT): sent fields change, omitted stay, null clears, read-only are ignored', async () => {
    const url = await firstPhonebankUrl(ctx.server);
    const before = (await request(url)).body;

    const res = await request(url, {
      method: 'PUT',
      json: {
        name: 'Rally for Mountains',
        summary: null,
        total_completed: 5,
        created_date: '2000-01-01T00:00:00Z',
      },
    });

    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Rally for Mountains');
    expect(res.body.title).toBe(before.title);
    expect(res.body).not.toHaveProperty('summary');
    expect(res.body.total_completed).toBe(before.total_completed);
    expect(res.body.created_date).toBe(before.created_date);
    expect(Date.parse(res.body.modified_date)).toBeGreaterThan(Date.parse(before.modified_date));
    expect((await request(url)).body).toEqual(res.body);
  });

  it('modified_date advances on every PUT, even two in the same millisecond', async () => {
    const url = await firstPhonebankUrl(ctx.server);

    const [a, b] = [
      await request(url, { method: 'PUT', json: {} }),
      await request(url, { method: 'PUT', json: {} }),
    ];

    expect(Date.parse(b.body.modified_date)).toBeGreaterThan(Date.parse(a.body.modified_date));
  });

  it('deletes a Phonebank (DELETE) with a notice; afterwards GET, PUT and DELETE answer 404', async () => {
    const url = await collectionUrl(ctx.server);
    const created = await request(url, { method: 'POST', json: { name: 'To delete' } });
    const self = resolve(created.body._links.self.href, url);

    const res = await request(self, { method: 'DELETE' });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ notice: 'This phonebank was successfully deleted.' });
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const after = await request(self, { method, ...(method === 'PUT' ? { json: {} } : {}) });
      expect(after.status).toBe(404);
      expect(validate('error.schema.json', after.body).errors).toEqual([]);
    }
  });
});

describe('reference server, seed profile: addressing', () => {
  const ctx = serverFor();

  it('answers unknown ids, unknown paths and unknown methods with error bodies', async () => {
    const base = ctx.server.url;

    const cases = [
      [await request(`${base}phonebanks/no-such-id`), 404],
      [await request(`${base}nowhere`), 404],
      [await request(`${base}phonebanks`, { method: 'PATCH', json: {} }), 405],
      [await request(base, { method: 'DELETE' }), 405],
    ] as const;

    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      expect(res.body['osdi:error'].response_code).toBe(status);
    }
    expect(cases[2][0].headers.get('allow')).toBe('GET, POST, HEAD');
  });

  it('serves the entry point and the collection with or without a trailing slash', async () => {
    const base = ctx.server.url;

    const statuses = await Promise.all(
      [base, base.slice(0, -1), `${base}phonebanks`, `${base}phonebanks/`].map(
        async (u) => (await request(u)).status,
      ),
    );

    expect(statuses).toEqual([200, 200, 200, 200]);
  });

  it('describes itself in the entry point: curies, osdi:phonebanks, version and page size', async () => {
    const res = await request(ctx.server.url);

    expect(validate('aep.schema.json', res.body).errors).toEqual([]);
    expect(res.body).toMatchObject({
      osdi_version: '1.2.0',
      max_pagesize: 25,
      vendor_name: 'osdi-conformance',
    });
    expect(res.body._links.curies).toEqual([
      { name: 'osdi', href: `${new URL(ctx.server.url).origin}/docs/v1/{rel}`, templated: true },
    ]);
    expect(res.body._links.self.href).toBe(ctx.server.url);
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await fetch(ctx.server.url, { method: 'HEAD' });

    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
