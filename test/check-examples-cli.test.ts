import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

const CLI = resolve('dist/src/cli/main.js');
const SPEC = resolve('fixtures/spec');
const EXAMPLES = resolve('fixtures/check-examples');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  // Without GITHUB_ACTIONS unless a test sets it, whatever CI runs these tests.
  const env = { ...process.env, GITHUB_ACTIONS: '', ...options.env };
  const child = spawn(process.execPath, [CLI, 'check-examples', ...args], {
    cwd: options.cwd ?? SPEC,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

const lines = (text: string) => text.trimEnd().split('\n');
const scratch = mkdtempSync(join(tmpdir(), 'osdi-check-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.concurrent('osdi-conformance check-examples', () => {
  it('prints each finding compiler-style, then a summary, and exits 1 on errors', async () => {
    const result = await run(['phone_bank.md']);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const out = lines(result.stdout);
    expect(out).toHaveLength(35);
    expect(out).toContain(
      'phone_bank.md:169:17: error date-time-format /_embedded/osdi:phone_bank/0/start_time "2018-02-19T8:00:00Z" is not a valid date-time',
    );
    expect(out).toContain(
      'phone_bank.md:399:1: info response-code errors.md lists 201 for create; 200 is also used by the page',
    );
    expect(out.at(-1)).toBe('31 errors, 1 warning, 2 infos in 1 file');
  });

  it('prints only the summary and exits 0 for a clean page', async () => {
    const result = await run([join(EXAMPLES, 'clean.md'), join(EXAMPLES, 'small-clean.md')]);

    expect(result).toEqual({
      code: 0,
      stdout: '0 errors, 0 warnings, 0 infos in 2 files\n',
      stderr: '',
    });
  });

  it('exits 0 on warnings alone and 1 with --strict', async () => {
    const page = join(EXAMPLES, 'one-problem', 'flexenum-value.md');

    const plain = await run([page]);
    const strict = await run([page, '--strict']);

    expect(plain.code).toBe(0);
    expect(lines(plain.stdout).at(-1)).toBe('0 errors, 1 warning, 0 infos in 1 file');
    expect(strict.code).toBe(1);
  });

  it('exits 2 with one line on stderr for a missing file', async () => {
    const result = await run(['phone_bank.md', 'no-such-page.md']);

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'osdi-conformance: check-examples: no such file: no-such-page.md\n',
    });
  });

  it('exits 2 without files and on an unknown option', async () => {
    const none = await run([]);
    const unknown = await run(['phone_bank.md', '--colour']);

    expect([none.code, lines(none.stderr).length]).toEqual([2, 1]);
    expect([unknown.code, lines(unknown.stderr).length]).toEqual([2, 1]);
    expect(unknown.stderr).toContain('--colour');
  });

  it('writes --json output that findings.schema.json describes', async () => {
    const file = join(scratch, 'findings.json');

    const result = await run(['phone_bank.md', '--json', file]);

    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      files: string[];
      findings: { line: number }[];
    };
    expect(result.code).toBe(1);
    expect(lines(result.stdout).at(-1)).toBe(`wrote ${file}`);
    expect(validate('findings.schema.json', report)).toEqual({ valid: true, errors: [] });
    expect(report.files).toEqual(['phone_bank.md']);
    expect(report.findings).toHaveLength(34);
    expect(report.findings[5]).toEqual({
      file: 'phone_bank.md',
      line: 169,
      column: 17,
      example: 'Scenario: Retrieving a collection of Phonebank resources (GET) > Response',
      pointer: '/_embedded/osdi:phone_bank/0/start_time',
      code: 'date-time-format',
      severity: 'error',
      message: '"2018-02-19T8:00:00Z" is not a valid date-time',
    });
  });

  it('adds GitHub Actions annotations when GITHUB_ACTIONS is true', async () => {
    const result = await run(['phone_bank.md'], { env: { GITHUB_ACTIONS: 'true' } });

    const annotations = lines(result.stdout).filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(34);
    expect(annotations).toContain(
      '::error file=phone_bank.md,line=169,col=17::date-time-format /_embedded/osdi:phone_bank/0/start_time "2018-02-19T8:00:00Z" is not a valid date-time',
    );
    expect(annotations).toContain(
      '::warning file=phone_bank.md,line=421,col=5::flexenum-value /status ' + flexenumMessage,
    );
    expect(annotations).toContain(
      '::notice file=phone_bank.md,line=560,col=1::response-code errors.md lists 204 for delete; 200 is also used by the page',
    );
  });
});

const flexenumMessage =
  '"pending" is not a documented status value ("draft", "paused", "scheduled", "started", "stopped"); a flexenum allows it, but examples should use a listed value';
