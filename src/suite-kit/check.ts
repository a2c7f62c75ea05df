import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { describeExchange, toEvidence, type Exchange, type SendOptions } from '../client/index.js';
import { isRunsOwn, type JournalLine, type Mark } from '../runner/journal.js';
import type { FieldSupport, SuiteConfig, TestMeta } from '../runner/types.js';
import { validate, type SchemaName } from '../schemas/index.js';
import { Finding, NotApplicable } from './findings.js';
import { asObject, createdUrlsOf, sameUrl } from './hal.js';
import { runState, type RunState } from './run-state.js';
import { summariseViolations, violationsAt } from './violations.js';

/** The journal's view of each POST this process sent, by its exchange. */
const POSTS = new WeakMap<Exchange, Posted>();

/** Statuses with which a target says it does not take a write at all. */
const REFUSED = new Set([405, 501]);

/**
 * Why a write was refused outright, if it was: 405 and 501; 403, "API key not allowed to execute
 * this method"; and 500 with an error description "indicating not-implemented" (errors.md,
 * Response Codes for Atomic Requests). Any other 500 is a failure of the target.
 */
function refusal(exchange: Exchange): string | undefined {
  const response = exchange.response;
  const method = exchange.request.method;
  if (!response) return undefined;
  if (REFUSED.has(response.status))
    return `not supported by the target: ${method} answered ${response.status}`;
  if (response.status === 403)
    return `not permitted: ${method} answered 403 (the API key may not execute this method)`;
  if (
    response.status === 500 &&
    /not[\s_-]*(supported|implemented)|unsupported|unimplemented/i.test(response.text ?? '')
  )
    return `not supported by the target: ${method} answered 500, not implemented`;
  return undefined;
}

/**
 * What a requirement test works with: the target's client, the findings it may raise, and the
 * safety rules for writes (only URLs this run created are PUT or DELETEd).
 */
export class Check {
  readonly notes: string[] = [];
  readonly fieldSupport: Record<string, FieldSupport> = {};
  private readonly state: RunState;

  constructor(readonly config: SuiteConfig) {
    this.state = runState(config);
  }

  /** A conformance failure in the register "MUST …, received …". */
  fail(message: string, exchange?: Exchange): never {
    throw new Finding(message, exchange && toEvidence(exchange));
  }

  skip(reason: string): never {
    throw new NotApplicable(reason);
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  async get(url: string, options: SendOptions = {}): Promise<Exchange> {
    return this.record(await this.state.client.get(url, options));
  }

  /**
   * POSTs a new resource and journals what it created before anything else can happen: a line
   * before the request is sent (so that an interrupted run still reports it), then the URL the
   * answer gives (its self link, else Location), or why none is known. `kind` names the
   * resource in the report ("a Phonebank named …").
   */
  async post(url: string, body: unknown, kind = 'resource'): Promise<Exchange> {
    this.ensureWritable('POST');
    const post: Posted = { key: randomUUID(), kind, mark: markOf(body), postedTo: url };
    this.journal(unlocated(post, 'POST sent; the run ended before its answer was recorded'));
    const exchange = this.record(await this.state.client.send('POST', url, { body }));
    POSTS.set(exchange, post);
    await this.journalAnswer(exchange, post);
    return this.refusedWrite(exchange);
  }

  async put(url: string, body: unknown): Promise<Exchange> {
    await this.ensureOwned('PUT', url);
    return this.refusedWrite(this.record(await this.state.client.send('PUT', url, { body })));
  }

  async delete(url: string): Promise<Exchange> {
    await this.ensureOwned('DELETE', url);
    const exchange = this.refusedWrite(this.record(await this.state.client.send('DELETE', url)));
    this.noteDeleted(url, exchange);
    return exchange;
  }

  /**
   * A PUT or DELETE of a resource this run created, sent with `token` instead of the run's: the
   * answer is the target's verdict on the token, so it says nothing of which writes the target
   * supports and is never taken as a refusal of the method.
   */
  async writeWithToken(
    method: 'PUT' | 'DELETE',
    url: string,
    token: string,
    body?: unknown,
  ): Promise<Exchange> {
    await this.ensureOwned(method, url);
    const options: SendOptions = { auth: { token }, ...(body !== undefined && { body }) };
    const exchange = this.record(await this.state.client.send(method, url, options));
    if (method === 'DELETE') this.noteDeleted(url, exchange);
    return exchange;
  }

  /** A DELETE the target answered with success: the cleanup need not send it again. */
  private noteDeleted(url: string, exchange: Exchange): void {
    if (!exchange.response || exchange.response.status >= 300) return;
    this.state.deleted.add(absolute(url));
    this.journal({ url: absolute(url), deleted: true });
  }

  /** Notes a resource this run created: it may now be PUT and DELETEd, and is cleaned up at the end. */
  journalCreated(url: string): void {
    this.created(url);
  }

  /**
   * The URL of what the POST of `exchange` created, as its answer gave it (self link, else
   * Location) and as journaled; undefined when the answer gave none, or only the collection's.
   */
  urlCreatedBy(exchange: Exchange): string | undefined {
    return POSTS.get(exchange)?.url;
  }

  /** The URLs the answer of `exchange` named that GET showed to hold another resource. */
  urlsDisownedBy(exchange: Exchange): readonly string[] {
    return POSTS.get(exchange)?.disowned ?? [];
  }

  /**
   * Notes where the resource a POST created (`exchange`, answered without a URL) was found,
   * and `how`: it is this run's now, as if the answer had given the URL.
   */
  async journalFound(exchange: Exchange, url: string, how: string): Promise<boolean> {
    const post = POSTS.get(exchange);
    if (!post || !this.mayBeCreated(url, post.postedTo)) return false;
    // The item's self link may be wrong as the POST answer's was: GET tells.
    if ((await this.holdsOwn(url, post.mark).catch(() => 'other' as const)) === 'other')
      return false;
    this.created(url, { ...post, how });
    return true;
  }

  /**
   * Whether `url` can be a resource a POST to `postedTo` created: on the target's origin (the
   * suite writes nowhere else), and neither the collection nor the API Entry Point.
   */
  private mayBeCreated(url: string, postedTo: string): boolean {
    if (!URL.canParse(url) || new URL(url).origin !== new URL(this.config.target).origin)
      return false;
    return !sameUrl(url, postedTo) && !sameUrl(url, this.config.target);
  }

  private created(url: string, post?: Posted & { how?: string }): void {
    const resolved = absolute(url);
    if (this.state.created.has(resolved) && !post) return;
    this.state.created.add(resolved);
    const mark = post && { key: post.key, ...post.mark, ...(post.how && { how: post.how }) };
    this.journal({ url: resolved, ...mark });
  }

  /** The response, or a failure when there is none or its status is not one of `statuses`. */
  expectStatus(exchange: Exchange, statuses: readonly number[], rule: string) {
    const response = this.expectResponse(exchange, rule);
    if (!statuses.includes(response.status))
      this.fail(`${rule}, received ${response.status} (${describeExchange(exchange)})`, exchange);
    return response;
  }

  /** The response, or a failure when there is none or its status is not a 2xx success. */
  expectSuccess(exchange: Exchange, rule: string) {
    const response = this.expectResponse(exchange, rule);
    if (response.status < 200 || response.status > 299)
      this.fail(`${rule}, received ${response.status} (${describeExchange(exchange)})`, exchange);
    return response;
  }

  /** The parsed JSON body, or a failure when the body is missing or is not JSON. */
  expectJson(exchange: Exchange, rule: string): unknown {
    const response = this.expectResponse(exchange, rule);
    if (response.jsonError)
      this.fail(`${rule}, received an unusable body: ${response.jsonError}`, exchange);
    if (response.json === undefined) this.fail(`${rule}, received an empty body`, exchange);
    return response.json;
  }

  /** The response, or a failure when none arrived (a timeout, a reset, too many redirects). */
  expectResponse(exchange: Exchange, rule: string) {
    const response = exchange.response;
    if (!response)
      this.fail(`${rule}, received no response (${exchange.error ?? 'unknown error'})`, exchange);
    return response;
  }

  /** Fails, naming the violations (the first few, repeats said once), unless `document` validates. */
  expectValid(schema: SchemaName, document: unknown, exchange: Exchange, rule: string): void {
    this.expectEachValid(schema, [['', document]], exchange, rule);
  }

  /**
   * Fails unless every document validates; each is a `[pointer, document]` pair, the pointer
   * saying where it sits in the body (an item of a page), so that the message names the item.
   */
  expectEachValid(
    schema: SchemaName,
    documents: ReadonlyArray<readonly [string, unknown]>,
    exchange: Exchange,
    rule: string,
  ): void {
    const violations = documents.flatMap(([at, document]) =>
      violationsAt(validate(schema, document).errors, at),
    );
    if (violations.length === 0) return;
    const reasons = summariseViolations(violations);
    this.fail(`${rule}, received a document that breaks ${schema}: ${reasons}`, exchange);
  }

  /** Why the target refused `method` earlier in this run, if it did. */
  refusalOf(method: string): string | undefined {
    return this.state.refusals.get(method);
  }

  /** Why writes are not checked in this run, if they are not. */
  get writesUnavailable(): string | undefined {
    if (this.config.readOnly) return '--read-only: no writes sent';
    return this.state.refusals.get('POST');
  }

  /** The URLs this run created (resolved): the only ones it may PUT or DELETE. */
  get createdUrls(): ReadonlySet<string> {
    return this.state.created;
  }

  /** The created URLs a DELETE of this run answered with success. */
  get deletedUrls(): ReadonlySet<string> {
    return this.state.deleted;
  }

  /** Every exchange the run has made so far. */
  get exchanges(): readonly Exchange[] {
    return this.state.exchanges;
  }

  /** What the reporter reads back from `task.meta`. */
  meta(requirements: string[]): TestMeta {
    const meta: TestMeta = { requirements };
    if (this.notes.length > 0) meta.notes = [...this.notes];
    if (Object.keys(this.fieldSupport).length > 0) meta.fieldSupport = { ...this.fieldSupport };
    return meta;
  }

  private record(exchange: Exchange): Exchange {
    this.state.exchanges.push(exchange);
    return exchange;
  }

  private ensureWritable(method: string): void {
    const reason = this.writesUnavailable ?? this.state.refusals.get(method);
    if (reason) this.skip(reason);
  }

  // The suite changes only what it made: anything else may be a vendor's production data.
  private async ensureOwned(method: string, url: string): Promise<void> {
    this.ensureWritable(method);
    if (!this.state.created.has(absolute(url))) {
      throw new Error(`osdi-conformance: refusing to ${method} ${url}: this run did not create it`);
    }
    if ((await this.holdsOwn(url)) === 'other') {
      this.skip(
        `not checked: ${url}, which the POST answer named, holds a resource this run did not create, so the suite will not ${method} it`,
      );
    }
  }

  /**
   * What GET of `url` shows: a resource carrying this run's mark ('own'), nothing ('gone': 404
   * or 410, so a write there changes nothing anyone can see), or anything else ('other'). A
   * POST answer may name another resource (a self link of the wrong record): the suite writes
   * to a URL only when it is not 'other' (principle 2).
   */
  private async holdsOwn(url: string, mark?: Mark): Promise<'own' | 'gone' | 'other'> {
    const key = absolute(url);
    if (this.state.confirmed.has(key)) return 'own';
    const exchange = this.record(await this.state.client.get(url));
    const status = exchange.response?.status;
    if (status === 404 || status === 410) return 'gone';
    if (status === 200 && isRunsOwn(exchange.response?.json, this.config.runId, mark)) {
      this.state.confirmed.add(key);
      return 'own';
    }
    return 'other';
  }

  private refusedWrite(exchange: Exchange): Exchange {
    const reason = refusal(exchange);
    if (reason) {
      if (!this.state.refusals.has(exchange.request.method))
        this.state.refusals.set(exchange.request.method, reason);
      this.skip(reason);
    }
    return exchange;
  }

  // Nothing here throws: what a POST created is journaled before any check can fail.
  private async journalAnswer(exchange: Exchange, post: Posted): Promise<void> {
    const response = exchange.response;
    if (!response) {
      const why = `POST got no answer (${exchange.error ?? 'unknown error'}), so it may exist`;
      return this.journal(unlocated(post, why));
    }
    if (response.status < 200 || response.status > 299) {
      return this.journal({ url: null, created: false, key: post.key });
    }
    // A self link or Location naming the collection, the AEP or another origin, or a resource
    // without the run's mark, is not the new resource: the suite would otherwise be allowed to
    // DELETE what it did not create. The self link is tried first, then Location.
    const given = createdUrlsOf(exchange);
    const named = given.filter((url) => this.mayBeCreated(url, post.postedTo));
    const holds = new Map<string, 'own' | 'gone' | 'other'>();
    for (const url of named)
      holds.set(url, await this.holdsOwn(url, post.mark).catch(() => 'other' as const));
    // Nothing there yet may be a lagging read; the run's own Phonebank, where one shows, wins.
    const url =
      named.find((u) => holds.get(u) === 'own') ?? named.find((u) => holds.get(u) === 'gone');
    post.disowned = named.filter((u) => holds.get(u) === 'other');
    if (url) {
      post.url = absolute(url);
      return this.created(url, post);
    }
    const why =
      named.length > 0
        ? `POST answered ${response.status} naming ${named.join(' and ')}, which holds another resource`
        : given.length > 0
          ? `POST answered ${response.status} naming ${given.join(' and ')}, which cannot be the new resource (the collection, the API Entry Point or another origin)`
          : `POST answered ${response.status} without a self link or Location`;
    this.journal(unlocated(post, why));
  }

  private journal(line: JournalLine): void {
    appendFileSync(this.config.journalPath, JSON.stringify(line) + '\n');
  }
}

/** A POST as the journal knows it: its key, what it creates, and how to recognise that. */
interface Posted {
  key: string;
  kind: string;
  mark: Mark;
  /** The URL the answer gave for the new resource, once accepted as its own. */
  url?: string;
  /** URLs the answer gave that GET showed to hold another resource. */
  disowned?: string[];
  /** The collection the POST went to. */
  postedTo: string;
}

function markOf(body: unknown): Mark {
  const object = asObject(body);
  const name = object?.name;
  const identifier = Array.isArray(object?.identifiers) ? object.identifiers[0] : undefined;
  return {
    ...(typeof name === 'string' && { name }),
    ...(typeof identifier === 'string' && { identifier }),
  };
}

function unlocated(post: Posted, why: string): JournalLine {
  const name = post.mark.name ?? post.mark.identifier ?? '(unnamed)';
  return { url: null, created: name, key: post.key, kind: post.kind, why };
}

function absolute(url: string): string {
  return new URL(url).href;
}
