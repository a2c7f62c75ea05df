// Principle 2: whatever a POST may have created is in the journal before anything can go wrong,
// and what the run could not remove (or find) is named in the cleanup report.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../src/runner/cleanup.js';
import { carriesRunMark, readJournal } from '../src/runner/journal.js';
import type { SuiteConfig } from '../src/runner/types.js';
import { Check, NotApplicable } from '../src/suite-kit/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const dir = mkdtempSync(join(tmpdir(), 'osdi-journal-'));
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A target answering every request with `handler`; its API Entry Point is /api/v1/. */
async function startTarget(handler: Handler): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v1/`, requests };
}

function json(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, { 'content-type': 'application/hal+json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function configFor(target: string, overrides: Partial<SuiteConfig> = {}): SuiteConfig {
  const runId = `journal-${Math.random().toString(16).slice(2)}`;
  return {
    target,
    readOnly: false,
    timeoutMs: 2000,
    consistencyWindowMs: 100,
    runId,
    journalPath: join(dir, `${runId}.jsonl`),
    linkBudget: 5,
    pageCap: 5,
    ...overrides,
  };
}

const SENT = { name: 'osdi-conformance r1 post', identifiers: ['osdi_conformance:r1-post-1'] };

describe('a POST in the journal', () => {
  it('answered 200 without a URL is unlocated, and the cleanup lists it as left over', async () => {
    const target = await startTarget((_req, res) => json(res, 200, { name: SENT.name }));
    const config = configFor(target.url);

    await new Check(config).post(`${target.url}phonebanks`, SENT, 'Phonebank');
    const journal = readJournal(config.journalPath);
    const report = await cleanUp(journal, { target: target.url, timeoutMs: 1000 });

    const text =
      'a Phonebank named "osdi-conformance r1 post" (POST answered 200 without a self link or Location)';
    expect({ created: journal.created, unlocated: journal.unlocated }).toEqual({
      created: [],
      unlocated: [text],
    });
    expect(report).toEqual({ created: 1, deleted: 0, leftOver: [text] });
  });

  it('once found, is journaled at its URL with its name and identifier, and is no longer unlocated', async () => {
    const target = await startTarget((req, res) =>
      json(res, 200, req.method === 'GET' ? SENT : {}),
    );
    const config = configFor(target.url);
    const check = new Check(config);
    const found = `${target.url}phonebanks/7`;

    const exchange = await check.post(`${target.url}phonebanks`, SENT, 'Phonebank');
    await check.journalFound(exchange, found, 'found in the collection by its identifier');
    const journal = readJournal(config.journalPath);

    expect(journal).toMatchObject({ created: [found], unlocated: [] });
    expect(journal.marks?.get(found)).toEqual({
      name: SENT.name,
      identifier: SENT.identifiers[0],
    });
    expect(check.createdUrls.has(found)).toBe(true);
  });

  // Principle 2: a collection whose items' self links are wrong names someone else's record.
  it('found at a URL whose GET shows another resource is not journaled there', async () => {
    const target = await startTarget((req, res) =>
      json(res, 200, req.method === 'GET' ? { name: 'Seeded' } : {}),
    );
    const config = configFor(target.url);
    const check = new Check(config);

    const exchange = await check.post(`${target.url}phonebanks`, SENT, 'Phonebank');

    expect(await check.journalFound(exchange, `${target.url}phonebanks/1`, 'found')).toBe(false);
    expect(readJournal(config.journalPath)).toMatchObject({ created: [] });
  });

  it('answered with a self link is created there, and settles the line written before sending', async () => {
    const target = await startTarget((req, res) =>
      req.method === 'GET'
        ? json(res, 200, SENT)
        : json(res, 201, { _links: { self: { href: 'phonebanks/9' } } }),
    );
    const config = configFor(target.url);

    const exchange = await new Check(config).post(`${target.url}phonebanks`, SENT);

    expect(readJournal(config.journalPath)).toMatchObject({
      created: [`${target.url}phonebanks/9`],
      unlocated: [],
    });
    expect(exchange.response?.status).toBe(201);
  });

  it('refused with 405 created nothing: skipped, and nothing is left over', async () => {
    const target = await startTarget((_req, res) => json(res, 405, { error: 'no writes' }));
    const config = configFor(target.url);

    const attempt = new Check(config).post(`${target.url}phonebanks`, SENT, 'Phonebank');

    await expect(attempt).rejects.toBeInstanceOf(NotApplicable);
    expect(readJournal(config.journalPath)).toMatchObject({ created: [], unlocated: [] });
  });

  it('is in the journal while it is waiting for its answer, in case the run ends there', async () => {
    let answer: (() => void) | undefined;
    const target = await startTarget((req, res) => {
      if (req.method === 'GET') return json(res, 200, SENT);
      answer = () => json(res, 201, { _links: { self: { href: 'phonebanks/3' } } });
    });
    const config = configFor(target.url);

    const pending = new Check(config).post(`${target.url}phonebanks`, SENT, 'Phonebank');
    await expect.poll(() => target.requests.length).toBe(1);
    const midway = readJournal(config.journalPath);
    answer!();
    await pending;

    expect(midway.unlocated).toEqual([
      'a Phonebank named "osdi-conformance r1 post" (POST sent; the run ended before its answer was recorded)',
    ]);
    expect(readJournal(config.journalPath).unlocated).toEqual([]);
  });

  it('without an answer may have created something, and says so', async () => {
    const target = await startTarget(() => undefined);
    const config = configFor(target.url, { timeoutMs: 200 });

    await new Check(config).post(`${target.url}phonebanks`, SENT, 'Phonebank');

    expect(readJournal(config.journalPath).unlocated).toEqual([
      expect.stringMatching(
        /^a Phonebank named "osdi-conformance r1 post" \(POST got no answer \(.+\), so it may exist\)$/,
      ),
    ]);
  });

  // Principle 2: a self link of the wrong record would otherwise have the suite delete it.
  it('answered with the URL of another resource takes the Location that holds its own', async () => {
    const target = await startTarget((req, res) => {
      if (req.method === 'POST') {
        res.setHeader('location', '/api/v1/phonebanks/46');
        return json(res, 201, {
          name: 'Seeded',
          _links: { self: { href: '/api/v1/phonebanks/1' } },
        });
      }
      if (req.url === '/api/v1/phonebanks/46') return json(res, 200, SENT);
      json(res, 200, { name: 'Seeded' });
    });
    const config = configFor(target.url);
    const check = new Check(config);

    const exchange = await check.post(`${target.url}phonebanks`, SENT, 'Phonebank');

    expect(check.urlCreatedBy(exchange)).toBe(`${target.url}phonebanks/46`);
    expect(check.urlsDisownedBy(exchange)).toEqual([`${target.url}phonebanks/1`]);
    expect(readJournal(config.journalPath).created).toEqual([`${target.url}phonebanks/46`]);
  });

  it('answered only with the URL of another resource is unlocated, and never deleted', async () => {
    const target = await startTarget((req, res) =>
      json(res, req.method === 'POST' ? 201 : 200, {
        name: 'Seeded',
        _links: { self: { href: '/api/v1/phonebanks/1' } },
      }),
    );
    const config = configFor(target.url);
    const check = new Check(config);

    const exchange = await check.post(`${target.url}phonebanks`, SENT, 'Phonebank');
    const journal = readJournal(config.journalPath);
    const report = await cleanUp(journal, { target: target.url, timeoutMs: 1000 });

    expect(check.urlCreatedBy(exchange)).toBeUndefined();
    expect(check.urlsDisownedBy(exchange)).toEqual([`${target.url}phonebanks/1`]);
    expect(report.leftOver).toEqual([
      `a Phonebank named "osdi-conformance r1 post" (POST answered 201 naming ${target.url}phonebanks/1, which holds another resource)`,
    ]);
    expect(target.requests.filter((r) => !r.startsWith('GET'))).toEqual([
      'POST /api/v1/phonebanks',
    ]);
  });

  it('answered with the collection as its self link is not taken to have created the collection', async () => {
    const target = await startTarget((_req, res) =>
      json(res, 201, { _links: { self: { href: '/api/v1/phonebanks' } } }),
    );
    const config = configFor(target.url);
    const check = new Check(config);

    const exchange = await check.post(`${target.url}phonebanks`, SENT, 'Phonebank');

    expect(check.urlCreatedBy(exchange)).toBeUndefined();
    await expect(check.delete(`${target.url}phonebanks`)).rejects.toThrow(/did not create it/);
    expect(readJournal(config.journalPath).unlocated).toEqual([
      `a Phonebank named "osdi-conformance r1 post" (POST answered 201 naming ${target.url}phonebanks, which cannot be the new resource (the collection, the API Entry Point or another origin))`,
    ]);
  });

  it('answered with a URL on another origin writes nothing there', async () => {
    const elsewhere = await startTarget((_req, res) => json(res, 200, SENT));
    const target = await startTarget((_req, res) => {
      res.setHeader('location', `${elsewhere.url}phonebanks/1`);
      json(res, 201, {});
    });
    const check = new Check(configFor(target.url));

    const exchange = await check.post(`${target.url}phonebanks`, SENT, 'Phonebank');

    expect(check.urlCreatedBy(exchange)).toBeUndefined();
    expect(await check.journalFound(exchange, `${elsewhere.url}phonebanks/1`, 'found')).toBe(false);
    expect(await check.journalFound(exchange, target.url, 'found')).toBe(false);
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('the cleanup after the suites', () => {
  // DELETE answers 204; GET answers what `still` says about a Phonebank once deleted.
  async function deletedThen(still: 'kept' | 'gone' | 'empty-200') {
    const target = await startTarget((req, res) => {
      if (req.method === 'DELETE') return json(res, 204);
      if (still === 'kept') return json(res, 200, { name: SENT.name });
      if (still === 'empty-200') return json(res, 200, {});
      return json(res, 404, { error: 'not found' });
    });
    const url = `${target.url}phonebanks/5`;
    const journal = {
      created: [url],
      deleted: new Set<string>(),
      marks: new Map([[url, { name: SENT.name }]]),
    };
    const report = await cleanUp(journal, {
      target: target.url,
      timeoutMs: 1000,
      consistencyWindowMs: 150,
    });
    return { url, report, requests: target.requests };
  }

  it('lists a Phonebank that GET still finds after a DELETE that answered 204', async () => {
    const { url, report } = await deletedThen('kept');

    expect(report).toEqual({ created: 1, deleted: 0, leftOver: [url] });
  });

  it('counts a Phonebank as deleted when GET answers 404, and sends the DELETE anyway', async () => {
    const gone = await deletedThen('gone');

    expect(gone.report).toEqual({ created: 1, deleted: 1, leftOver: [] });
    expect(gone.requests).toEqual([
      'GET /api/v1/phonebanks/5',
      'DELETE /api/v1/phonebanks/5',
      'GET /api/v1/phonebanks/5',
    ]);
  });

  // Principle 2: a 200 that is not the Phonebank created there may be someone else's.
  it('does not DELETE a URL whose GET answers a 200 that is not the Phonebank', async () => {
    const empty = await deletedThen('empty-200');

    expect(empty.report).toEqual({ created: 1, deleted: 0, leftOver: [empty.url] });
    expect(empty.requests).toEqual(['GET /api/v1/phonebanks/5']);
  });
});

describe("the run's mark", () => {
  it.each([
    [{ identifiers: ['vendor:1', 'osdi_conformance:r9-post-1'] }, true],
    [{ title: 'osdi-conformance r9 test Phonebank' }, true],
    [{ name: null, summary: 'Created by the osdi-conformance r9 run; deleted at its end.' }, true],
    [{ name: 'osdi-conformance r99 post', identifiers: ['osdi_conformance:r99-post-1'] }, false],
    [{ name: 'Rally for Rivers', description: 'osdi-conformance' }, false],
    [['osdi-conformance r9 post'], false],
  ])('is found in %j: %s', (document, expected) => {
    expect(carriesRunMark(document, 'r9')).toBe(expected);
  });
});
