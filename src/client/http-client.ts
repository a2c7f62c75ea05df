import { request as undiciRequest } from 'undici';
import { decoded, parseJson, readCapped } from './body.js';
import type { Exchange, ReceivedResponse, SentRequest } from './exchange.js';
import { Pacer, retryAfterMs, sharedPacer, systemClock, type Clock } from './pacing.js';

export interface ClientOptions {
  /** The API Entry Point; the token goes to its origin only. */
  target: string;
  token?: string;
  /** Per request, covering the headers and the whole body. */
  timeoutMs: number;
  /** Requests per second at most, shared by every client in the process. */
  rateLimit?: number;
  /** @default 5 MiB */
  maxBodyBytes?: number;
  /** @default 5 */
  maxRedirects?: number;
  /** How many times a 429 is retried. @default 3 */
  maxRetries?: number;
  /** Longest wait a Retry-After may ask for. @default 10 s */
  maxRetryAfterMs?: number;
  /**
   * Where the client reads the time and how it waits (pacing, Retry-After). Given one, the
   * client paces on its own instead of with the process's shared pacer; for tests.
   * @default the system clock
   */
  clock?: Clock;
}

export interface SendOptions {
  body?: unknown;
  /** 'default' sends the configured token; 'none' sends no token; a string sends that token. */
  auth?: 'default' | 'none' | { token: string };
}

const TOKEN_HEADER = 'OSDI-API-Token';
const ACCEPT = 'application/hal+json, application/json;q=0.9, */*;q=0.1';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The HTTP client of the suites, on undici. Redirects are followed here rather than by undici,
 * because undici's redirect interceptor forwards custom headers to other origins (STACK.md):
 * the token must reach the target's origin only.
 */
export class HttpClient {
  private readonly origin: string;
  private readonly clock: Clock;
  private readonly pacer: Pacer;

  constructor(private readonly options: ClientOptions) {
    this.origin = new URL(options.target).origin;
    this.clock = options.clock ?? systemClock;
    this.pacer = options.clock ? new Pacer(options.clock) : sharedPacer();
  }

  get(url: string, options: SendOptions = {}): Promise<Exchange> {
    return this.send('GET', url, options);
  }

  async send(method: string, url: string, options: SendOptions = {}): Promise<Exchange> {
    const { maxRetries = 3, maxRetryAfterMs = 10_000 } = this.options;
    let exchange = await this.sendFollowing(method, url, options);
    for (let retry = 0; retry < maxRetries && exchange.response?.status === 429; retry++) {
      // A wait longer than the cap is not worth starting: the 429 stands as the answer.
      const retryAfter = exchange.response.headers['retry-after'];
      const waitMs = retryAfterMs(retryAfter, Infinity, this.clock.now());
      if (waitMs > maxRetryAfterMs) return exchange;
      await this.clock.sleep(waitMs);
      exchange = await this.sendFollowing(method, url, options);
    }
    return exchange;
  }

  private async sendFollowing(
    method: string,
    url: string,
    options: SendOptions,
  ): Promise<Exchange> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const redirects: string[] = [];
    let hop: Hop = { method, url: new URL(url).href, body: options.body };

    for (;;) {
      const exchange = await this.sendOnce(hop, options, signal);
      exchange.redirects = redirects;
      const location = exchange.response?.headers.location;
      if (!exchange.response || !REDIRECTS.has(exchange.response.status) || !location)
        return exchange;
      // A write goes to the target's origin only: a redirect elsewhere is the answer to judge.
      const next = URL.canParse(location, hop.url) ? new URL(location, hop.url) : undefined;
      if (!next || (hop.method !== 'GET' && next.origin !== this.origin)) return exchange;

      if (redirects.length >= (this.options.maxRedirects ?? 5)) {
        const { response: _last, ...unanswered } = exchange;
        return {
          ...unanswered,
          error: `more than ${redirects.length} redirects (the last to ${location})`,
        };
      }
      redirects.push(hop.url);
      hop = nextHop(hop, exchange.response.status, next.href);
    }
  }

  private async sendOnce(hop: Hop, options: SendOptions, signal: AbortSignal): Promise<Exchange> {
    const request: SentRequest = { method: hop.method, url: hop.url, headers: { accept: ACCEPT } };
    if (hop.body !== undefined) {
      request.headers['content-type'] = 'application/json';
      request.body = hop.body;
    }
    const exchange: Exchange = { request, redirects: [] };

    for (let attempt = 1; ; attempt++) {
      await this.pacer.pace(this.options.rateLimit);
      try {
        exchange.response = await this.receive(request, this.tokenFor(hop.url, options), signal);
        return exchange;
      } catch (error) {
        // A kept-alive connection the server closed as the request went out: a GET is safe
        // to send again, once, on a new one (RFC 9112 §9.3.1).
        if (attempt === 1 && hop.method === 'GET' && !signal.aborted && closedUnderUs(error))
          continue;
        exchange.error = describeTransportError(error, signal, this.options.timeoutMs);
        return exchange;
      }
    }
  }

  private async receive(
    request: SentRequest,
    token: string | undefined,
    signal: AbortSignal,
  ): Promise<ReceivedResponse> {
    const headers =
      token === undefined ? request.headers : { ...request.headers, [TOKEN_HEADER]: token };
    const answer = await undiciRequest(request.url, {
      method: request.method as 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });

    const maxBytes = this.options.maxBodyBytes ?? 5 * 1024 * 1024;
    const encoding = answer.headers['content-encoding'];
    const body = decoded(answer.body, Array.isArray(encoding) ? encoding.join(',') : encoding);
    const read = await readCapped(body, maxBytes);
    if ('tooLarge' in read) throw new BodyTooLarge(maxBytes);

    const responseHeaders = flattenHeaders(answer.headers);
    const response: ReceivedResponse = {
      status: answer.statusCode,
      url: request.url,
      headers: responseHeaders,
      text: read.text,
    };
    if (responseHeaders['content-type']) response.contentType = responseHeaders['content-type'];
    return { ...response, ...parseJson(read.text, read.invalidUtf8) };
  }

  private tokenFor(url: string, options: SendOptions): string | undefined {
    if (new URL(url).origin !== this.origin) return undefined;
    if (options.auth === 'none') return undefined;
    if (typeof options.auth === 'object') return options.auth.token;
    return this.options.token;
  }
}

interface Hop {
  method: string;
  url: string;
  body?: unknown;
}

class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the response body is larger than ${maxBytes} bytes`);
  }
}

// RFC 9110 §15.4: 303 (and, by long practice, 301/302 after POST) continue as GET without a body.
function nextHop(hop: Hop, status: number, url: string): Hop {
  const becomesGet =
    status === 303 || ((status === 301 || status === 302) && hop.method === 'POST');
  return becomesGet ? { method: 'GET', url } : { method: hop.method, url, body: hop.body };
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

const CLOSED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

function closedUnderUs(error: unknown): boolean {
  if (error instanceof BodyTooLarge) return false;
  const { code, cause } = error as { code?: string; cause?: { code?: string } };
  return CLOSED.has(code ?? '') || CLOSED.has(cause?.code ?? '');
}

function describeTransportError(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (error instanceof BodyTooLarge) return error.message;
  if (signal.aborted) return `no complete response within ${timeoutMs} ms`;
  const cause =
    (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  return `no response: ${(error as Error).message}${cause ? ` (${cause})` : ''}`;
}
