import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { readJsonBody } from './body.js';
import type { RequestContext } from './context.js';
import { HttpError, httpError, type Reply } from './errors.js';
import { FaultSet } from './faults.js';
import { Hrefs } from './hrefs.js';
import { PROFILES, PROFILE_NAMES, type Profile, type ProfileName } from './profiles.js';
import { dispatch } from './routes.js';
import { seedStore } from './seed.js';
import { Store } from './store.js';

export interface ReferenceServerOptions {
  /** The port to listen on. @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Which legal behaviour to show; see PROFILES. @default 'seed' */
  profile?: ProfileName;
  /** Names from FAULTS; an unknown name throws an Error that lists the valid ones. */
  faults?: string[];
  /** When set (and not empty), requests without `OSDI-API-Token: <token>` answer 401. */
  token?: string;
  /** How many Phonebanks to seed. @default 5 (seed, read-only) or 8 (rest: three pages of 3) */
  seed?: number;
  /** Called with one line per request; the token never appears in it. */
  log?: (line: string) => void;
}

/** A request as the server received it, with the token redacted. */
export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface ReferenceServer {
  /** The API Entry Point URL, e.g. http://127.0.0.1:41234/api/v1/ */
  url: string;
  close(): Promise<void>;
  /** Requests received so far, for tests. */
  requests: RecordedRequest[];
  /** The Phonebanks the store holds now (id and name), whatever the faults show, for tests. */
  phonebanks(): Array<{ id: string; name: unknown }>;
}

interface State {
  profile: Profile;
  faults: FaultSet;
  store: Store;
  options: ReferenceServerOptions;
  requests: RecordedRequest[];
  fallbackOrigin: string;
}

const REDACTED = '[redacted]';

/** Starts the OSDI Phonebank reference server and resolves once it listens. */
export async function startReferenceServer(
  options: ReferenceServerOptions = {},
): Promise<ReferenceServer> {
  const profile = profileNamed(options.profile ?? 'seed');
  const state: State = {
    profile,
    faults: new FaultSet(options.faults),
    store: new Store(profile),
    options,
    requests: [],
    fallbackOrigin: '',
  };
  seedStore(state.store, options.seed ?? profile.defaultSeed);

  // answer() turns every failure into a reply; should writing the reply itself fail, the
  // connection is dropped rather than the process.
  const server = createServer((req, res) => {
    handle(req, res, state).catch(() => res.destroy());
  });
  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  state.fallbackOrigin = `http://${urlHost(options.host ?? '127.0.0.1')}:${port}`;

  return {
    url: `${state.fallbackOrigin}/api/v1/`,
    requests: state.requests,
    phonebanks: () => state.store.list().map((p) => ({ id: p.id, name: p.fields.name })),
    close: () => close(server),
  };
}

function profileNamed(name: string): Profile {
  const profile = PROFILES[name as ProfileName];
  if (profile) return profile;

  throw new Error(`unknown profile "${name}"; valid profiles: ${PROFILE_NAMES.join(', ')}`);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

// A wildcard address is not somewhere to send requests; name loopback instead.
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

async function handle(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const recorded = record(req, state);
  res.on('finish', () =>
    state.options.log?.(`${recorded.method} ${recorded.url} ${res.statusCode}`),
  );

  send(res, await answer(req, state), state);
}

async function answer(req: IncomingMessage, state: State): Promise<Reply> {
  try {
    checkToken(req, state);
    return await dispatch(contextFor(req, state));
  } catch (error) {
    if (error instanceof HttpError) return error.reply;

    state.options.log?.(`internal error: ${String((error as Error)?.stack ?? error)}`);
    return httpError(500, 'INTERNAL_ERROR', 'the server failed to answer this request').reply;
  }
}

function contextFor(req: IncomingMessage, state: State): RequestContext {
  const origin = requestOrigin(req, state);
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');

  return {
    method,
    url: new URL(req.url ?? '/', origin),
    store: state.store,
    profile: state.profile,
    faults: state.faults,
    hrefs: new Hrefs(state.profile.absoluteHrefs ? origin : ''),
    readBody: () => readJsonBody(req),
  };
}

// Absolute hrefs name the host the client used, so that links work however it reached us.
function requestOrigin(req: IncomingMessage, state: State): string {
  const host = req.headers.host;
  if (host && URL.canParse(`http://${host}`)) return new URL(`http://${host}`).origin;
  return state.fallbackOrigin;
}

function isItem(url: string | undefined): boolean {
  return /\/phonebanks\/[^/?]+\/?(\?|$)/.test(url ?? '');
}

/** general.md, OSDI Token Based Authentication: the `OSDI-API-Token` header. */
function checkToken(req: IncomingMessage, state: State): void {
  const { token } = state.options;
  if (!token || state.faults.has('token-unchecked')) return;

  const sent = req.headers['osdi-api-token'];
  if (typeof sent === 'string' && sameSecret(sent, token)) return;
  if (sent !== undefined && state.faults.has('token-unchecked-on-items') && isItem(req.url)) return;
  const read = req.method === 'GET' || req.method === 'HEAD';
  if (sent !== undefined && state.faults.has('token-unchecked-on-writes') && !read) return;

  if (sent === undefined && state.faults.has('no-token-500'))
    throw httpError(500, 'INTERNAL_ERROR', 'no token');
  const why =
    sent === undefined ? 'the OSDI-API-Token header is missing' : 'the OSDI-API-Token is not valid';
  throw httpError(401, 'UNAUTHORIZED', why, { headers: { 'WWW-Authenticate': 'OSDI-API-Token' } });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function record(req: IncomingMessage, state: State): RecordedRequest {
  const headers: RecordedRequest['headers'] = { ...req.headers };
  if (headers['osdi-api-token'] !== undefined) headers['osdi-api-token'] = REDACTED;

  const entry = {
    method: req.method ?? 'GET',
    url: redactUrl(req.url ?? '/', state.options.token),
    headers,
  };
  state.requests.push(entry);
  return entry;
}

// The query form of the token (general.md) and any copy of the configured token.
function redactUrl(url: string, token: string | undefined): string {
  const redacted = url.replace(/([?&]osdi-api-token=)[^&#]*/gi, `$1${REDACTED}`);
  return token ? redacted.split(token).join(REDACTED) : redacted;
}

function send(res: ServerResponse, reply: Reply, state: State): void {
  const { profile, faults } = state;
  const headers: Record<string, string> = {
    'Cache-Control': 'max-age=0, private, must-revalidate',
    ...reply.headers,
  };
  if (reply.body === undefined || (reply.status === 404 && faults.has('empty-404'))) {
    res.writeHead(reply.status, headers).end();
    return;
  }

  const json = JSON.stringify(reply.body, null, 2) + '\n';
  headers['Content-Type'] = faults.has('text-plain') ? 'text/plain' : profile.contentType;
  headers['Content-Length'] = String(Buffer.byteLength(json));
  res.writeHead(reply.status, headers).end(json);
}
