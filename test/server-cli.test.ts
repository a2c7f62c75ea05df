// `osdi-conformance serve`, run as a user would: the built CLI in a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAULTS } from '../src/index.js';
import { packageRoot } from '../src/package-root.js';
import { request } from './server-helpers.js';

const MAIN = join(packageRoot(), 'dist/src/cli/main.js');

function runSync(...args: string[]) {
  return spawnSync(process.execPath, [MAIN, 'serve', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
  });
}

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Starts `serve` and resolves with the API Entry Point URL it prints. */
async function startServe(
  args: string[],
  env = process.env,
): Promise<{ url: string; stderr: () => string }> {
  child = spawn(process.execPath, [MAIN, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    child!.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /http:\/\/\S+\/api\/v1\//.exec(stdout);
      if (match) resolve(match[0]);
    });
    child!.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { url, stderr: () => stderr };
}

describe('osdi-conformance serve', () => {
  it('--list-faults prints each fault with its one line and exits 0', () => {
    const result = runSync('--list-faults');

    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(FAULTS.map((f) => f.name));
    expect(lines[0]).toContain(FAULTS[0].description);
  });

  it('--port 0 prints the API Entry Point URL with the port it got, serves it, and stops on SIGTERM', async () => {
    const { url } = await startServe(['--port', '0', '--profile', 'rest']);

    const aep = await request(url);
    child!.kill('SIGTERM');
    const [code] = await once(child!, 'exit');

    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/api\/v1\/$/);
    expect(aep.status).toBe(200);
    expect(aep.body._links['osdi:phonebanks'].href).toBe('/api/v1/phonebanks');
    expect(code).toBe(0);
  });

  it('takes the token from OSDI_API_TOKEN and logs requests without it', async () => {
    const env = { ...process.env, OSDI_API_TOKEN: 'env-token-123' };
    const { url, stderr } = await startServe(['--port', '0', '--log'], env);

    const without = await request(url);
    const withToken = await request(url, { headers: { 'OSDI-API-Token': 'env-token-123' } });
    child!.kill('SIGINT');
    await once(child!, 'exit');

    expect([without.status, withToken.status]).toEqual([401, 200]);
    expect(stderr()).toContain('GET /api/v1/ 401');
    expect(stderr()).not.toContain('env-token-123');
  });

  it.each([
    [['--port', 'eighty']],
    [['--profile', 'soap']],
    [['--fault', 'no-such-fault']],
    [['--no-such-flag']],
    [['--seed', '-1']],
  ])('rejects %j with one line on stderr and exit code 2', (args) => {
    const result = runSync(...args);

    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^osdi-conformance: serve: /);
  });

  it('--help prints the options and exits 0', () => {
    const result = runSync('--help');

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--list-faults');
  });
});
