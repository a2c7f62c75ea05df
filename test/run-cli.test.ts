import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUIREMENTS } from '../src/requirements/catalogue.js';
import { startReferenceServer } from '../src/server/index.js';
import { packageVersion } from '../src/package-root.js';
import { validate } from '../src/schemas/index.js';
import { closedPort, runCli, startCli } from './helpers/cli.js';
import { startRecordingServer, type RecordingServer } from './helpers/recording-server.js';

const SECRET = 'sekrit-7f3a9c2e-token';

describe('osdi-conformance run (compiled CLI)', () => {
  let server: RecordingServer;
  let dir: string;

  beforeAll(async () => {
    server = await startRecordingServer();
    dir = mkdtempSync(join(tmpdir(), 'osdi-cli-'));
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints its usage with --help and exits 0', async () => {
    const { code, stdout } = await runCli(['run', '--help']);

    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'Usage: osdi-conformance run [--target <API entry point URL>] [options]',
    );
    expect(stdout).toContain('  --consistency-window <ms>');
  });

  it('prints its version with --version', async () => {
    expect(await runCli(['--version'])).toEqual({
      code: 0,
      stdout: `${packageVersion()}\n`,
      stderr: '',
    });
  });

  it('lists the catalogue with --list without sending a request', async () => {
    const { code, stdout } = await runCli(['run', '--list', '--target', server.url]);

    expect(code).toBe(0);
    expect(
      stdout
        .split('\n')
        .slice(0, REQUIREMENTS.length)
        .map((line) => line.split(/\s+/).slice(0, 2)),
    ).toEqual(REQUIREMENTS.map((r) => [r.id, r.level]));
    expect(server.requests).toEqual([]);
  });

  it.each([
    [
      ['run', '--timeout', 'soon'],
      '--timeout must be a whole number of milliseconds above 0, got "soon"',
    ],
    [['run', '--target', 'nowhere'], '--target must be an http or https URL, got "nowhere"'],
    [['run', '--only', 'discovery,nope'], 'unknown scenario "nope" in --only (known: '],
    [['run', '--frobnicate'], 'unknown option --frobnicate (try run --help)'],
  ])('exits 2 with one line on stderr for %j', async (args, message) => {
    const { code, stdout, stderr } = await runCli([
      ...args,
      ...(args.includes('--target') ? [] : ['--target', server.url]),
    ]);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      expect.stringContaining(`osdi-conformance: ${message}`),
      '',
    ]);
  });

  it('exits 2 with one line when the target cannot be reached, token masked', async () => {
    const target = `http://127.0.0.1:${await closedPort()}/api/?osdi-api-token=${SECRET}`;

    const { code, stdout, stderr } = await runCli(['run', '--target', target], {
      env: { OSDI_API_TOKEN: SECRET },
    });

    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(
      /^osdi-conformance: cannot reach http:\/\/127\.0\.0\.1:\d+\/api\/\?osdi-api-token=\*\*\*: ECONNREFUSED\n$/,
    );
  });

  it('reads the target and token from OSDI_TARGET and OSDI_API_TOKEN', async () => {
    const { code } = await runCli(['run', '--only', 'discovery'], {
      env: { OSDI_TARGET: server.url, OSDI_API_TOKEN: SECRET },
    });

    expect(code).not.toBe(2);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/api/v1/' });
    expect(server.requests[0]!.headers['osdi-api-token']).toBe(SECRET);
  });

  it('tests the built-in reference server with no target, keeping the token out of every output', async () => {
    const json = join(dir, 'report.json');

    const { code, stdout, stderr } = await runCli(['run', '--token', SECRET, '--json', json]);

    const report: unknown = JSON.parse(readFileSync(json, 'utf8'));
    expect(validate('report.schema.json', report).errors).toEqual([]);
    expect(report).toMatchObject({
      builtIn: true,
      summary: { failed: 0 },
      cleanup: { leftOver: [] },
    });
    expect((report as { summary: { passed: number } }).summary.passed).toBeGreaterThan(0);
    expect(stdout).toMatch(/\n\d+ passed, 0 failed, \d+ skipped\n$/);
    expect(stderr).toBe(`JSON report written to ${json}\n`);
    expect(code).toBe(0);
    expect(stdout + stderr + readFileSync(json, 'utf8')).not.toContain(SECRET);
  });
});

describe('osdi-conformance run against the reference server', () => {
  it('passes every requirement it checks on the rest profile', async () => {
    const server = await startReferenceServer({
      port: 0,
      host: '127.0.0.1',
      profile: 'rest',
      token: SECRET,
    });
    try {
      const { code, stdout } = await runCli(['run', '--target', server.url], {
        env: { OSDI_API_TOKEN: SECRET },
      });

      expect(stdout).toMatch(/\n\d+ passed, 0 failed, \d+ skipped\n$/);
      expect(code).toBe(0);
      expect(stdout).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });
});

describe('osdi-conformance run interrupted', () => {
  it('stops on SIGINT, still reports, and exits 130', async () => {
    // The AEP probe is answered; every later request hangs, as on a stuck server.
    const server = await startRecordingServer((r) =>
      server.requests.indexOf(r) === 0 ? 200 : 'hang',
    );
    try {
      const { child, done } = startCli(['run', '--target', server.url]);
      await vi.waitFor(() => expect(server.requests.length).toBeGreaterThan(1), {
        timeout: 10_000,
        interval: 50,
      });

      child.kill('SIGINT');
      const { code, stdout, stderr } = await done;

      expect(code).toBe(130);
      expect(stderr).toContain('osdi-conformance: interrupted, cleaning up');
      expect(stdout.split('\n')[1]).toMatch(/^run \S+ · interrupted$/);
      expect(stdout).toMatch(/\n0 passed, 0 failed, \d+ skipped\n$/);
    } finally {
      await server.close();
    }
  });
});
