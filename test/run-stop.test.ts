import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConformance, type RunnerOptions } from '../src/runner/index.js';
import {
  startRecordingServer,
  type Recorded,
  type RecordingServer,
} from './helpers/recording-server.js';

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

function options(extra: Partial<RunnerOptions>): RunnerOptions {
  return {
    target: server.url,
    readOnly: false,
    timeoutMs: 1_000,
    consistencyWindowMs: 0,
    requirements: [
      {
        id: 'FX-H-01',
        level: 'MUST',
        title: 'hangs',
        source: { file: 'f.md', section: 's' },
        sentence: '',
        scenario: 'hang',
        writes: true,
      },
    ],
    suites: { dir: join(import.meta.dirname, 'fixtures-slow-suites'), suffix: '.suite.ts' },
    testTimeoutMs: 60_000,
    ...extra,
  };
}

function deletes(): string[] {
  return server.requests.filter((r) => r.method === 'DELETE').map((r) => r.url);
}

describe('a run that does not finish on its own', () => {
  it('fails a test that exceeds the test timeout and still cleans up', async () => {
    const result = await runConformance(options({ testTimeoutMs: 300 }));

    expect(result.requirements[0]).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('Test timed out in 300ms'),
    });
    expect(deletes()).toEqual(['/api/v1/things/9']);
  });

  it('stops at the deadline, fails what was not checked and cleans up', async () => {
    const result = await runConformance(options({ deadlineMs: 1_000 }));

    expect(result.stopped).toBe('deadline');
    expect(result.requirements[0]).toMatchObject({ status: 'failed' });
    expect(result.cleanup).toEqual({ created: 1, deleted: 1, leftOver: [] });
  });

  it('stops when interrupted, skips what was not checked and cleans up', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1_000);

    const result = await runConformance(options({ signal: controller.signal }));

    expect(result.stopped).toBe('interrupted');
    expect(result.requirements[0]).toMatchObject({
      status: 'skipped',
      message: 'not run: the run was interrupted',
    });
    expect(deletes()).toEqual(['/api/v1/things/9']);
  });
});
