// Servers that misbehave at the HTTP level: they hang, trickle, flood, loop, reset or send
// garbage. Each serves a valid API Entry Point at /api/ (unless `everywhere` is set) whose
// osdi:phonebanks link leads to the misbehaving part. The suite must end with a report.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | 'hang'
  | 'trickle'
  | 'huge'
  | 'redirect-loop'
  | 'garbage'
  | 'invalid-utf8'
  | 'html'
  | 'deep'
  | 'reset'
  | 'endless-pages'
  | 'too-many-requests';

export interface HostileOptions {
  behaviour: Behaviour;
  /** Misbehave on the AEP too, not only behind it. */
  everywhere?: boolean;
  /** Where the AEP's osdi:phonebanks link points instead (another origin, say). */
  collectionHref?: string;
  /** Where GETs of the collection redirect to (another origin, say). */
  redirectTo?: string;
}

export interface Seen {
  method: string;
  url: string;
  token?: string;
}

export interface HostileServer {
  url: string;
  origin: string;
  requests: Seen[];
  /** Bytes written for bodies that were cut short by the client. */
  close(): Promise<void>;
}

const JSON_TYPE = 'application/hal+json';
const HUGE_BYTES = 200 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, ' ');

/** Starts a hostile server on 127.0.0.1, port 0. */
export async function startHostileServer(options: HostileOptions): Promise<HostileServer> {
  const requests: Seen[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';
  const server = createServer((req, res) => {
    const token = req.headers['osdi-api-token'];
    requests.push({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      ...(typeof token === 'string' && { token }),
    });
    req.resume();
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === '/api/' && !options.everywhere)
      return aep(res, options.collectionHref ?? `${origin}/api/phonebanks`);
    if (options.redirectTo) return redirect(res, options.redirectTo);
    misbehave(options.behaviour, req, res, { origin, timers });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/api/`,
    origin,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function aep(res: ServerResponse, collection: string): void {
  send(res, 200, {
    _links: {
      curies: [{ name: 'osdi', href: 'https://osdi.example.org/docs/{rel}', templated: true }],
      self: { href: '/api/' },
      'osdi:phonebanks': { href: collection },
    },
  });
}

function send(
  res: ServerResponse,
  status: number,
  document: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': JSON_TYPE, ...headers });
  res.end(JSON.stringify(document));
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

interface Context {
  origin: string;
  timers: Set<NodeJS.Timeout>;
}

function misbehave(
  behaviour: Behaviour,
  req: IncomingMessage,
  res: ServerResponse,
  context: Context,
): void {
  const url = new URL(req.url ?? '/', context.origin);
  switch (behaviour) {
    case 'hang':
      return; // the connection stays open, nothing is ever written
    case 'trickle':
      return trickle(res, context);
    case 'huge':
      return flood(res);
    case 'redirect-loop':
      return redirect(
        res,
        url.searchParams.has('again') ? url.pathname : `${url.pathname}?again=1`,
      );
    case 'garbage':
      res.writeHead(200, { 'content-type': JSON_TYPE });
      return void res.end(
        Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xff, 0x7b, 0x22, 0x0a, 0xc3, 0x28, 0x5d]),
      );
    case 'invalid-utf8':
      res.writeHead(200, { 'content-type': JSON_TYPE });
      return void res.end(
        Buffer.concat([
          Buffer.from('{"total_records": 1, "name": "'),
          Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
          Buffer.from('"}'),
        ]),
      );
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(
        '<!doctype html><html><body><h1>Welcome</h1><p>Please log in.</p></body></html>',
      );
    case 'deep':
      res.writeHead(200, { 'content-type': JSON_TYPE });
      return void res.end('['.repeat(100_000) + ']'.repeat(100_000));
    case 'reset':
      res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': '1000' });
      res.write('{"total_records": 12, "_embedded": {"osdi:phonebanks": [');
      return void setTimeout(() => res.socket?.resetAndDestroy(), 20);
    case 'endless-pages':
      return endlessPage(url, res);
    case 'too-many-requests':
      return send(res, 429, [{ error_code: 'SLOW_DOWN', description: 'Too many requests.' }], {
        'retry-after': '99999',
      });
  }
}

// One space every 50 ms, forever: headers arrive, the body never ends.
function trickle(res: ServerResponse, context: Context): void {
  res.writeHead(200, { 'content-type': JSON_TYPE });
  res.write('{"total_records": 1,');
  const timer = setInterval(() => res.write(' '), 50);
  context.timers.add(timer);
  res.on('close', () => {
    clearInterval(timer);
    context.timers.delete(timer);
  });
}

// 200 MB, written as the client reads, never held in memory at once.
function flood(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': String(HUGE_BYTES) });
  let sent = 0;
  const pump = () => {
    while (sent < HUGE_BYTES && !res.destroyed) {
      sent += CHUNK.length;
      if (!res.write(CHUNK)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

// Page n links page n + 1, for every n: each page holds one new Phonebank.
function endlessPage(url: URL, res: ServerResponse): void {
  const item = url.pathname.match(/^\/api\/phonebanks\/(\d{1,6})$/);
  if (item) return send(res, 200, phonebank(Number(item[1])));
  if (url.pathname !== '/api/phonebanks')
    return send(res, 404, [{ error_code: 'NOT_FOUND', description: 'No such thing.' }]);
  if (refusedWrite(res)) return;
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const perPage = Math.max(1, Number(url.searchParams.get('per_page')) || 1);
  const items = Array.from({ length: perPage }, (_, i) => phonebank((page - 1) * perPage + i + 1));
  // It claims one record: endless distinct pages without a stated size would be a collection
  // larger than the page cap, which is legal (docs/spec-decisions.md, D30).
  send(res, 200, {
    page,
    per_page: perPage,
    total_records: 1,
    _links: {
      next: { href: `/api/phonebanks?page=${page + 1}&per_page=${perPage}` },
      ...(page > 1 && {
        previous: { href: `/api/phonebanks?page=${page - 1}&per_page=${perPage}` },
      }),
      'osdi:phonebanks': items.map((p) => p._links.self),
    },
    _embedded: { 'osdi:phonebanks': items },
  });
}

function refusedWrite(res: ServerResponse): boolean {
  const method = res.req.method ?? 'GET';
  if (method === 'GET') return false;
  send(res, 405, [{ error_code: 'READ_ONLY', description: 'This server takes no writes.' }]);
  return true;
}

function phonebank(n: number) {
  return {
    identifiers: [`endless:${n}`],
    name: `Phone bank ${n}`,
    created_date: '2024-01-01T00:00:00Z',
    modified_date: '2024-01-01T00:00:00Z',
    _links: { self: { href: `/api/phonebanks/${n}` } },
  };
}
