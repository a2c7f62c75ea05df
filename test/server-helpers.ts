// Helpers for the reference server's tests (test/server-*.test.ts): start a server for a
// describe block, and talk to it as curl would.
import { afterAll, beforeAll } from 'vitest';
import {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from '../src/index.js';

export interface JsonResponse {
  status: number;
  headers: Headers;
  /** The parsed body; undefined when there was none. */
  body: any;
}

/** Starts a server before the block's tests and closes it after them. */
export function serverFor(options: ReferenceServerOptions = {}): {
  readonly server: ReferenceServer;
} {
  const holder = {} as { server: ReferenceServer };
  beforeAll(async () => {
    holder.server = await startReferenceServer(options);
  });
  afterAll(async () => {
    await holder.server?.close();
  });
  return holder;
}

/** Sends a request; a `json` body is serialised, a string body sent as it is. */
export async function request(
  url: string,
  init: { method?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.headers ?? {},
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

/** An href from a document, resolved against the URL the document came from. */
export function resolve(href: string, base: string): string {
  return new URL(href, base).href;
}

/** The collection URL, found from the API Entry Point as a client would. */
export async function collectionUrl(server: ReferenceServer): Promise<string> {
  const aep = await request(server.url);
  return resolve(aep.body._links['osdi:phonebanks'].href, server.url);
}

/** Every Phonebank, by walking the collection's next links from page 1. */
export async function allPhonebanks(server: ReferenceServer): Promise<any[]> {
  const items: any[] = [];
  let url: string | undefined = await collectionUrl(server);
  for (let pages = 0; url && pages < 100; pages++) {
    const page = await request(url);
    items.push(...page.body._embedded['osdi:phonebanks']);
    url = page.body._links.next ? resolve(page.body._links.next.href, url) : undefined;
  }
  return items;
}

/** The URL of the first Phonebank of the collection. */
export async function firstPhonebankUrl(server: ReferenceServer): Promise<string> {
  const url = await collectionUrl(server);
  const page = await request(url);
  return resolve(page.body._links['osdi:phonebanks'][0].href, url);
}
