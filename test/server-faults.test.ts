// Each fault breaks exactly the behaviour it is named after: the test shows the defect with
// the fault on, next to the correct behaviour without it.
import { afterAll, describe, expect, it } from 'vitest';
import {
  FAULTS,
  startReferenceServer,
  validate,
  type FaultName,
  type ReferenceServer,
} from '../src/index.js';
import { collectionUrl, firstPhonebankUrl, request } from './server-helpers.js';

const started: ReferenceServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

async function serverWith(fault?: FaultName, token?: string): Promise<ReferenceServer> {
  const server = await startReferenceServer({
    faults: fault ? [fault] : [],
    seed: 5,
    ...(token ? { token } : {}),
  });
  started.push(server);
  return server;
}

/** Runs `probe` against a correct server and one with `fault`, and returns both answers. */
async function compare<T>(
  fault: FaultName,
  probe: (server: ReferenceServer) => Promise<T>,
): Promise<{ good: T; bad: T }> {
  return { good: await probe(await serverWith()), bad: await probe(await serverWith(fault)) };
}

const item = async (server: ReferenceServer) =>
  (await request(await firstPhonebankUrl(server))).body;

describe('reference server faults', () => {
  it('lists every fault with a name and a one-line description', () => {
    for (const fault of FAULTS) {
      expect(fault.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(fault.description).not.toContain('\n');
    }
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
  });

  it('hour-as-string: daily hours become strings and break the schema', async () => {
    const { good, bad } = await compare('hour-as-string', item);

    expect(good.daily_start_hour).toBe(9);
    expect(bad.daily_start_hour).toBe('9');
    expect(validate('phonebank.schema.json', bad).errors.map((e) => e.pointer)).toEqual([
      '/daily_start_hour',
      '/daily_stop_hour',
    ]);
  });

  it('bad-date-time: created_date and modified_date are not RFC 3339', async () => {
    const { good, bad } = await compare('bad-date-time', item);

    expect(validate('phonebank.schema.json', good).valid).toBe(true);
    expect(bad.created_date).toBe('Mon, 20 Mar 2017 21:04:31 GMT');
    expect(validate('phonebank.schema.json', bad).errors.map((e) => e.pointer)).toEqual([
      '/created_date',
      '/modified_date',
    ]);
  });

  it('no-self-link: Phonebanks have no self link', async () => {
    const { good, bad } = await compare('no-self-link', item);

    expect(good._links.self).toBeDefined();
    expect(bad._links.self).toBeUndefined();
  });

  const put = (json: unknown) => async (server: ReferenceServer) =>
    (await request(await firstPhonebankUrl(server), { method: 'PUT', json })).body;

  it('put-replaces: fields the PUT omits disappear', async () => {
    const { good, bad } = await compare('put-replaces', put({ name: 'Renamed' }));

    expect(good).toMatchObject({ name: 'Renamed', title: 'Rally for Rivers Team 1' });
    expect(bad.name).toBe('Renamed');
    expect(bad.title).toBeUndefined();
  });

  it('put-ignores-null: a field set to null stays', async () => {
    const { good, bad } = await compare('put-ignores-null', put({ summary: null }));

    expect(good.summary).toBeUndefined();
    expect(bad.summary).toBe('Rally for Rivers phone bank effort 1 for Team 1');
  });

  it('delete-keeps: DELETE answers 200 but GET still finds the Phonebank', async () => {
    const { good, bad } = await compare('delete-keeps', async (server) => {
      const url = await firstPhonebankUrl(server);
      const deleted = await request(url, { method: 'DELETE' });
      return [deleted.status, (await request(url)).status];
    });

    expect(good).toEqual([200, 404]);
    expect(bad).toEqual([200, 200]);
  });

  it('delete-unknown-200: a second DELETE succeeds, though GET answers 404', async () => {
    const { good, bad } = await compare('delete-unknown-200', async (server) => {
      const url = await firstPhonebankUrl(server);
      await request(url, { method: 'DELETE' });
      return [(await request(url)).status, (await request(url, { method: 'DELETE' })).status];
    });

    expect(good).toEqual([404, 404]);
    expect(bad).toEqual([404, 200]);
  });

  it('unknown-id-200: an unknown id answers 200 {}', async () => {
    const { good, bad } = await compare('unknown-id-200', async (server) => {
      const res = await request(`${server.url}phonebanks/no-such-id`);
      return [res.status, res.body];
    });

    expect(good[0]).toBe(404);
    expect(bad).toEqual([200, {}]);
  });

  const firstPage = async (server: ReferenceServer) =>
    (await request(await collectionUrl(server))).body;

  it('wrong-total-records: total_records is one more than the items', async () => {
    const { good, bad } = await compare('wrong-total-records', firstPage);

    expect(good.total_records).toBe(5);
    expect(bad.total_records).toBe(6);
    expect(bad._embedded['osdi:phonebanks']).toHaveLength(5);
  });

  it('page-as-string: the page number is a string and breaks the collection schema', async () => {
    const { good, bad } = await compare('page-as-string', firstPage);

    expect(good.page).toBe(1);
    expect(validate('phonebank-collection.schema.json', good).valid).toBe(true);
    expect(bad.page).toBe('1');
    expect(validate('phonebank-collection.schema.json', bad).errors.map((e) => e.pointer)).toEqual(
      ['/page'],
    );
  });

  it('page-ignored: page 2 embeds the items of page 1', async () => {
    const { good, bad } = await compare('page-ignored', async (server) => {
      const url = await collectionUrl(server);
      const pages = [await request(`${url}?per_page=2`), await request(`${url}?page=2&per_page=2`)];
      return pages.map((p) => p.body._links['osdi:phonebanks']);
    });

    expect(good[1]).not.toEqual(good[0]);
    expect(bad[1]).toEqual(bad[0]);
  });

  it('next-loops: the last page links back to page 1', async () => {
    const { good, bad } = await compare('next-loops', async (server) => {
      const url = await collectionUrl(server);
      return (await request(`${url}?page=3&per_page=2`)).body._links.next;
    });

    expect(good).toBeUndefined();
    expect(new URL(bad.href).search).toBe('?page=1&per_page=2');
  });

  it('token-unchecked-on-writes: a DELETE with a wrong token is served, a GET is not', async () => {
    const bad = await startReferenceServer({
      faults: ['token-unchecked-on-writes'],
      token: 'tok',
      seed: 2,
    });
    started.push(bad);
    const [right, wrong] = [{ 'OSDI-API-Token': 'tok' }, { 'OSDI-API-Token': 'wrong' }];
    const aep = await request(bad.url, { headers: right });
    const collection = new URL(aep.body._links['osdi:phonebanks'].href, bad.url).href;
    const page = await request(collection, { headers: right });
    const [first, second] = page.body._links['osdi:phonebanks'].map(
      (link: { href: string }) => new URL(link.href, collection).href,
    );

    expect((await request(first, { headers: wrong })).status).toBe(401);
    expect((await request(second, { method: 'DELETE', headers: wrong })).status).toBe(200);
    expect(bad.phonebanks()).toHaveLength(1);
  });

  it('token-unchecked: a request without the token is served', async () => {
    const good = await serverWith(undefined, 'tok');
    const bad = await startReferenceServer({ faults: ['token-unchecked'], token: 'tok' });
    started.push(bad);

    expect((await request(good.url)).status).toBe(401);
    expect((await request(bad.url)).status).toBe(200);
  });
});
