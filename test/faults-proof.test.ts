// Principle 1: every requirement of the catalogue can fail. For each one, a fault of the
// reference server makes it fail, and each fault fails exactly the requirements listed for it,
// so that no failure spreads unnoticed. A requirement added without a fault fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../src/requirements/catalogue.js';
import { FAULTS, startReferenceServer, type FaultName } from '../src/server/index.js';
import { failedIds, SuiteSession, type SuiteRun } from './helpers/suite-session.js';
import { foreignWrites } from './helpers/writes.js';

/** Fault → every requirement it fails, against the seed profile with a token. */
const FAILS: Record<FaultName, string[]> = {
  'aep-invalid': ['PB-DISC-01'],
  'aep-no-collection-link': ['PB-DISC-02'],
  'aep-no-curies': ['PB-DISC-03'],
  // Every representation of a Phonebank breaks the schema, so each requirement that validates
  // one fails; the checks that only read a Phonebank's values run and pass. The collection page
  // (PB-COL-01) is judged without its items, which are PB-COL-02's.
  'bad-date-time': [
    'PB-POST-01',
    'PB-COL-02', // the embedded Phonebanks
    'PB-GET-01', // the GET answer
    'PB-LINK-02', // the self link's target is the GET answer
    'PB-PUT-01', // the PUT answer
  ],
  'hour-as-string': [
    'PB-POST-01',
    'PB-COL-02', // the embedded Phonebanks
    'PB-GET-01', // the GET answer
    'PB-LINK-02', // the self link's target is the GET answer
    'PB-PUT-01', // the PUT answer
    'PB-POST-02', // daily_start_hour 9 was posted and "9" came back: it did not round-trip
  ],
  'page-as-string': ['PB-COL-01'],
  'no-self-link': [
    'PB-POST-01',
    'PB-COL-03', // the embedded Phonebanks have no self link either
    'PB-GET-02', // nor does the GET answer: its self link is not the URL fetched
  ],
  'next-loops': ['PB-COL-04'],
  'wrong-total-records': ['PB-COL-05'],
  'per-page-ignored': ['PB-COL-06', 'PB-COL-07'],
  'page-ignored': ['PB-COL-07'],
  'previous-wrong': ['PB-COL-08'],
  'no-embedding': ['PB-COL-09'],
  'self-link-elsewhere': ['PB-GET-02'],
  'unknown-id-200': ['PB-DEL-02', 'PB-DEL-04', 'PB-GET-03'],
  'post-swaps-hours': ['PB-POST-02'],
  'post-drops-identifiers': ['PB-POST-03'],
  'created-date-future': ['PB-POST-04'],
  'read-lags': ['PB-POST-05'],
  'collection-lags': ['PB-POST-06'],
  'put-no-content': ['PB-PUT-01'],
  'put-replaces': ['PB-PUT-02'],
  'put-ignores-null': ['PB-PUT-03'],
  'put-sets-created-date': ['PB-PUT-04'],
  'put-rewinds-modified-date': ['PB-PUT-05'],
  'delete-fails': ['PB-DEL-01'],
  'delete-keeps': ['PB-DEL-02', 'PB-DEL-03', 'PB-DEL-04'],
  'token-unchecked': ['PB-AUTH-01'],
  'no-token-500': ['PB-AUTH-02'],
  'text-plain': ['PB-RESP-01'],
  'empty-404': ['PB-RESP-02'],
  'broken-taggings-link': ['PB-LINK-01'],
};

const TOKEN = 'proof-token';

let session: SuiteSession;
const runs = new Map<FaultName, Promise<{ run: SuiteRun; foreign: string[] }>>();

beforeAll(async () => {
  session = await SuiteSession.start();
});
afterAll(async () => {
  await session?.close();
});

/** The suites against the seed profile with one fault; each fault runs once. */
function runWith(fault: FaultName): Promise<{ run: SuiteRun; foreign: string[] }> {
  let pending = runs.get(fault);
  if (!pending) {
    pending = (async () => {
      const server = await startReferenceServer({ profile: 'seed', faults: [fault], token: TOKEN });
      try {
        const run = await session.run({ target: server.url, token: TOKEN });
        return { run, foreign: foreignWrites(server, run) };
      } finally {
        await server.close();
      }
    })();
    runs.set(fault, pending);
  }
  return pending;
}

function faultsFailing(id: string): FaultName[] {
  return (Object.keys(FAILS) as FaultName[]).filter((fault) => FAILS[fault].includes(id));
}

describe('every requirement fails under a fault of the reference server', () => {
  it.each(REQUIREMENTS.map((r) => [r.id, faultsFailing(r.id).join(', ') || 'no fault'] as const))(
    '%s fails under %s, and each such fault fails exactly what it lists',
    async (id) => {
      const faults = faultsFailing(id);
      expect(faults, `no fault of the reference server makes ${id} fail`).not.toEqual([]);

      for (const fault of faults) {
        const { run, foreign } = await runWith(fault);
        expect({ fault, failed: failedIds(run), errors: run.errors, foreign }).toEqual({
          fault,
          failed: [...FAILS[fault]].sort(),
          errors: [],
          foreign: [],
        });
      }
    },
  );
});

describe('the fault table', () => {
  it('lists what every fault of the server fails, and only catalogued requirements', () => {
    const ids = new Set(REQUIREMENTS.map((r) => r.id));

    expect(Object.keys(FAILS).sort()).toEqual(FAULTS.map((f) => f.name).sort());
    expect(
      Object.values(FAILS)
        .flat()
        .filter((id) => !ids.has(id)),
    ).toEqual([]);
  });
});
