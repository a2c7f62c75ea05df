// Failure messages in the register of STYLE.md §9: the rule, then what was received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance, type RunResult } from '../src/runner/index.js';
import { startReferenceServer, type ReferenceServer } from '../src/server/index.js';

let server: ReferenceServer;
let result: RunResult;

beforeAll(async () => {
  server = await startReferenceServer({ faults: ['put-replaces'] });
  result = await runConformance({
    target: server.url,
    readOnly: false,
    timeoutMs: 5_000,
    consistencyWindowMs: 500,
    only: ['put'],
  });
});

afterAll(() => server.close());

describe('a PUT that replaces the Phonebank', () => {
  it('names the first three fields it removed, what they held, and how many more', () => {
    const put02 = result.requirements.find((r) => r.id === 'PB-PUT-02')!;

    expect(put02.status).toBe('failed');
    expect(put02.message).toMatch(
      /^A PUT of summary alone MUST leave the other fields unchanged, received origin_system was removed \(it was "osdi-conformance"\); name was removed \(it was "osdi-conformance [^"]+"\); title was removed \(it was "osdi-conformance [^"]+ test Phonebank"\) \(and \d+ more\)$/,
    );
  });
});
