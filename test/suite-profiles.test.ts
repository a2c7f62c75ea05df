import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../src/requirements/catalogue.js';
import { startReferenceServer, type ReferenceServer } from '../src/server/index.js';
import { failedIds, SuiteSession, type SuiteRun } from './helpers/suite-session.js';
import { foreignWrites } from './helpers/writes.js';

const TOKEN = 'proof-token';
const WRITES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

let session: SuiteSession;
beforeAll(async () => {
  session = await SuiteSession.start();
});
afterAll(async () => {
  await session?.close();
});

async function runAgainst(
  profile: 'seed' | 'rest' | 'read-only',
  readOnly = false,
  seed?: number,
): Promise<{ run: SuiteRun; server: ReferenceServer; after: number }> {
  const server = await startReferenceServer({ profile, token: TOKEN, ...(seed === undefined ? {} : { seed }) });
  try {
    const before = await countPhonebanks(server);
    const run = await session.run({ target: server.url, token: TOKEN, readOnly });
    return { run, server, after: (await countPhonebanks(server)) - before };
  } finally {
    await server.close();
  }
}

async function countPhonebanks(server: ReferenceServer): Promise<number> {
  const response = await fetch(new URL('phonebanks?per_page=1', server.url), { headers: { 'OSDI-API-Token': TOKEN } });
  return ((await response.json()) as { total_records: number }).total_records;
}

describe.each(['seed', 'rest'] as const)('the suites against the %s profile', (profile) => {
  it('fail no requirement, skip none, and leave nothing behind', async () => {
    const { run, server, after } = await runAgainst(profile);

    expect(run.errors).toEqual([]);
    expect(failedIds(run)).toEqual([]);
    expect(Object.keys(run.status).sort()).toEqual(REQUIREMENTS.map((r) => r.id).sort());
    expect(Object.values(run.status).filter((s) => s !== 'passed')).toEqual([]);
    expect(foreignWrites(server, run)).toEqual([]);
    expect(after).toBe(0);
  });
});

describe('the suites against an empty collection', () => {
  it('create what they need, pass everything, and delete it all again', async () => {
    const { run, server, after } = await runAgainst('rest', false, 0);

    expect(failedIds(run)).toEqual([]);
    expect(Object.values(run.status).filter((s) => s !== 'passed')).toEqual([]);
    expect(foreignWrites(server, run)).toEqual([]);
    expect(after).toBe(0);
  });
});

describe('the suites against a collection longer than the page cap', () => {
  it('fail nothing and skip what needs the whole walk', async () => {
    const server = await startReferenceServer({ profile: 'rest', token: TOKEN });
    try {
      const run = await session.run({ target: server.url, token: TOKEN, pageCap: 2 });
      const skipped = Object.keys(run.status).filter((id) => run.status[id] === 'skipped').sort();

      expect(failedIds(run)).toEqual([]);
      // The created Phonebanks lie beyond the cap: neither listed (POST-06) nor unlisted (DEL-03).
      expect(skipped).toEqual(['PB-COL-05', 'PB-DEL-03', 'PB-POST-06']);
    } finally {
      await server.close();
    }
  });
});

describe('the suites against the read-only profile', () => {
  it('with --read-only skip every write requirement, fail none and send no write', async () => {
    const { run, server } = await runAgainst('read-only', true);
    const skipped = Object.keys(run.status).filter((id) => run.status[id] === 'skipped').sort();

    expect(failedIds(run)).toEqual([]);
    expect(skipped).toEqual(REQUIREMENTS.filter((r) => r.writes).map((r) => r.id).sort());
    expect(server.requests.filter((r) => WRITES.has(r.method))).toEqual([]);
    expect(run.tests.filter((t) => t.state === 'skipped').map((t) => t.meta.skipReason)).toContain('--read-only: no writes sent');
  });

  it('without --read-only skip the writes as not supported once POST answers 405', async () => {
    const { run } = await runAgainst('read-only');
    const reasons = new Set(run.tests.filter((t) => t.state === 'skipped').map((t) => t.meta.skipReason));

    expect(failedIds(run)).toEqual([]);
    expect([...reasons]).toEqual(['not supported by the target: POST answered 405']);
  });
});
