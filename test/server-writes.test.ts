// Bad input, tokens and logging (errors.md; general.md: Mime Types, OSDI Token Based Authentication).
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../src/server/index.js';
import { startReferenceServer, validate } from '../src/index.js';
import {
  allPhonebanks,
  collectionUrl,
  firstPhonebankUrl,
  request,
  serverFor,
} from './server-helpers.js';

function descriptions(body: any): Array<{ error_code: string; properties: string[] }> {
  return body['osdi:error'].resource_status[0].error_descriptions;
}

describe('reference server: bad input answers 400 and changes nothing', () => {
  const ctx = serverFor();

  const cases: Array<[string, string, string, string[]]> = [
    ['malformed JSON', '{"name": "x",', 'MALFORMED_JSON', []],
    ['an empty body', '', 'MALFORMED_JSON', []],
    ['a wrong type', '{"daily_start_hour": "9"}', 'INVALID_TYPE', ['daily_start_hour']],
    ['a bad date-time', '{"start_time": "2018-02-19T8:00:00Z"}', 'INVALID_FORMAT', ['start_time']],
    ['a body that is not an object', '[1]', 'INVALID_TYPE', []],
    [
      'a link to an unknown resource',
      '{"_links": {"osdi:script": {"href": "/api/v1/scripts/no-such-script"}}}',
      'UNKNOWN_LINK_TARGET',
      ['_links.osdi:script.href'],
    ],
    [
      'a link to another server',
      '{"_links": {"osdi:creator": {"href": "https://osdi-sample-system.org/api/v1/people/1"}}}',
      'UNKNOWN_LINK_TARGET',
      ['_links.osdi:creator.href'],
    ],
    [
      'a link to the wrong kind of resource',
      '{"_links": {"osdi:target_list": {"href": "/api/v1/people/65345d7d-ae0e-4cd3-9ed7-000000000001"}}}',
      'UNKNOWN_LINK_TARGET',
      ['_links.osdi:target_list.href'],
    ],
  ];

  it.each(cases)('on POST: %s', async (_, body, code, properties) => {
    const before = await allPhonebanks(ctx.server);

    const res = await request(await collectionUrl(ctx.server), { method: 'POST', body });

    expect(res.status).toBe(400);
    expect(validate('error.schema.json', res.body).errors).toEqual([]);
    expect(res.body['osdi:error']).toMatchObject({ request_type: 'atomic', response_code: 400 });
    expect(descriptions(res.body)[0]).toMatchObject({ error_code: code, properties });
    expect(await allPhonebanks(ctx.server)).toEqual(before);
  });

  it.each(cases)('on PUT: %s', async (_, body, code, properties) => {
    const url = await firstPhonebankUrl(ctx.server);
    const before = await allPhonebanks(ctx.server);

    const res = await request(url, { method: 'PUT', body });

    expect(res.status).toBe(400);
    expect(descriptions(res.body)[0]).toMatchObject({ error_code: code, properties });
    expect(await allPhonebanks(ctx.server)).toEqual(before);
  });

  it('names every offending property at once', async () => {
    const res = await request(await collectionUrl(ctx.server), {
      method: 'POST',
      json: { daily_start_hour: 24, daily_stop_hour: '17', identifiers: ['no-colon'] },
    });

    expect(
      descriptions(res.body)
        .flatMap((d) => d.properties)
        .sort(),
    ).toEqual(['daily_start_hour', 'daily_stop_hour', 'identifiers[0]']);
  });

  it('answers a body over the size limit with 413', async () => {
    const huge = JSON.stringify({ description: 'x'.repeat(MAX_BODY_BYTES) });

    const res = await request(await collectionUrl(ctx.server), { method: 'POST', body: huge });

    expect(res.status).toBe(413);
    expect(descriptions(res.body)[0]!.error_code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('accepts a JSON body whatever its Content-Type', async () => {
    const url = await collectionUrl(ctx.server);

    const res = await request(url, {
      method: 'POST',
      body: '{"name": "plain"}',
      headers: { 'Content-Type': 'text/plain' },
    });

    expect(res.status).toBe(200);
    expect(res.body.name).toBe('plain');
  });

  it('accepts links to its own resources written as absolute paths or absolute URLs', async () => {
    const url = await collectionUrl(ctx.server);
    const existing = (await request(await firstPhonebankUrl(ctx.server))).body._links;
    const volunteers = new URL(existing['osdi:volunteers'].href).pathname;

    const res = await request(url, {
      method: 'POST',
      json: {
        _links: {
          'osdi:volunteers': { href: volunteers },
          'osdi:creator': existing['osdi:creator'],
        },
      },
    });

    expect(res.status).toBe(200);
    expect(res.body._links['osdi:volunteers'].href).toBe(existing['osdi:volunteers'].href);
    expect(res.body._links['osdi:creator'].href).toBe(existing['osdi:creator'].href);
  });

  it('keeps its own identifier when a client sends identifiers in its namespace', async () => {
    const url = await firstPhonebankUrl(ctx.server);
    const before = (await request(url)).body;

    const res = await request(url, {
      method: 'PUT',
      json: { identifiers: ['osdi_reference:forged', 'crm:7'] },
    });

    expect(res.body.identifiers).toEqual([...before.identifiers, 'crm:7']);
  });
});

describe('reference server: token', () => {
  const TOKEN = 's3cret-token';
  const lines: string[] = [];
  const ctx = serverFor({ token: TOKEN, log: (line) => lines.push(line) });

  it('answers 401 with an error body when the token is missing or wrong', async () => {
    const missing = await request(ctx.server.url);
    const wrong = await request(ctx.server.url, { headers: { 'OSDI-API-Token': 'nope' } });

    for (const res of [missing, wrong]) {
      expect(res.status).toBe(401);
      expect(res.body['osdi:error'].response_code).toBe(401);
      expect(descriptions(res.body)[0]!.error_code).toBe('UNAUTHORIZED');
    }
  });

  it('serves requests that carry the token', async () => {
    const res = await request(ctx.server.url, { headers: { 'OSDI-API-Token': TOKEN } });

    expect(res.status).toBe(200);
  });

  it('never logs or records the token', async () => {
    await request(`${ctx.server.url}?osdi-api-token=${TOKEN}`, {
      headers: { 'OSDI-API-Token': TOKEN },
    });

    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(JSON.stringify(ctx.server.requests)).not.toContain(TOKEN);
    expect(ctx.server.requests.at(-1)!.headers['osdi-api-token']).toBe('[redacted]');
  });
});

describe('reference server: request log', () => {
  it('logs one line per request: method, path and status', async () => {
    const lines: string[] = [];
    const server = await startReferenceServer({ log: (line) => lines.push(line) });

    try {
      await request(server.url);
      await request(`${server.url}phonebanks?page=2`);
    } finally {
      await server.close();
    }

    expect(lines).toEqual(['GET /api/v1/ 200', 'GET /api/v1/phonebanks?page=2 200']);
  });
});
