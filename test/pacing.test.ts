// --rate-limit paces the run: requests are spaced 1000 / rate ms apart. The pacer's clock is
// injected, so the tests read the waits it scheduled instead of measuring wall-clock time.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, Pacer, retryAfterMs, type Clock } from '../src/client/index.js';
import { startReferenceServer } from '../src/server/index.js';
import { runCli } from './helpers/cli.js';

/** A clock that stands still except when slept on, and remembers every sleep. */
function fakeClock(start = 1_000_000): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

describe('Pacer', () => {
  it('spaces requests one slot apart at the given rate', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(clock);

    for (let i = 0; i < 4; i++) await pacer.pace(4);

    expect(clock.sleeps).toEqual([250, 250, 250]);
  });

  it('gives concurrent requests successive slots', async () => {
    const waits: number[] = [];
    // Time stands still while the three wait together.
    const frozen: Clock = { now: () => 1_000_000, sleep: async (ms) => void waits.push(ms) };
    const pacer = new Pacer(frozen);

    await Promise.all([pacer.pace(2), pacer.pace(2), pacer.pace(2)]);

    expect(waits).toEqual([500, 1000]);
  });

  it('sends at once after an idle spell, and does not save up slots', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(clock);

    await pacer.pace(1);
    clock.advance(5000);
    await pacer.pace(1);
    await pacer.pace(1);

    expect(clock.sleeps).toEqual([1000]);
  });

  it('does not wait without a rate', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(clock);

    for (let i = 0; i < 3; i++) await pacer.pace(undefined);

    expect(clock.sleeps).toEqual([]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds or an HTTP date against the given time, within the cap', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');

    expect(retryAfterMs('3', 10_000, now)).toBe(3000);
    expect(retryAfterMs('Tue, 01 Jan 2030 00:00:04 GMT', 10_000, now)).toBe(4000);
    expect(retryAfterMs('99999', 10_000, now)).toBe(10_000);
    expect(retryAfterMs(undefined, 10_000, now)).toBe(1000);
  });
});

describe('HttpClient with a rate limit', () => {
  let server: Server;
  let url: string;
  const answers: number[] = [];

  beforeAll(async () => {
    server = createServer((_req, res) => {
      const status = answers.shift() ?? 200;
      const headers = status === 429 ? { 'retry-after': '2' } : {};
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('waits its slot before each request', async () => {
    const clock = fakeClock();
    const client = new HttpClient({ target: url, timeoutMs: 1000, rateLimit: 5, clock });

    for (let i = 0; i < 3; i++) await client.get(url);

    expect(clock.sleeps).toEqual([200, 200]);
  });

  it('waits the Retry-After of a 429, then its slot, and tries again', async () => {
    const clock = fakeClock();
    const client = new HttpClient({ target: url, timeoutMs: 1000, rateLimit: 5, clock });
    answers.push(429);

    const exchange = await client.get(url);

    expect(exchange.response?.status).toBe(200);
    // The retry's slot (200 ms after the first request) has passed during the 2 s wait.
    expect(clock.sleeps).toEqual([2000]);
  });
});

describe('osdi-conformance run --rate-limit', () => {
  it('passes against the reference server', async () => {
    const server = await startReferenceServer({ profile: 'seed' });
    try {
      const { code, stdout } = await runCli(['run', '--target', server.url, '--rate-limit', '200']);

      expect(stdout).toMatch(/\d+ passed, 0 failed, \d+ skipped/);
      expect(code).toBe(0);
    } finally {
      await server.close();
    }
  });
});
