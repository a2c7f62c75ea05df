import type { Evidence } from '../runner/types.js';

/** What the suite asked for. Headers never hold the token: it is added on the wire only. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** What came back. `json` is set when the body parsed; `jsonError` says why it did not. */
export interface ReceivedResponse {
  status: number;
  /** The URL that answered, after redirects; relative hrefs resolve against it. */
  url: string;
  headers: Record<string, string>;
  contentType?: string;
  text: string;
  json?: unknown;
  jsonError?: string;
}

/**
 * One request and its outcome. A target that times out, refuses the connection or sends a
 * body too large is a finding about the target, so it is data here (`error`), never thrown.
 */
export interface Exchange {
  request: SentRequest;
  response?: ReceivedResponse;
  /** Why no usable response arrived, e.g. "no response within 10000 ms". */
  error?: string;
  /** URLs passed through on the way, in order. */
  redirects: string[];
}

const SHOWN_BODY_CHARS = 4000;
const REDACTED = '[redacted]';

/** The exchange as a failure shows it: token redacted, long bodies cut. */
export function toEvidence(exchange: Exchange): Evidence {
  const evidence: Evidence = { request: redactRequest(exchange.request) };
  const response = exchange.response;
  if (response) {
    evidence.response = {
      status: response.status,
      headers: response.headers,
      body: shownBody(response),
    };
  }
  return evidence;
}

function redactRequest(request: SentRequest): NonNullable<Evidence['request']> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = name.toLowerCase() === 'osdi-api-token' ? REDACTED : value;
  }
  const shown: NonNullable<Evidence['request']> = {
    method: request.method,
    url: request.url,
    headers,
  };
  if (request.body !== undefined) shown.body = request.body;
  return shown;
}

function shownBody(response: ReceivedResponse): unknown {
  if (response.json !== undefined && response.text.length <= SHOWN_BODY_CHARS) return response.json;
  if (response.text.length <= SHOWN_BODY_CHARS) return response.text;
  return `${response.text.slice(0, SHOWN_BODY_CHARS)}… (${response.text.length} characters in all)`;
}

/** "GET http://…/phonebanks → 404" or "GET … → no response within 10000 ms", for messages. */
export function describeExchange(exchange: Exchange): string {
  const outcome = exchange.response
    ? String(exchange.response.status)
    : (exchange.error ?? 'no response');
  return `${exchange.request.method} ${exchange.request.url} → ${outcome}`;
}
