import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Requirement } from '../src/requirements/types.js';
import {
  exitCodeOf,
  runConformance,
  type ProgressEvent,
  type RunResult,
  type RunnerOptions,
} from '../src/runner/index.js';
import { validate } from '../src/schemas/index.js';
import {
  startRecordingServer,
  type Recorded,
  type RecordingServer,
} from './helpers/recording-server.js';

const TOKEN = 'tok-5ecret-a1b2c3';

function requirement(
  id: string,
  scenario: string,
  level: Requirement['level'] = 'MUST',
): Requirement {
  return {
    id,
    level,
    title: `title of ${id}`,
    source: { file: 'phone_bank.md', section: 'Fixture' },
    sentence: `The sentence of ${id}.`,
    scenario,
    writes: false,
  };
}

const CATALOGUE: Requirement[] = [
  requirement('FX-A-01', 'alpha'),
  requirement('FX-A-02', 'alpha', 'SHOULD'),
  requirement('FX-A-03', 'alpha'),
  requirement('FX-A-04', 'alpha'),
  requirement('FX-B-01', 'broken'),
  requirement('FX-C-01', 'gamma', 'MAY'),
];

// The fixture suites journal things/N without a mark: GET finding nothing there lets the
// cleanup DELETE it (a 200 that is not the run's own would keep it from doing so).
const thingsGone = (r: Recorded) =>
  r.method === 'DELETE' ? 204 : r.method === 'GET' && r.url.includes('/things/') ? 404 : 200;

let server: RecordingServer;

beforeEach(async () => {
  server = await startRecordingServer(thingsGone);
});

afterEach(async () => {
  await server.close();
});

function options(extra: Partial<RunnerOptions> = {}): RunnerOptions {
  return {
    target: server.url,
    token: TOKEN,
    readOnly: false,
    timeoutMs: 2_000,
    consistencyWindowMs: 0,
    requirements: CATALOGUE,
    suites: { dir: join(import.meta.dirname, 'fixtures-suites'), suffix: '.suite.ts' },
    ...extra,
  };
}

function statuses(result: RunResult): Record<string, string> {
  return Object.fromEntries(
    result.requirements.map((r) => [r.id, `${r.status}: ${r.message ?? ''}`]),
  );
}

describe('runConformance on fixture suites', () => {
  it('joins test outcomes to the catalogue, one status per requirement', async () => {
    const result = await runConformance(options());

    expect(statuses(result)).toEqual({
      'FX-A-01': 'passed: ',
      'FX-A-02': 'failed: MUST answer 200, received 500 (sent ***)',
      'FX-A-03': 'skipped: not supported by the target: POST answered 405',
      'FX-A-04': 'passed: ',
      'FX-B-01': 'failed: the broken suite could not run: setup exploded',
      'FX-C-01': 'skipped: no suite checks this scenario',
    });
    expect(result.summary).toEqual({ passed: 2, failed: 2, skipped: 2 });
    expect(result.requirements[0]!.notes).toEqual(['held at once']);
    expect(result.fieldSupport).toEqual({ name: 'supported', title: 'not-supported' });
  });

  it('deletes what the suites left, with the token, on the target origin only', async () => {
    const result = await runConformance(options());

    const deletes = server.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => [r.url, r.headers['osdi-api-token']])).toEqual([
      ['/api/v1/things/1', TOKEN],
    ]);
    expect(result.cleanup).toEqual({
      created: 3,
      deleted: 2,
      leftOver: ['http://elsewhere.invalid/things/3'],
    });
  });

  it('keeps the token out of the result even when a suite leaks it', async () => {
    const result = await runConformance(options());

    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(result.requirements[1]!.evidence).toEqual({
      request: {
        method: 'GET',
        url: `${server.url}?osdi-api-token=***`,
        headers: { 'OSDI-API-Token': '***' },
      },
      response: { status: 500, body: { error: 'boom', echo: '***' } },
    });
  });

  it('produces a report that validates against report.schema.json', async () => {
    const result = await runConformance(options());

    expect(validate('report.schema.json', result).errors).toEqual([]);
  });

  it('marks the requirements of scenarios left out by --only as not selected', async () => {
    const result = await runConformance(options({ only: ['broken'] }));

    expect(statuses(result)).toMatchObject({
      'FX-A-01': 'skipped: not selected',
      'FX-C-01': 'skipped: not selected',
    });
    expect(server.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  });

  it('runs the suites one after the other in the order asked for, reporting progress', async () => {
    const events: ProgressEvent[] = [];

    await runConformance(
      options({ only: ['broken', 'alpha'], onProgress: (event) => events.push(event) }),
    );

    expect(events.filter((e) => e.kind !== 'test')).toEqual([
      { kind: 'scenario', scenario: 'broken' },
      { kind: 'scenario', scenario: 'alpha' },
      { kind: 'cleanup', count: 2 },
    ]);
    expect(
      events
        .filter((e) => e.kind === 'test')
        .map((e) => e.kind === 'test' && `${e.name}: ${e.state}`),
    ).toEqual([
      'FX-B-01 never runs: skipped',
      'FX-A-01 passes: passed',
      'FX-A-02 fails with evidence: failed',
      'FX-A-03 skipped: skipped',
      'FX-A-04 creates resources and deletes one of them: passed',
    ]);
  });

  it('refuses an unknown --only scenario before sending a request', async () => {
    await expect(runConformance(options({ only: ['nope'] }))).rejects.toThrow(
      'unknown scenario "nope" in --only (known: alpha, broken, gamma)',
    );
    expect(server.requests).toEqual([]);
  });

  it('exits 1 on a failed MUST, and on a failed SHOULD only when strict', async () => {
    const result = await runConformance(options({ only: ['alpha'] }));

    expect(exitCodeOf(result, false)).toBe(0);
    expect(exitCodeOf(result, true)).toBe(1);
  });
});
