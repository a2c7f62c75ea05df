// The runner's cleanup deletes what the suites left, and a hostile target cannot stall the end
// of a run: a 429 asking for too long a wait stands as the answer, and the whole cleanup has a
// budget after which every URL not yet deleted is listed as left over.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp } from '../src/runner/cleanup.js';

interface Answer {
  status: number;
  retryAfter?: string;
}

interface Target {
  url: string;
  deletes: string[];
  close(): Promise<void>;
}

const RUN_ID = 'run-1';

/** What a GET before the DELETE finds at each path: the run's Phonebank unless said otherwise. */
type Held = Record<string, 'other' | 'gone' | 'endless'>;

const targets: Target[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

/**
 * A target that answers the n-th DELETE with `answers[n]` (the last one repeats), or hangs
 * (every request, then). A GET finds the run's Phonebank, or what `held` says.
 */
async function startTarget(answers: Array<Answer | 'hang'>, held: Held = {}): Promise<Target> {
  const deletes: string[] = [];
  const server: Server = createServer((req, res) => {
    if (answers[0] === 'hang') return;
    if (req.method === 'GET') return answerGet(res, held[req.url ?? '/']);
    deletes.push(req.url ?? '/');
    const answer = answers[Math.min(deletes.length, answers.length) - 1]!;
    if (answer === 'hang') return;
    const headers = answer.retryAfter ? { 'retry-after': answer.retryAfter } : {};
    res.writeHead(answer.status, headers).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const target = {
    url: `http://127.0.0.1:${port}/api/v1/`,
    deletes,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  targets.push(target);
  return target;
}

function answerGet(res: ServerResponse, held: Held[string] | undefined): void {
  if (held === 'gone') return void res.writeHead(404).end();
  if (held === 'endless') return endless(res);
  const name = held === 'other' ? 'A vendor phone bank' : `osdi-conformance ${RUN_ID} put`;
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name }));
}

/** A JSON body that never ends, as fast as the socket takes it. */
function endless(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, ' ');
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  res.write('{"name": "');
  pump();
}

function journalOf(target: Target, count: number) {
  const created = Array.from({ length: count }, (_, i) => `${target.url}phonebanks/${i + 1}`);
  return { created, deleted: new Set<string>() };
}

describe('cleanUp', () => {
  it('deletes every left-over URL, and retries a 429 whose Retry-After is within the cap', async () => {
    const target = await startTarget([{ status: 429, retryAfter: '0' }, { status: 204 }]);

    const report = await cleanUp(journalOf(target, 2), {
      target: target.url,
      timeoutMs: 1000,
      runId: RUN_ID,
    });

    expect(report).toEqual({ created: 2, deleted: 2, leftOver: [] });
    expect(target.deletes).toEqual([
      '/api/v1/phonebanks/1',
      '/api/v1/phonebanks/1',
      '/api/v1/phonebanks/2',
    ]);
  });

  it('does not wait for a Retry-After beyond the cap: the 429 stands and the URL is left over', async () => {
    const target = await startTarget([{ status: 429, retryAfter: '99999' }, { status: 204 }]);
    const journal = journalOf(target, 2);

    const report = await cleanUp(journal, { target: target.url, timeoutMs: 1000, runId: RUN_ID });

    expect(report).toEqual({ created: 2, deleted: 1, leftOver: [journal.created[0]] });
    expect(target.deletes).toEqual(['/api/v1/phonebanks/1', '/api/v1/phonebanks/2']);
  });

  it('does not start a wait that would end after the budget', async () => {
    const target = await startTarget([{ status: 429, retryAfter: '5' }]);
    const journal = journalOf(target, 1);

    const report = await cleanUp(journal, {
      target: target.url,
      timeoutMs: 1000,
      budgetMs: 500,
      runId: RUN_ID,
    });

    expect(report.leftOver).toEqual(journal.created);
    expect(target.deletes).toHaveLength(1);
  });

  it('ends at its budget when the target never answers, listing every URL not deleted', async () => {
    const target = await startTarget(['hang']);
    const journal = journalOf(target, 3);

    const report = await cleanUp(journal, {
      target: target.url,
      timeoutMs: 60_000,
      budgetMs: 300,
    });

    expect(report).toEqual({ created: 3, deleted: 0, leftOver: journal.created });
    // The GET before the first DELETE never came back.
    expect(target.deletes).toEqual([]);
  });

  // Principle 2: a POST answer may name another resource; the GET before the DELETE tells.
  it("deletes only what GET shows to be the run's own, or nothing at all", async () => {
    const target = await startTarget([{ status: 204 }], {
      '/api/v1/phonebanks/1': 'other',
      '/api/v1/phonebanks/2': 'gone',
    });
    const journal = journalOf(target, 3);

    const report = await cleanUp(journal, { target: target.url, timeoutMs: 1000, runId: RUN_ID });

    expect(report).toEqual({ created: 3, deleted: 2, leftOver: [journal.created[0]] });
    expect(target.deletes).toEqual(['/api/v1/phonebanks/2', '/api/v1/phonebanks/3']);
  });

  // Principle 4: the GET before a DELETE has the client's body cap and timeout.
  it('gives up on a GET whose body never ends, within its timeout, and deletes nothing', async () => {
    const target = await startTarget([{ status: 204 }], { '/api/v1/phonebanks/1': 'endless' });
    const journal = journalOf(target, 1);

    const report = await cleanUp(journal, { target: target.url, timeoutMs: 300, runId: RUN_ID });

    expect(report).toEqual({ created: 1, deleted: 0, leftOver: journal.created });
    expect(target.deletes).toEqual([]);
  });

  it('leaves URLs on another origin alone', async () => {
    const target = await startTarget([{ status: 204 }]);
    const elsewhere = 'http://127.0.0.2:9/api/v1/phonebanks/1';

    const report = await cleanUp(
      { created: [elsewhere], deleted: new Set() },
      { target: target.url, timeoutMs: 1000, runId: RUN_ID },
    );

    expect(report).toEqual({ created: 1, deleted: 0, leftOver: [elsewhere] });
    expect(target.deletes).toEqual([]);
  });
});
