// Principle 5: a hostile or broken server yields a report, never a hang or a crash. Every run
// here ends with each requirement passed, failed or skipped, and no tool error; the failures
// name what went wrong. Requests time out after 300 ms, so the slow cases stay short.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedIds, SuiteSession, type SuiteRun } from './helpers/suite-session.js';
import { startRecordingServer } from './helpers/recording-server.js';
import { startHostileServer, type Behaviour, type HostileOptions } from './servers/hostile.js';

const TOKEN = 'hostile-token';
const SETTINGS = { token: TOKEN, timeoutMs: 300, consistencyWindowMs: 100, pageCap: 20 };

// The collection gives no usable answer to anything: the walk, the POST and both token probes
// fail, and every other requirement is skipped as "not checked".
const NO_ANSWER = ['PB-AUTH-01', 'PB-AUTH-02', 'PB-COL-01', 'PB-POST-01'];
// The collection answers 200 with a body that cannot be read; to any token, so the wrong-token
// probe fails too (the server checks no token at all).
const UNREADABLE = ['PB-AUTH-01', 'PB-COL-01', 'PB-POST-01'];

// Only the AEP answers well. Where the collection answers 200 to a request without a token,
// PB-AUTH-02 passes too: that is anonymous reading, which is legal.
const DISCOVERY = ['PB-DISC-01', 'PB-DISC-02', 'PB-DISC-03'];

const CASES: Array<[Behaviour, string[], RegExp]> = [
  ['hang', NO_ANSWER, /received no response \(no complete response within 300 ms\)/],
  ['trickle', NO_ANSWER, /received no response \(no complete response within 300 ms\)/],
  ['huge', NO_ANSWER, /received no response \(the response body is larger than 5242880 bytes\)/],
  ['redirect-loop', NO_ANSWER, /received no response \(more than 5 redirects/],
  ['reset', NO_ANSWER, /received no response \(no response: .*(ECONNRESET|other side closed)/],
  // Retry-After: 99999 is beyond the 10 s cap: the 429 is the answer, at once.
  ['too-many-requests', NO_ANSWER, /received 429/],
  ['garbage', UNREADABLE, /received an unusable body: the body is not valid UTF-8/],
  ['invalid-utf8', UNREADABLE, /received an unusable body: the body is not valid UTF-8/],
  ['html', UNREADABLE, /received an unusable body: the body is not JSON: Unexpected token '<'/],
  ['deep', UNREADABLE, /received an unusable body: the body nests JSON deeper than 256 levels/],
];

let session: SuiteSession;
beforeAll(async () => {
  session = await SuiteSession.start();
});
afterAll(async () => {
  await session?.close();
});

async function runAgainst(options: HostileOptions): Promise<SuiteRun> {
  const server = await startHostileServer(options);
  try {
    return await session.run({ target: server.url, ...SETTINGS });
  } finally {
    await server.close();
  }
}

function passedIds(run: SuiteRun): string[] {
  return Object.keys(run.status)
    .filter((id) => run.status[id] === 'passed')
    .sort();
}

function messageOf(run: SuiteRun, id: string): string {
  return run.tests.find((t) => t.meta.requirements?.[0] === id)?.errors.join('\n') ?? '';
}

describe('a collection that misbehaves', () => {
  it.each(CASES)(
    '%s: the run ends with a report naming the problem',
    async (behaviour, fails, message) => {
      const run = await runAgainst({ behaviour });

      expect({ failed: failedIds(run), errors: run.errors }).toEqual({ failed: fails, errors: [] });
      expect(messageOf(run, 'PB-COL-01')).toMatch(message);
      // Regression: the checks of embedded items passed with no page to look at.
      expect(passedIds(run)).toEqual(
        fails === NO_ANSWER ? DISCOVERY : ['PB-AUTH-02', ...DISCOVERY],
      );
    },
  );

  it('next links that never end: the page cap stops the walk', async () => {
    const run = await runAgainst({ behaviour: 'endless-pages' });

    // The server takes no token and answers POST 405: writes are skipped as not supported.
    expect({ failed: failedIds(run), errors: run.errors }).toEqual({
      failed: ['PB-AUTH-01', 'PB-COL-04'],
      errors: [],
    });
    expect(messageOf(run, 'PB-COL-04')).toMatch(
      'Following next MUST end, received more than 20 pages (the page cap)',
    );
  });
});

describe('other origins get neither the token nor the tests', () => {
  it('a redirect to another origin is followed without the token', async () => {
    const other = await startRecordingServer();
    try {
      const run = await runAgainst({ behaviour: 'hang', redirectTo: `${other.url}phonebanks` });

      expect(run.errors).toEqual([]);
      expect(other.requests.length).toBeGreaterThan(0);
      expect(other.requests.filter((r) => 'osdi-api-token' in r.headers)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  // Decision D26: the suite does not test a collection on another origin; it says why.
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:application/json,null'])(
    'an AEP linking its collection as %s fails PB-DISC-02, and nothing is fetched there',
    async (href) => {
      const run = await runAgainst({ behaviour: 'hang', collectionHref: href });

      expect({ failed: failedIds(run), errors: run.errors }).toEqual({
        failed: ['PB-DISC-02'],
        errors: [],
      });
      expect(run.tests.find((t) => t.name.startsWith('PB-DISC-02'))?.errors.join()).toContain(
        `by an http or https URL, received ${href}`,
      );
    },
  );

  it('an AEP linking its collection on another origin: nothing is sent there, the rest is skipped with the reason', async () => {
    const other = await startRecordingServer();
    try {
      const run = await runAgainst({ behaviour: 'hang', collectionHref: `${other.url}phonebanks` });
      const skipped = run.tests.filter((t) => t.state === 'skipped');

      expect({ failed: failedIds(run), errors: run.errors, sent: other.requests }).toEqual({
        failed: [],
        errors: [],
        sent: [],
      });
      expect(
        Object.keys(run.status)
          .filter((id) => run.status[id] === 'passed')
          .sort(),
      ).toEqual(['PB-DISC-01', 'PB-DISC-02', 'PB-DISC-03']);
      expect(
        skipped.every((t) =>
          t.meta.skipReason?.includes('the osdi:phonebanks link leads to another origin'),
        ),
      ).toBe(true);
      expect(run.tests.find((t) => t.name.startsWith('PB-DISC-02'))?.meta.notes?.join()).toMatch(
        /leads to another origin/,
      );
    } finally {
      await other.close();
    }
  });
});
