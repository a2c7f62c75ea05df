import type { Handler, RequestContext } from './context.js';
import { httpError, type Reply } from './errors.js';
import {
  deletePhonebank,
  getAep,
  getPhonebank,
  listPhonebanks,
  postPhonebank,
  putPhonebank,
} from './phonebank-handlers.js';
import { getDashboard, getPhoneBankResults, getRelated, getTaggings } from './related-handlers.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Route {
  pattern: RegExp;
  methods: Partial<Record<Method, Handler>>;
}

// A trailing slash is accepted everywhere: the spec's examples write both forms.
const ROUTES: Route[] = [
  { pattern: /^\/api\/v1\/?$/, methods: { GET: getAep } },
  { pattern: /^\/api\/v1\/phonebanks\/?$/, methods: { GET: listPhonebanks, POST: postPhonebank } },
  {
    pattern: /^\/api\/v1\/phonebanks\/([^/]+)\/?$/,
    methods: { GET: getPhonebank, PUT: putPhonebank, DELETE: deletePhonebank },
  },
  { pattern: /^\/api\/v1\/phonebanks\/([^/]+)\/taggings\/?$/, methods: { GET: getTaggings } },
  {
    pattern: /^\/api\/v1\/phonebanks\/([^/]+)\/phone_bank_results\/?$/,
    methods: { GET: getPhoneBankResults },
  },
  { pattern: /^\/api\/v1\/(people|scripts|lists)\/([^/]+)\/?$/, methods: { GET: getRelated } },
  { pattern: /^\/api\/v1\/acme\/dashboards\/([^/]+)\/?$/, methods: { GET: getDashboard } },
];

const WRITES = new Set(['POST', 'PUT', 'DELETE']);

/** Finds the handler for a request and runs it; unknown paths 404, unknown methods 405. */
export async function dispatch(ctx: RequestContext): Promise<Reply> {
  for (const route of ROUTES) {
    const match = route.pattern.exec(ctx.url.pathname);
    if (!match) continue;

    const params = match.slice(1).map(decode);
    if (params.includes(undefined)) break;
    return runRoute(route, ctx, params as string[]);
  }
  throw httpError(404, 'NOT_FOUND', `nothing at ${ctx.url.pathname}`);
}

function runRoute(route: Route, ctx: RequestContext, params: string[]): Reply | Promise<Reply> {
  const handler = route.methods[ctx.method as Method];
  const allow = allowed(route, ctx);

  if (!handler || !allow.includes(ctx.method)) {
    const why = ctx.profile.readOnly && WRITES.has(ctx.method) ? 'this server is read-only; ' : '';
    throw httpError(
      405,
      'METHOD_NOT_ALLOWED',
      `${why}${ctx.method} is not allowed on ${ctx.url.pathname}`,
      {
        headers: { Allow: allow.join(', ') },
      },
    );
  }
  return handler(ctx, params);
}

function allowed(route: Route, ctx: RequestContext): string[] {
  const methods = Object.keys(route.methods).filter(
    (m) => !(ctx.profile.readOnly && WRITES.has(m)),
  );
  return methods.includes('GET') ? [...methods, 'HEAD'] : methods;
}

function decode(segment: string | undefined): string | undefined {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return undefined;
  }
}
