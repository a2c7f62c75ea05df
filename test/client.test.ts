import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, isJsonContentType, toEvidence } from '../src/client/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((done) => s.close(() => done()))));
});

async function serve(handler: Handler): Promise<{ url: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  server.on('connection', (socket) => server.once('close', () => socket.destroy()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

function json(res: ServerResponse, status: number, body: unknown, type = 'application/hal+json'): void {
  res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
}

const client = (target: string, extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) =>
  new HttpClient({ target, token: 'secret', timeoutMs: 2000, ...extra });

describe('http client', () => {
  it('sends the token to the target origin and drops it when a redirect leaves that origin', async () => {
    const other = await serve((_req, res) => json(res, 200, { ok: true }));
    const target = await serve((req, res) => {
      if (req.url === '/away') res.writeHead(302, { location: `${other.url}landing` }).end();
      else json(res, 200, {});
    });

    const exchange = await client(target.url).get(`${target.url}away`);

    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.url).toBe(`${other.url}landing`);
    expect(exchange.redirects).toEqual([`${target.url}away`]);
    expect(target.seen[0]!.headers['osdi-api-token']).toBe('secret');
    expect(other.seen[0]!.headers['osdi-api-token']).toBeUndefined();
  });

  it('does not follow a write that a redirect sends to another origin: the 307 is the answer', async () => {
    const other = await serve((_req, res) => json(res, 201, {}));
    const target = await serve((_req, res) =>
      res.writeHead(307, { location: `${other.url}phonebanks` }).end(),
    );

    const exchange = await client(target.url).send('POST', `${target.url}phonebanks`, {
      body: { name: 'x' },
    });

    expect(exchange.response?.status).toBe(307);
    expect(other.seen).toEqual([]);
  });

  it('reports a body that is not JSON as data, keeping the text', async () => {
    const target = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"broken":'));

    const exchange = await client(target.url).get(target.url);

    expect(exchange.response?.text).toBe('{"broken":');
    expect(exchange.response?.json).toBeUndefined();
    expect(exchange.response?.jsonError).toMatch(/^the body is not JSON/);
  });

  it('gives up on a body that never finishes, within the timeout', async () => {
    const target = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"started": true');
    });

    const exchange = await client(target.url, { timeoutMs: 300 }).get(target.url);

    expect(exchange.response).toBeUndefined();
    expect(exchange.error).toBe('no complete response within 300 ms');
  });

  it('stops reading a body larger than the cap', async () => {
    const target = await serve((_req, res) => json(res, 200, { padding: 'x'.repeat(5000) }));

    const exchange = await client(target.url, { maxBodyBytes: 1000 }).get(target.url);

    expect(exchange.error).toBe('the response body is larger than 1000 bytes');
  });

  it('decodes a gzip or brotli body the server sent unasked (RFC 9110 §12.5.3)', async () => {
    const body = Buffer.from(JSON.stringify({ total_records: 3 }));
    const target = await serve((req, res) => {
      const br = req.url === '/br';
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': br ? 'br' : 'gzip' });
      res.end(br ? brotliCompressSync(body) : gzipSync(body));
    });

    for (const path of ['gz', 'br']) {
      const exchange = await client(target.url).get(`${target.url}${path}`);
      expect(exchange.response?.json, path).toEqual({ total_records: 3 });
    }
  });

  it('caps a compressed body by its decoded size, and reports a corrupt one as an error', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 32));
    const target = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(req.url === '/bomb' ? bomb : Buffer.from('not gzip at all'));
    });

    const inflated = await client(target.url, { maxBodyBytes: 1_000_000 }).get(`${target.url}bomb`);
    const corrupt = await client(target.url).get(`${target.url}corrupt`);

    expect(bomb.length).toBeLessThan(1_000_000);
    expect(inflated.error).toBe('the response body is larger than 1000000 bytes');
    expect(corrupt.response).toBeUndefined();
    expect(corrupt.error).toMatch(/incorrect header check/);
  });

  it('retries a 429 after Retry-After', async () => {
    let calls = 0;
    const target = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(429, { 'retry-after': '0' }).end();
      else json(res, 200, { calls });
    });

    const exchange = await client(target.url).get(target.url);

    expect(exchange.response?.json).toEqual({ calls: 2 });
  });

  // A kept-alive connection that the server closes as the next request goes out.
  it('sends a GET again, once, when the connection closes under it; never a PUT', async () => {
    let calls = 0;
    const target = await serve((req, res) => {
      calls += 1;
      if (calls % 2 === 1) return req.socket.destroy();
      json(res, 200, { calls });
    });

    const got = await client(target.url).get(target.url);
    const put = await client(target.url).send('PUT', target.url, { body: {} });

    expect(got.response?.json).toEqual({ calls: 2 });
    expect(put.response).toBeUndefined();
    expect(put.error).toMatch(/^no response: /);
    expect(calls).toBe(3);
  });

  it('reports a refused connection as data', async () => {
    const target = await serve((_req, res) => json(res, 200, {}));
    await new Promise<void>((done) => servers.pop()!.close(() => done()));

    const exchange = await client(target.url).get(target.url);

    expect(exchange.response).toBeUndefined();
    expect(exchange.error).toMatch(/^no response: .*ECONNREFUSED/);
  });

  it('redacts the token from evidence and sends a JSON body', async () => {
    const target = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => json(res, 201, JSON.parse(body)));
    });

    const exchange = await client(target.url).send('POST', target.url, { body: { name: 'x' }, auth: { token: 'other' } });
    const evidence = toEvidence(exchange);

    expect(target.seen[0]!.headers['osdi-api-token']).toBe('other');
    expect(evidence.response).toMatchObject({ status: 201, body: { name: 'x' } });
    expect(JSON.stringify(evidence)).not.toContain('other');
    expect(JSON.stringify(evidence)).not.toContain('secret');
  });
});

describe('JSON content types', () => {
  it.each([
    ['application/json', true],
    ['application/hal+json; charset=utf-8', true],
    ['application/vnd.osdi+json', true],
    ['text/plain', false],
    ['text/html; charset=utf-8', false],
    [undefined, false],
  ])('%s is JSON: %s', (type, expected) => {
    expect(isJsonContentType(type)).toBe(expected);
  });
});
