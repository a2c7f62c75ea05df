// Paging of the Phonebank collection (general.md, Collections and Navigation).
import { describe, expect, it } from 'vitest';
import { allPhonebanks, collectionUrl, request, resolve, serverFor } from './server-helpers.js';

describe('reference server: collection paging', () => {
  const ctx = serverFor({ seed: 7 });

  it('pages with per_page and page, keeping per_page in self, next and previous', async () => {
    const url = await collectionUrl(ctx.server);

    const res = await request(`${url}?page=2&per_page=3`);

    expect(res.body).toMatchObject({ total_pages: 3, per_page: 3, page: 2, total_records: 7 });
    expect(res.body._links.self.href).toBe(`${url}?page=2&per_page=3`);
    expect(res.body._links.next.href).toBe(`${url}?page=3&per_page=3`);
    expect(res.body._links.previous.href).toBe(`${url}?page=1&per_page=3`);
    expect(res.body._embedded['osdi:phonebanks']).toHaveLength(3);
  });

  it('has no next link on the last page and no previous link on page 1', async () => {
    const url = await collectionUrl(ctx.server);

    const first = await request(`${url}?per_page=3`);
    const last = await request(`${url}?page=3&per_page=3`);

    expect(first.body._links.previous).toBeUndefined();
    expect(first.body._links.next.href).toBe(`${url}?page=2&per_page=3`);
    expect(last.body._links.next).toBeUndefined();
    expect(last.body._embedded['osdi:phonebanks']).toHaveLength(1);
  });

  it('lists the same items, in creation order, walking pages as in one page', async () => {
    const url = await collectionUrl(ctx.server);
    const single = (await request(url)).body._embedded['osdi:phonebanks'];

    const pages = [1, 2, 3].map((page) => request(`${url}?page=${page}&per_page=3`));
    const walked = (await Promise.all(pages)).flatMap(
      (res) => res.body._embedded['osdi:phonebanks'],
    );

    expect(walked).toEqual(single);
    expect(single.map((p: any) => p.identifiers[1])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `foreign_system:${n}`),
    );
    expect(await allPhonebanks(ctx.server)).toEqual(single);
  });

  it('answers a page past the end with 200 and an empty page', async () => {
    const url = await collectionUrl(ctx.server);

    const res = await request(`${url}?page=9`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      page: 9,
      total_records: 7,
      _embedded: { 'osdi:phonebanks': [] },
    });
    expect(res.body._links['osdi:phonebanks']).toEqual([]);
    expect(res.body._links.next).toBeUndefined();
  });

  it('clamps per_page to the maximum page size of the entry point', async () => {
    const url = await collectionUrl(ctx.server);

    const res = await request(`${url}?per_page=1000`);

    expect(res.body.per_page).toBe(25);
    expect(res.body._links.self.href).toBe(`${url}?per_page=25`);
  });

  it.each([
    ['page', '0'],
    ['page', 'two'],
    ['per_page', '-1'],
    ['per_page', '2.5'],
  ])('answers %s=%s with 400 naming the parameter', async (name, value) => {
    const url = await collectionUrl(ctx.server);

    const res = await request(`${url}?${name}=${value}`);

    expect(res.status).toBe(400);
    expect(res.body['osdi:error'].resource_status[0].error_descriptions[0]).toMatchObject({
      error_code: 'INVALID_QUERY_PARAMETER',
      properties: [name],
    });
  });

  it('links each embedded item under osdi:phonebanks in the same order', async () => {
    const url = await collectionUrl(ctx.server);

    const res = await request(`${url}?page=2&per_page=2`);

    const hrefs = res.body._embedded['osdi:phonebanks'].map((p: any) => p._links.self.href);
    expect(res.body._links['osdi:phonebanks'].map((l: any) => l.href)).toEqual(hrefs);
    expect(hrefs.map((h: string) => resolve(h, url))).toHaveLength(2);
  });
});

describe('reference server: an empty collection', () => {
  const ctx = serverFor({ seed: 0 });

  it('answers page 1 with no items, no next and no previous link', async () => {
    const res = await request(await collectionUrl(ctx.server));

    expect(res.body).toMatchObject({ total_pages: 0, page: 1, total_records: 0 });
    expect(res.body._links.next).toBeUndefined();
    expect(res.body._links.previous).toBeUndefined();
  });
});
