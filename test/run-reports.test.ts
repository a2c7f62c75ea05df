import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRunOptions } from '../src/config/index.js';
import { REQUIREMENTS } from '../src/requirements/catalogue.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { allElements, parseXml } from './helpers/xml.js';

const SECRET = 'sekrit-4b1d-report-token';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'osdi-reports-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('osdi-conformance run --junit --markdown --html (compiled CLI, built-in server)', () => {
  let run: CliResult;
  const file = (name: string) => join(dir, name);
  const read = (name: string) => readFileSync(file(name), 'utf8');

  beforeAll(async () => {
    writeFileSync(file('step-summary.md'), 'an earlier step\n');
    run = await runCli(
      [
        'run',
        '--token',
        SECRET,
        '--junit',
        'report.xml',
        '--markdown',
        'summary.md',
        '--html',
        'report.html',
      ],
      { cwd: dir, env: { GITHUB_STEP_SUMMARY: file('step-summary.md') } },
    );
  });

  it('writes each report, names each on stderr and exits 0', () => {
    expect(run.stderr.split('\n')).toEqual([
      `JUnit report written to ${file('report.xml')}`,
      `Markdown summary written to ${file('summary.md')}`,
      `HTML report written to ${file('report.html')}`,
      `Markdown summary appended to ${file('step-summary.md')}`,
      '',
    ]);
    expect(run.code).toBe(0);
  });

  it('writes a JUnit case for every requirement of the catalogue, none failed', () => {
    const root = parseXml(read('report.xml'));

    const cases = allElements(root).filter(
      (e) => e.name === 'testcase' && e.attributes['classname'] !== 'osdi-conformance.tool',
    );
    expect(cases.map((c) => c.attributes['name']!.split(' ')[0])).toEqual(
      REQUIREMENTS.map((r) => r.id),
    );
    expect(root.attributes).toMatchObject({ name: 'osdi-conformance', failures: '0' });
  });

  it('writes a passing Markdown summary and appends the same to the step summary', () => {
    const summary = read('summary.md');

    expect(summary.split('\n')[0]).toMatch(
      /^## ✅ OSDI conformance: passed \(\d+ passed, 0 failed, \d+ skipped\)$/,
    );
    expect(read('step-summary.md')).toBe(`an earlier step\n${summary}`);
  });

  it('writes a well-formed HTML page with an article per requirement', () => {
    const root = parseXml(read('report.html'));

    const articles = allElements(root).filter((e) => e.name === 'article');
    expect(articles.map((a) => a.attributes['id'])).toEqual(REQUIREMENTS.map((r) => `req-${r.id}`));
  });

  it('keeps the token out of every report', () => {
    const all = ['report.xml', 'summary.md', 'report.html', 'step-summary.md'].map(read);

    expect(all.join('\n') + run.stdout + run.stderr).not.toContain(SECRET);
  });
});

describe('run report failures', () => {
  // Checked before the run, which would otherwise send every request (and its writes) first.
  it('exits 2 with one line, before the run, when a report cannot be written', async () => {
    const missing = join(dir, 'no-such-dir', 'report.xml');

    const absent = await runCli(['run', '--only', 'discovery', '--junit', missing]);
    const folder = await runCli(['run', '--only', 'discovery', '--json', dir]);

    expect([absent.code, absent.stdout, absent.stderr]).toEqual([
      2,
      '',
      `osdi-conformance: cannot write the JUnit report to ${missing}: ${join(dir, 'no-such-dir')} does not exist\n`,
    ]);
    expect([folder.code, folder.stdout, folder.stderr]).toEqual([
      2,
      '',
      `osdi-conformance: cannot write the JSON report to ${dir}: it is a directory\n`,
    ]);
  });

  it('warns, and keeps the exit code, when the step summary cannot be appended', async () => {
    const missing = join(dir, 'no-such-dir', 'summary.md');

    const { code, stderr } = await runCli(['run', '--only', 'discovery'], {
      env: { GITHUB_STEP_SUMMARY: missing },
    });

    expect(stderr).toBe(
      `osdi-conformance: cannot append to GITHUB_STEP_SUMMARY ${missing}: ENOENT\n`,
    );
    expect(code).toBe(0);
  });
});

describe('report settings', () => {
  it('reads the report files from flags over OSDI_* variables over the config file', () => {
    const cwd = mkdtempSync(join(dir, 'config-'));
    writeFileSync(
      join(cwd, 'osdi-conformance.config.json'),
      '{ "junit": "file.xml", "markdown": "file.md", "html": "file.html" }',
    );
    const env = { OSDI_MARKDOWN: 'env.md', OSDI_HTML: 'env.html' };

    const options = resolveRunOptions(['--html', 'flag.html'], env, cwd);

    expect(options).toMatchObject({ junit: 'file.xml', markdown: 'env.md', html: 'flag.html' });
  });

  it('lists the report flags in run --help', async () => {
    const { stdout } = await runCli(['run', '--help']);

    expect(stdout).toContain('  --junit <file>');
    expect(stdout).toContain('  --markdown <file>');
    expect(stdout).toContain('  --html <file>');
    expect(stdout).toContain('[OSDI_JUNIT]');
  });
});
