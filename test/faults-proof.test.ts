// Principle 1: every requirement of the catalogue can fail. For each one, a fault of the
// reference server makes it fail, and each fault fails (and skips) exactly the requirements
// listed for it, so that no failure spreads unnoticed. A requirement added without a fault
// fails here. Principle 2 under every fault: the suite deletes no seeded Phonebank, and what it
// leaves in the store the runner's cleanup report names (and nothing else).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../src/requirements/catalogue.js';
import { runConformance } from '../src/runner/index.js';
import { FAULTS, startReferenceServer, type FaultName } from '../src/server/index.js';
import type { CleanupReport } from '../src/generated/schemas.js';
import { cleanUpAfter, failedIds, SuiteSession, type SuiteRun } from './helpers/suite-session.js';
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
  'wrong-total-pages': ['PB-COL-04', 'PB-COL-06'],
  'per-page-ignored': ['PB-COL-06', 'PB-COL-07'],
  'page-ignored': ['PB-COL-07'],
  'previous-wrong': ['PB-COL-08'],
  'no-embedding': ['PB-COL-09'],
  'self-link-elsewhere': ['PB-GET-02'],
  'unknown-id-200': ['PB-DEL-02', 'PB-GET-03'],
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
  'put-keeps-modified-date': ['PB-PUT-05'],
  'put-answers-old': ['PB-PUT-01'],
  'put-takes-modified-date': ['PB-PUT-04'],
  'get-drops-identifiers': ['PB-POST-03'],
  'first-page-no-next': ['PB-COL-08'],
  // The null of PB-PUT-03 is not kept either.
  'put-not-kept': ['PB-PUT-06'],
  'put-changes-other': ['PB-PUT-07'],
  'delete-fails': ['PB-DEL-01'],
  'delete-keeps': ['PB-DEL-02', 'PB-DEL-03'],
  'delete-unknown-200': ['PB-DEL-04'],
  'token-unchecked': ['PB-AUTH-01'],
  'token-unchecked-on-items': ['PB-AUTH-01'],
  'token-unchecked-on-writes': ['PB-AUTH-01'],
  'no-token-500': ['PB-AUTH-02'],
  'text-plain': ['PB-RESP-01'],
  'empty-404': ['PB-RESP-02'],
  'broken-taggings-link': ['PB-LINK-01'],
  'person-name-number': ['PB-LINK-02'],
};

/**
 * Fault → every requirement it leaves "not checked" (skipped), when there are any: each skip
 * is a check that cannot run for a reason the fault gives, never one that could have run.
 */
const SKIPS: Partial<Record<FaultName, string[]>> = {
  // Without the collection link nothing but discovery can be checked.
  'aep-no-collection-link': REQUIREMENTS.map((r) => r.id).filter(
    (id) => !id.startsWith('PB-DISC-'),
  ),
  // The walk never ends, so there is no count to compare total_records with, and a deleted
  // Phonebank missing from the pages read may be on a page the walk never reached.
  'next-loops': ['PB-COL-05', 'PB-DEL-03'],
  // A page holds the whole seeded collection whatever per_page says: no next link to follow.
  'per-page-ignored': ['PB-COL-08'],
  // Nothing is embedded, so there is no embedded Phonebank to validate, find by link, or look
  // for the run's PUT values in.
  'no-embedding': ['PB-COL-02', 'PB-COL-03', 'PB-PUT-07'],
  // An unknown id answers 200 {}: there is no error response to judge, and the deleted
  // Phonebank, which GET still answers, is no unknown id for a second DELETE.
  'unknown-id-200': ['PB-DEL-04', 'PB-RESP-02'],
  // A new Phonebank answers 404 for a minute, longer than the consistency window: nothing that
  // reads it back first can run (PB-POST-05 fails; the others wait on that read), and a DELETE
  // of a Phonebank the target does not show is no evidence about DELETE.
  'read-lags': [
    'PB-DEL-01',
    'PB-DEL-02',
    'PB-DEL-03',
    'PB-DEL-04',
    'PB-POST-02',
    'PB-POST-03',
    'PB-PUT-01',
    'PB-PUT-02',
    'PB-PUT-03',
    'PB-PUT-04',
    'PB-PUT-05',
    'PB-PUT-06',
    'PB-PUT-07',
  ],
  // The Phonebank the DELETE suite creates is never listed while the run lasts, so "no longer
  // listed" after its DELETE would pass without a test.
  'collection-lags': ['PB-DEL-03'],
  // No PUT is kept, so no field is known to take one: there is none to clear with null.
  'put-not-kept': ['PB-PUT-03'],
  // PUT answers 204: there is no modified_date in the answer to compare.
  'put-no-content': ['PB-PUT-05'],
  // The kept Phonebank is no unknown id for a second DELETE.
  'delete-keeps': ['PB-DEL-04'],
  // DELETE answers 500: the checks of what follows a DELETE have nothing to look at.
  'delete-fails': ['PB-DEL-02', 'PB-DEL-03', 'PB-DEL-04'],
};

const TOKEN = 'proof-token';

let session: SuiteSession;
const runs = new Map<FaultName, Promise<Outcome>>();

/** One fault's run, what the runner's cleanup made of it, and what the store holds after. */
interface Outcome {
  run: SuiteRun;
  /** PUT and DELETE paths the run did not create. */
  foreign: string[];
  cleanup: CleanupReport;
  /** Seeded Phonebanks that are gone: the suite deleted what it did not create. */
  seededGone: string[];
  /** Phonebanks the run left in the store that the cleanup report does not name. */
  silentlyLeft: string[];
  /** Left-over entries that name nothing the store holds: a false alarm. */
  falselyListed: string[];
}

beforeAll(async () => {
  session = await SuiteSession.start();
});
afterAll(async () => {
  await session?.close();
});

/** The suites against the seed profile with one fault, then the runner's cleanup; once each. */
function runWith(fault: FaultName): Promise<Outcome> {
  let pending = runs.get(fault);
  if (!pending) {
    pending = (async () => {
      const server = await startReferenceServer({ profile: 'seed', faults: [fault], token: TOKEN });
      try {
        const seeded = server.phonebanks();
        const run = await session.run({ target: server.url, token: TOKEN });
        const cleanup = await cleanUpAfter(run);
        const stored = server.phonebanks();
        return {
          run,
          foreign: foreignWrites(server, run),
          cleanup,
          seededGone: seeded.filter((s) => !stored.some((p) => p.id === s.id)).map((s) => s.id),
          silentlyLeft: stored
            .filter((p) => !seeded.some((s) => s.id === p.id) && !named(p, cleanup.leftOver))
            .map((p) => `${p.id} ${JSON.stringify(p.name)}`),
          falselyListed: cleanup.leftOver.filter(
            (entry) => !stored.some((p) => !seeded.some((s) => s.id === p.id) && named(p, [entry])),
          ),
        };
      } finally {
        await server.close();
      }
    })();
    runs.set(fault, pending);
  }
  return pending;
}

/** A left-over entry names a Phonebank by its URL (ending in its id) or by its name. */
function named(phonebank: { id: string; name: unknown }, leftOver: string[]): boolean {
  return leftOver.some(
    (entry) =>
      (URL.canParse(entry) && new URL(entry).pathname.endsWith(`/${phonebank.id}`)) ||
      entry.includes(JSON.stringify(phonebank.name)),
  );
}

function skippedIds(run: SuiteRun): string[] {
  return Object.keys(run.status)
    .filter((id) => run.status[id] === 'skipped')
    .sort();
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
        const { run, foreign, seededGone, silentlyLeft, falselyListed } = await runWith(fault);
        expect({
          fault,
          failed: failedIds(run),
          skipped: skippedIds(run),
          errors: run.errors,
          foreign,
          seededGone,
          silentlyLeft,
          falselyListed,
        }).toEqual({
          fault,
          failed: [...FAILS[fault]].sort(),
          skipped: [...(SKIPS[fault] ?? [])].sort(),
          errors: [],
          foreign: [],
          seededGone: [],
          silentlyLeft: [],
          falselyListed: [],
        });
      }
    },
  );
});

describe('a POST answered without a URL (principle 2)', () => {
  it('no-self-link: the Phonebanks are found in the collection, checked and deleted', async () => {
    const { run, cleanup, silentlyLeft } = await runWith('no-self-link');
    const notes = run.tests.flatMap((t) => t.meta.notes ?? []);

    expect(cleanup).toEqual({ created: 4, deleted: 4, leftOver: [] });
    expect(silentlyLeft).toEqual([]);
    expect(notes).toContain(
      'the POST answer gave no URL: the Phonebank was found in the collection by its identifier, at the osdi:phonebanks link at its index',
    );
  });

  it('with a lagging collection too: each Phonebank it cannot find is listed as left over', async () => {
    const server = await startReferenceServer({
      profile: 'seed',
      faults: ['no-self-link', 'collection-lags'],
      token: TOKEN,
    });
    try {
      const seeded = server.phonebanks().length;
      const run = await session.run({ target: server.url, token: TOKEN });
      const cleanup = await cleanUpAfter(run);
      const left = server.phonebanks().slice(seeded);
      const { runId } = run.config;

      // In the order the suite files happened to create them.
      expect({ ...cleanup, leftOver: [...cleanup.leftOver].sort() }).toEqual({
        created: 4,
        deleted: 0,
        leftOver: ['auth', 'delete', 'post', 'put'].map(
          (label) =>
            `a Phonebank named "osdi-conformance ${runId} ${label}" (POST answered 200 without a self link or Location)`,
        ),
      });
      expect(left).toHaveLength(4);
      expect(left.filter((p) => !named(p, cleanup.leftOver))).toEqual([]);
      expect(foreignWrites(server, run)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('the runner reports the Phonebank it could not find in its result', async () => {
    const server = await startReferenceServer({
      profile: 'seed',
      faults: ['no-self-link', 'collection-lags'],
      token: TOKEN,
    });
    try {
      const result = await runConformance({
        target: server.url,
        token: TOKEN,
        readOnly: false,
        timeoutMs: 5000,
        consistencyWindowMs: 200,
        only: ['post'],
      });

      expect(result.cleanup).toEqual({
        created: 1,
        deleted: 0,
        leftOver: [
          `a Phonebank named "osdi-conformance ${result.runId} post" (POST answered 200 without a self link or Location)`,
        ],
      });
    } finally {
      await server.close();
    }
  });
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
