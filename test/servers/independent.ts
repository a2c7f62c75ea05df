// A Phonebank server written from the spec pages (phone_bank.md, general.md, errors.md), not
// from src/server: it makes other legal choices than the reference server, each one a knob of
// `Choices`, and can break in one way at a time (`Defect`). The tests in
// test/independent-*.test.ts run the suites against three flavours of it (./flavours.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { posix } from 'node:path';

/** The legal choices a server may make; every combination is conformant. */
export interface Choices {
  /** Where the AEP is served, e.g. '/osdi' (no trailing slash) or '/api/v1/'. */
  aepPath: string;
  /** A path that redirects to the AEP; the target URL then is this one. */
  redirectFrom?: { path: string; status: 301 | 308 };
  /** The collection's path, e.g. '/osdi/phonebanks/' or '/api/v1/phone_banks'. */
  collectionPath: string;
  /** Items live at `<collection>/<id>/`; a path without the slash answers 308 to it. */
  trailingSlash: boolean;
  /** How hrefs are written: relative to the response URL, as absolute paths, or as URLs. */
  hrefs: 'relative' | 'absolute-path' | 'absolute-url';
  contentType: string;
  ids: 'dashed' | 'base62';
  /** The writable fields the server keeps; it never returns the others. */
  fields: readonly string[];
  /** Supported fields without a value come back as null rather than absent. */
  nullForUnset: boolean;
  /** The status a new Phonebank gets when none is sent (flexenum: any value is legal). */
  defaultStatus?: string;
  /** A vendor curie with a vendor field and a vendor link on every Phonebank. */
  vendor: boolean;
  /** Collection pages carry the `osdi:phonebanks` href list next to the embedded items. */
  linkList: boolean;
  /** An empty collection answers `{}` (errors.md) instead of an empty HAL collection. */
  emptyAsBareObject: boolean;
  defaultPageSize: number;
  /** Larger per_page values are clamped to this. */
  maxPageSize: number;
  /** The AEP states max_pagesize. */
  statesMaxPageSize: boolean;
  /** Extra query parameters carried on next and previous links. */
  pagingExtras: Record<string, string>;
  postStatus: 200 | 201;
  postLocation: boolean;
  deleteAnswer: '200-empty' | '200-object' | '204' | '200-notice';
  /** A deleted Phonebank answers 410 Gone rather than 404. */
  goneAfterDelete: boolean;
  /** Reads see writes only after this long (eventual consistency). */
  lagMs: number;
  /**
   * The collection lists what single reads see only this much later: a search index behind
   * the store, so a Phonebank appears after its POST, and disappears after its DELETE, late.
   */
  listingLagMs?: number;
  /** Reads need no token; writes still do. */
  anonymousReads: boolean;
  badTokenStatus: 401 | 403;
  /** Dates as UTC with 'Z', or with a +02:00 offset and milliseconds. */
  dates: 'utc' | 'offset-fraction';
  /** Start and end times come back re-formatted (same instant) rather than as sent. */
  reformatTimes: boolean;
  /** The server writes its own name into origin_system, whatever the client sent. */
  stampsOriginSystem?: string;
  /** caller_id is stored in E.164 form: '+' and its digits. */
  e164CallerId?: boolean;
  /** A PUT stores the identifiers in another order (the client's first). */
  reordersIdentifiers?: boolean;
  /** The AEP carries an extension relation named by an absolute URI (RFC 8288). */
  uriRelation?: boolean;
  /** The osdi:phonebanks href list names items without the trailing slash of their self links. */
  linkListWithoutSlash?: boolean;
  /** Pages state total_pages and total_records; false leaves both out. */
  statesTotals?: boolean;
  /** Another client creates a Phonebank, listed first, before every n-th GET of the collection. */
  otherClientEvery?: number;
  /** Another client deletes the first seeded Phonebank the suite GETs, just before that GET. */
  seededVanishes?: boolean;
  /** Writes refused as errors.md allows: 403 for a read-only API key, or 500 not implemented. */
  refusesWrites?: 403 | 500;
  /** Fields a PUT ignores ("Systems may also ignore PUT values", phone_bank.md, Modifying). */
  putIgnores?: readonly string[];
  /** DELETE is not an operation this server offers: 405 (general.md, Flexibility). */
  refusesDelete?: boolean;
}

/** One thing the server gets wrong, switched on alone. */
export type Defect =
  | 'hour-as-string'
  | 'one-digit-hour'
  | 'next-loops'
  | 'total-off-by-one'
  | 'put-replaces'
  | 'put-ignores-null'
  | 'delete-keeps'
  | 'unknown-id-200'
  | 'self-elsewhere'
  | 'text-html'
  | 'no-curies'
  | 'wrong-token-200'
  | 'empty-error'
  | 'caller-id-truncated'
  | 'put-not-kept'
  | 'put-no-op'
  | 'modified-date-frozen'
  | 'total-pages-short'
  | 'deleted-still-listed'
  | 'writes-unchecked'
  | 'post-self-elsewhere'
  | 'put-resets-created'
  | 'previous-skips-back'
  | 'modified-date-hour-offset'
  | 'later-dashboards-dead'
  | 'put-changes-other'
  | 'listed-self-elsewhere';

export interface IndependentServer {
  /** The URL to give as --target (the redirecting one when there is one). */
  url: string;
  origin: string;
  requests: Array<{ method: string; url: string; token?: string }>;
  /** How many Phonebanks exist right now. */
  count(): number;
  close(): Promise<void>;
}

export const TOKEN = 'independent-token';

const WRITABLE = [
  'origin_system',
  'name',
  'title',
  'description',
  'summary',
  'start_time',
  'end_time',
  'daily_start_hour',
  'daily_stop_hour',
  'caller_id',
  'status',
  'dialing_mode',
  'voicemail_audio_url',
  'administrative_url',
  'browser_url',
];

/** Every writable field of phone_bank.md's Phonebank Fields table. */
export const ALL_FIELDS: readonly string[] = WRITABLE;

interface Record_ {
  id: string;
  identifiers: string[];
  fields: Record<string, unknown>;
  created: number;
  modified: number;
}

interface Options {
  choices: Choices;
  defect?: Defect;
  /** Phonebanks present at start. */
  seed?: number;
}

/** Starts the server on 127.0.0.1, port 0. */
export async function startIndependentServer(options: Options): Promise<IndependentServer> {
  const app = new App(options.choices, options.defect);
  for (let i = 0; i < (options.seed ?? 0); i++) app.seed(i);
  const server = createServer((req, res) => {
    app.handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  app.origin = `http://127.0.0.1:${port}`;
  const entry = options.choices.redirectFrom?.path ?? options.choices.aepPath;
  return {
    url: app.origin + entry,
    origin: app.origin,
    requests: app.requests,
    count: () => app.primary.size,
    close: () =>
      new Promise((resolve) => {
        app.closed = true;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

class App {
  origin = '';
  closed = false;
  readonly requests: IndependentServer['requests'] = [];
  /** What writes change at once. */
  readonly primary = new Map<string, Record_>();
  /** What reads see: the primary, `lagMs` later. */
  private readonly replica = new Map<string, Record_>();
  /** What the collection lists: the replica, `listingLagMs` later. */
  private readonly listing = new Map<string, Record_>();
  private readonly gone = new Set<string>();
  private serial = 0;
  private collectionGets = 0;
  private vanished = false;

  constructor(
    readonly choices: Choices,
    readonly defect: Defect | undefined,
  ) {}

  seed(index: number): void {
    const record = this.newRecord({
      name: `Seeded phone bank ${index + 1}`,
      title: 'Call the river towns',
      start_time: '2030-05-01T08:00:00Z',
      end_time: '2030-05-02T09:30:00Z',
      daily_start_hour: 9,
      daily_stop_hour: 20,
      status: 'scheduled',
    });
    this.primary.set(record.id, record);
    this.replica.set(record.id, structuredClone(record));
    this.listing.set(record.id, structuredClone(record));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const token = req.headers['osdi-api-token'];
    this.requests.push({
      method: req.method ?? 'GET',
      url: url.href,
      ...(typeof token === 'string' && { token }),
    });
    const body = await readBody(req);
    const reply = new Reply(res, url, this);

    const c = this.choices;
    if (c.redirectFrom && url.pathname === c.redirectFrom.path)
      return reply.redirect(c.redirectFrom.status, c.aepPath);
    const denied = this.authorise(req.method ?? 'GET', token);
    if (denied)
      return reply.error(
        denied,
        denied === 401 ? 'NO_TOKEN' : 'BAD_TOKEN',
        'The OSDI-API-Token is missing or not valid.',
      );

    if (url.pathname === c.aepPath) return reply.json(200, this.aep(reply));
    if (c.refusesWrites && req.method !== 'GET') return this.refuse(c.refusesWrites, reply);
    if (url.pathname === c.collectionPath) return this.collection(req.method, url, body, reply);
    const vendor = url.pathname.match(/^\/acme\/dashboards\/([^/]+)$/);
    if (vendor) return reply.json(200, { views: 3, phonebank: vendor[1] });
    // A helper (general.md, Flexibility): it takes POST only.
    if (/^\/acme\/dialing\/[^/]+$/.test(url.pathname) && req.method !== 'POST')
      return reply.error(405, 'METHOD_NOT_ALLOWED', 'Start dialing with a POST.');

    const id = this.itemId(url.pathname);
    if (id !== undefined) return this.item(req.method, id, body, reply);
    if (c.trailingSlash && this.itemId(url.pathname + '/') !== undefined)
      return reply.redirect(308, url.pathname + '/' + url.search);
    return reply.error(404, 'NOT_FOUND', `Nothing lives at ${url.pathname}.`);
  }

  // general.md, Authentication: not every interaction needs authentication.
  private authorise(method: string, token: string | string[] | undefined): number | undefined {
    if (token === TOKEN) return undefined;
    if (token !== undefined) {
      const unchecked =
        this.defect === 'wrong-token-200' ||
        (this.defect === 'writes-unchecked' && method !== 'GET');
      return unchecked ? undefined : this.choices.badTokenStatus;
    }
    if (method === 'GET' && this.choices.anonymousReads) return undefined;
    return 401;
  }

  private itemId(path: string): string | undefined {
    const prefix = this.choices.collectionPath.replace(/\/?$/, '/');
    if (!path.startsWith(prefix)) return undefined;
    const rest = path.slice(prefix.length);
    const match = this.choices.trailingSlash
      ? rest.match(/^([A-Za-z0-9-]+)\/$/)
      : rest.match(/^([A-Za-z0-9-]+)$/);
    return match ? match[1] : undefined;
  }

  itemPath(id: string): string {
    return (
      this.choices.collectionPath.replace(/\/?$/, '/') +
      id +
      (this.choices.trailingSlash ? '/' : '')
    );
  }

  private listedPath(id: string): string {
    const path = this.itemPath(id);
    return this.choices.linkListWithoutSlash ? path.replace(/\/$/, '') : path;
  }

  private aep(reply: Reply): unknown {
    const c = this.choices;
    const links: Record<string, unknown> = {
      self: { href: reply.href(this.choices.aepPath) },
      'osdi:phonebanks': { href: reply.href(this.choices.collectionPath), title: 'Phone banks' },
    };
    if (this.defect !== 'no-curies') links.curies = this.curies();
    if (this.choices.uriRelation)
      links['https://independent.example.org/rels/status'] = { href: reply.href(c.aepPath) };
    return {
      motd: 'An independent OSDI server',
      vendor_name: 'Independent',
      product_name: 'Phonebank test server',
      osdi_version: '1.1',
      ...(this.choices.statesMaxPageSize && { max_pagesize: this.choices.maxPageSize }),
      _links: links,
    };
  }

  private curies(): unknown[] {
    const curies = [
      { name: 'osdi', href: 'https://osdi.example.org/docs/v1/{rel}', templated: true },
    ];
    if (this.choices.vendor)
      curies.push({ name: 'acme', href: 'https://acme.example.org/rels/{rel}', templated: true });
    return curies;
  }

  // general.md, Collections and Navigation; errors.md: an empty collection may be `{}`.
  private collection(method: string | undefined, url: URL, body: unknown, reply: Reply): void {
    if (method === 'POST') return this.create(body, reply);
    if (method !== 'GET')
      return reply.error(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on the collection.`);
    this.otherClient();

    const all = [...this.listing.values()].sort(
      (a, b) => a.created - b.created || a.id.localeCompare(b.id),
    );
    if (all.length === 0 && this.choices.emptyAsBareObject) return reply.json(200, {});
    const asked = Number(url.searchParams.get('per_page') ?? this.choices.defaultPageSize);
    const perPage = Math.max(
      1,
      Math.min(
        Number.isInteger(asked) ? asked : this.choices.defaultPageSize,
        this.choices.maxPageSize,
      ),
    );
    const totalPages = Math.max(1, Math.ceil(all.length / perPage));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const items = all.slice((page - 1) * perPage, page * perPage);
    reply.json(200, this.page({ items, page, perPage, totalPages, total: all.length }, reply));
  }

  // errors.md, Response Codes for Atomic Requests: "API key not allowed to execute this method"
  // and "Request not supported", with an ErrorDescription indicating not-implemented.
  private refuse(status: 403 | 500, reply: Reply): void {
    if (status === 403) return reply.error(403, 'FORBIDDEN', 'This API key may only read.');
    reply.error(500, 'NOT_IMPLEMENTED', 'Writing phone banks is not implemented.');
  }

  // Someone else deletes a Phonebank between the suite's collection read and its GET.
  private vanish(id: string): void {
    const record = this.primary.get(id);
    if (!this.choices.seededVanishes || this.vanished || !record) return;
    if (!String(record.fields.name).startsWith('Seeded')) return;
    this.vanished = true;
    this.primary.delete(id);
    this.replica.delete(id);
    this.listing.delete(id);
  }

  // Someone else's write between two of the suite's reads: the collection changes under it.
  private otherClient(): void {
    const every = this.choices.otherClientEvery;
    if (!every || ++this.collectionGets % every !== 0) return;
    const record = this.newRecord({ name: `Another client's phone bank ${this.collectionGets}` });
    record.created = Math.min(...[...this.primary.values()].map((r) => r.created)) - 1;
    this.primary.set(record.id, record);
    this.replica.set(record.id, structuredClone(record));
    this.listing.set(record.id, structuredClone(record));
  }

  private page(
    p: { items: Record_[]; page: number; perPage: number; totalPages: number; total: number },
    reply: Reply,
  ): unknown {
    const at = (n: number) =>
      reply.href(this.choices.collectionPath, {
        ...this.choices.pagingExtras,
        per_page: String(p.perPage),
        page: String(n),
      });
    const links: Record<string, unknown> = { self: { href: at(p.page) } };
    if (p.page < p.totalPages) links.next = { href: at(p.page + 1) };
    else if (this.defect === 'next-loops' && p.totalPages > 1) links.next = { href: at(1) };
    // previous-skips-back: from page 3 on, previous leads to page 1.
    const back = this.defect === 'previous-skips-back' && p.page > 2 ? 1 : p.page - 1;
    if (p.page > 1) links.previous = { href: at(back) };
    if (this.choices.linkList)
      links['osdi:phonebanks'] = p.items.map((r) => ({ href: reply.href(this.listedPath(r.id)) }));
    links.curies = this.curies();
    const totals = this.choices.statesTotals !== false && {
      total_pages: this.defect === 'total-pages-short' ? 1 : p.totalPages,
      total_records: p.total + (this.defect === 'total-off-by-one' ? 1 : 0),
    };
    return {
      ...totals,
      per_page: p.perPage,
      page: p.page,
      _links: links,
      _embedded: {
        'osdi:phonebanks': p.items.map((r) =>
          this.represent(r, reply, this.defect === 'listed-self-elsewhere'),
        ),
      },
    };
  }

  private item(method: string | undefined, id: string, body: unknown, reply: Reply): void {
    if (method === 'GET') return this.read(id, reply);
    if (method === 'PUT') return this.update(id, body, reply);
    if (method === 'DELETE' && !this.choices.refusesDelete) return this.remove(id, reply);
    reply.error(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on a Phonebank.`);
  }

  private read(id: string, reply: Reply): void {
    this.vanish(id);
    const record = this.replica.get(id);
    if (record)
      return reply.json(200, this.represent(record, reply, this.defect === 'self-elsewhere'));
    if (this.defect === 'unknown-id-200')
      return reply.json(200, { _links: { self: { href: reply.href(this.itemPath(id)) } } });
    if (this.gone.has(id) && this.choices.goneAfterDelete)
      return reply.error(410, 'GONE', `Phonebank ${id} was deleted.`);
    reply.error(404, 'NOT_FOUND', `No Phonebank ${id}.`);
  }

  // phone_bank.md, Scenario: Creating: "The response is the new Phonebank resource".
  private create(body: unknown, reply: Reply): void {
    const sent = asObject(body);
    if (!sent) return reply.error(400, 'INVALID_BODY', 'The body must be a JSON object.');
    const record = this.newRecord(sent);
    this.primary.set(record.id, record);
    this.publish(record.id);
    const headers: Record<string, string> = this.choices.postLocation
      ? { location: reply.href(this.itemPath(record.id)) }
      : {};
    const elsewhere = this.defect === 'post-self-elsewhere';
    reply.json(this.choices.postStatus, this.represent(record, reply, elsewhere), headers);
  }

  private newRecord(sent: Record<string, unknown>): Record_ {
    const now = Date.now();
    const id = this.newId();
    const client = Array.isArray(sent.identifiers)
      ? sent.identifiers.filter((i): i is string => typeof i === 'string')
      : [];
    const record: Record_ = {
      id,
      identifiers: [`independent:${id}`, ...client],
      fields: {},
      created: now,
      modified: now,
    };
    if (this.choices.defaultStatus && this.choices.fields.includes('status'))
      record.fields.status = this.choices.defaultStatus;
    this.merge(record, sent);
    return record;
  }

  private newId(): string {
    this.serial += 1;
    const n = this.serial * 7919 + 104_729;
    if (this.choices.ids === 'dashed') return `pb-${n.toString(16)}-${(n * 31).toString(36)}`;
    const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    let out = '';
    for (let rest = n * 104_723; rest > 0; rest = Math.floor(rest / 62))
      out = digits[rest % 62] + out;
    return out;
  }

  // phone_bank.md, Scenario: Modifying: missing fields are ignored, null clears, read-only
  // fields may be ignored.
  private merge(record: Record_, sent: Record<string, unknown>): void {
    for (const field of this.choices.fields) {
      if (!(field in sent)) continue;
      const value = sent[field];
      if (value === null) {
        if (this.defect !== 'put-ignores-null') delete record.fields[field];
      } else record.fields[field] = this.normalised(field, value);
    }
  }

  // Legal normalisations a vendor may apply to what it stores (and one defect).
  private normalised(field: string, value: unknown): unknown {
    const c = this.choices;
    if (field === 'origin_system' && c.stampsOriginSystem) return c.stampsOriginSystem;
    if (field !== 'caller_id' || typeof value !== 'string') return value;
    if (this.defect === 'caller-id-truncated') return value.slice(0, -1);
    return c.e164CallerId ? '+' + value.replace(/\D/g, '') : value;
  }

  private update(id: string, body: unknown, reply: Reply): void {
    const record = this.primary.get(id);
    const sent = asObject(body);
    if (!record) return reply.error(404, 'NOT_FOUND', `No Phonebank ${id}.`);
    if (!sent) return reply.error(400, 'INVALID_BODY', 'The body must be a JSON object.');
    // put-not-kept changes a copy and answers it; the stored record stays as it was.
    const target =
      this.defect === 'put-not-kept' ? { ...record, fields: { ...record.fields } } : record;
    if (this.defect === 'put-replaces') target.fields = {};
    const ignored = new Set(this.choices.putIgnores ?? []);
    const kept = Object.fromEntries(Object.entries(sent).filter(([field]) => !ignored.has(field)));
    if (this.defect !== 'put-no-op') this.merge(target, kept);
    // A day back: a reset to "now" could fall in the POST's second and show no change.
    if (this.defect === 'put-resets-created') target.created -= 86_400_000;
    // put-changes-other: the oldest other Phonebank takes the change too.
    const other = [...this.primary.values()].find((r) => r.id !== id);
    if (this.defect === 'put-changes-other' && other) {
      this.merge(other, kept);
      this.publish(other.id);
    }
    if (this.choices.reordersIdentifiers) target.identifiers = [...target.identifiers].reverse();
    if (this.defect !== 'modified-date-frozen')
      target.modified = Math.max(Date.now(), target.modified + 1);
    this.publish(id);
    reply.json(200, this.represent(target, reply));
  }

  private remove(id: string, reply: Reply): void {
    if (!this.primary.has(id)) {
      const status = this.gone.has(id) && this.choices.goneAfterDelete ? 410 : 404;
      return reply.error(status, 'NOT_FOUND', `No Phonebank ${id}.`);
    }
    if (this.defect !== 'delete-keeps') {
      this.primary.delete(id);
      this.gone.add(id);
      this.publish(id);
    }
    const answer = this.choices.deleteAnswer;
    if (answer === '204') return reply.empty(204);
    if (answer === '200-empty') return reply.empty(200);
    reply.json(
      200,
      answer === '200-object' ? {} : { notice: 'This phonebank was successfully deleted.' },
    );
  }

  /**
   * Makes the primary's state of `id` visible to reads `lagMs` from now, and to the collection
   * `listingLagMs` after that.
   */
  private publish(id: string): void {
    const copy = (from: Map<string, Record_>, to: Map<string, Record_>) => {
      const record = from.get(id);
      if (record) to.set(id, structuredClone(record));
      else if (this.defect !== 'deleted-still-listed' || to !== this.listing) to.delete(id);
    };
    this.later(this.choices.lagMs, () => {
      copy(this.primary, this.replica);
      this.later(this.choices.listingLagMs ?? 0, () => copy(this.replica, this.listing));
    });
  }

  private later(ms: number, apply: () => void): void {
    if (ms <= 0) return apply();
    setTimeout(() => !this.closed && apply(), ms).unref();
  }

  // later-dashboards-dead: every Phonebank but the oldest links a dashboard that is not there.
  private dashboardPath(record: Record_): string {
    const oldest = this.replica.keys().next().value === record.id;
    const dead = this.defect === 'later-dashboards-dead' && !oldest;
    return `/acme/${dead ? 'gone' : 'dashboards'}/${record.id}`;
  }

  private represent(record: Record_, reply: Reply, elsewhere = false): Record<string, unknown> {
    const document: Record<string, unknown> = {
      identifiers: record.identifiers,
      created_date: this.date(record.created),
      modified_date:
        this.defect === 'modified-date-hour-offset'
          ? this.date(record.modified).replace(/(\.\d+)?(Z|[+-]\d\d:\d\d)$/, '-05')
          : this.date(record.modified),
    };
    for (const field of this.choices.fields) {
      const value = record.fields[field];
      if (value !== undefined) document[field] = this.output(field, value);
      else if (this.choices.nullForUnset) document[field] = null;
    }
    document.total_completed = 0;
    if (this.choices.vendor) document['acme:priority'] = 'high';

    const other = [...this.replica.keys()].find((id) => id !== record.id) ?? 'pb-elsewhere';
    const links: Record<string, unknown> = {
      self: { href: reply.href(this.itemPath(elsewhere ? other : record.id)) },
    };
    if (this.choices.vendor)
      Object.assign(links, {
        'acme:dashboard': { href: reply.href(this.dashboardPath(record)) },
        'acme:start_dialing': { href: reply.href(`/acme/dialing/${record.id}`) },
      });
    links.curies = this.curies();
    document._links = links;
    return document;
  }

  private output(field: string, value: unknown): unknown {
    if (this.defect === 'hour-as-string' && field === 'daily_start_hour') return String(value);
    if ((field === 'start_time' || field === 'end_time') && typeof value === 'string') {
      const at = Date.parse(value);
      if (this.defect === 'one-digit-hour') return value.replace(/T0(\d)/, 'T$1');
      if (this.choices.reformatTimes && !Number.isNaN(at)) return this.date(at);
    }
    return value;
  }

  // RFC 3339 either way; the offset form writes the same instant in UTC+02:00.
  private date(ms: number): string {
    if (this.choices.dates === 'utc') return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return new Date(ms + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
  }
}

/** Writes answers in the server's content type, with hrefs in its style. */
class Reply {
  constructor(
    private readonly res: ServerResponse,
    private readonly url: URL,
    private readonly app: App,
  ) {}

  private get choices(): Choices {
    return this.app.choices;
  }

  private get defect(): Defect | undefined {
    return this.app.defect;
  }

  json(status: number, document: unknown, headers: Record<string, string> = {}): void {
    const type =
      this.defect === 'text-html' ? 'text/html; charset=utf-8' : this.choices.contentType;
    this.res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    this.res.end(JSON.stringify(document));
  }

  empty(status: number): void {
    this.res.writeHead(status, status === 204 ? {} : { 'content-length': '0' });
    this.res.end();
  }

  // errors.md: an ErrorDescription[] body for errors.
  error(status: number, code: string, description: string): void {
    if (this.defect === 'empty-error') return this.empty(status);
    this.json(status, [{ error_code: code, description }]);
  }

  redirect(status: number, path: string): void {
    this.res.writeHead(status, { location: this.href(path) });
    this.res.end();
  }

  /** An href for `path` (and query) in the server's style, relative to the request URL. */
  href(path: string, query?: Record<string, string>): string {
    const search = query ? '?' + new URLSearchParams(query).toString() : '';
    if (this.choices.hrefs === 'absolute-url') return this.app.origin + path + search;
    if (this.choices.hrefs === 'absolute-path') return path + search;
    return relativePath(this.url.pathname, path) + search;
  }
}

/** A relative reference from the document at `from` to `to`, e.g. 'phonebanks/pb-1/'. */
function relativePath(from: string, to: string): string {
  const base = from.slice(0, from.lastIndexOf('/') + 1);
  const relative = posix.relative(base, to);
  if (relative === '') return to.endsWith('/') ? './' : `../${posix.basename(to)}`;
  return to.endsWith('/') ? `${relative}/` : relative;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
