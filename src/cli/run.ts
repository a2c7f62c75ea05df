import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  renderConsole,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
} from '../../reporters/index.js';
import { resolveRunOptions, SETTINGS, unknownVariables, type RunOptions } from '../config/index.js';
import {
  exitCodeOf,
  loadCatalogue,
  redactText,
  runConformance,
  type RunResult,
} from '../runner/index.js';
import { renderCatalogue } from './list.js';
import { createProgress } from './progress.js';
import { UsageError } from './usage-error.js';

/** Exit code of a run stopped by a signal: 128 + the signal's number, as a shell reports it. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * `osdi-conformance run`: test a target (or, with no --target, the built-in reference server),
 * print the console report, write the file reports asked for (JSON, JUnit, Markdown, HTML),
 * and return the exit code: 0 when no MUST failed (--strict: no SHOULD either), 1 when one
 * did, 130 when interrupted.
 */
export async function runCommand(argv: string[]): Promise<number> {
  let token: string | undefined;
  try {
    const options = resolveRunOptions(argv, process.env, process.cwd());
    token = options.token;
    for (const { name, meant } of unknownVariables(process.env))
      process.stderr.write(
        `osdi-conformance: warning: ${name} is not a setting${meant ? ` (did you mean ${meant}?)` : ''}; it is ignored\n`,
      );
    return await execute(options);
  } catch (error) {
    throw redacted(error, token);
  }
}

async function execute(options: RunOptions): Promise<number> {
  if (options.help) return print(runHelp());
  if (options.list) return print(renderCatalogue(loadCatalogue()));
  checkReportPaths(options);

  const result = await runAgainstTarget(options);
  print(redactText(renderConsole(result, { color: useColor() }), options.token));
  writeReports(result, options);
  exitSoon();
  return signalled.by ? SIGNAL_EXIT[signalled.by] : exitCodeOf(result, options.strict);
}

async function runAgainstTarget(options: RunOptions): Promise<RunResult> {
  const target = await openTarget(options);
  const interrupt = onInterrupt();
  const progress = process.stderr.isTTY ? createProgress(process.stderr) : undefined;
  try {
    return await runConformance({
      target: target.url,
      builtIn: target.builtIn,
      readOnly: options.readOnly,
      timeoutMs: options.timeoutMs,
      consistencyWindowMs: options.consistencyWindowMs,
      signal: interrupt.signal,
      ...optional(options, target.token),
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } finally {
    progress?.done();
    interrupt.dispose();
    await target.close();
  }
}

function optional(options: RunOptions, token: string | undefined) {
  return {
    ...(token ? { token } : {}),
    ...(options.collection ? { collection: options.collection } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.only ? { only: options.only } : {}),
  };
}

interface OpenTarget {
  url: string;
  token: string | undefined;
  builtIn: boolean;
  close(): Promise<void>;
}

/** The target given, or the built-in reference server on a free loopback port. */
async function openTarget(options: RunOptions): Promise<OpenTarget> {
  if (options.target)
    return { url: options.target, token: options.token, builtIn: false, close: async () => {} };

  const { startReferenceServer } = await import('../server/index.js');
  // The built-in server checks a token, so that the auth scenario has something to test.
  const token = options.token ?? randomBytes(12).toString('hex');
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1', profile: 'seed', token });
  return { url: server.url, token, builtIn: true, close: () => server.close() };
}

type Signal = keyof typeof SIGNAL_EXIT;

/** Set when a SIGINT or SIGTERM stopped the run. */
const signalled: { by?: Signal } = {};

/**
 * The first SIGINT or SIGTERM stops the suites; the run still cleans up and reports. A second
 * one exits at once.
 */
function onInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (signal: Signal) => {
    if (signalled.by) process.exit(SIGNAL_EXIT[signalled.by]);
    signalled.by = signal;
    process.stderr.write(
      '\nosdi-conformance: interrupted, cleaning up (Ctrl-C again to quit now)\n',
    );
    controller.abort();
  };
  for (const signal of Object.keys(SIGNAL_EXIT) as Signal[]) process.on(signal, handler);
  return {
    signal: controller.signal,
    dispose: () =>
      (Object.keys(SIGNAL_EXIT) as Signal[]).forEach((signal) => process.off(signal, handler)),
  };
}

/** A report written to a file: the option naming the file, and how to render it. */
interface FileReport {
  option: 'json' | 'junit' | 'markdown' | 'html';
  label: string;
  render(result: RunResult, options: RunOptions): string;
}

const FILE_REPORTS: readonly FileReport[] = [
  { option: 'json', label: 'JSON report', render: (result) => renderJson(result) },
  { option: 'junit', label: 'JUnit report', render: (result) => renderJunit(result) },
  {
    option: 'markdown',
    label: 'Markdown summary',
    render: (result, options) => renderMarkdown(result, { strict: options.strict }),
  },
  {
    option: 'html',
    label: 'HTML report',
    render: (result, options) => renderHtml(result, { strict: options.strict }),
  },
];

/** Every file report asked for, then the GitHub Actions step summary when there is one. */
function writeReports(result: RunResult, options: RunOptions): void {
  for (const report of FILE_REPORTS) {
    const file = options[report.option];
    if (!file) continue;
    // The result is redacted already; the rendered text is masked again all the same.
    writeReport(file, report.label, redactText(report.render(result, options), options.token));
  }
  appendStepSummary(result, options);
}

/**
 * Fails before the run, not after it, when a report could not be written: its path is a
 * directory, or its folder does not exist.
 */
function checkReportPaths(options: RunOptions): void {
  for (const report of FILE_REPORTS) {
    const file = options[report.option];
    if (!file) continue;
    const path = resolve(process.cwd(), file);
    const why = existsSync(path)
      ? statSync(path).isDirectory() && 'it is a directory'
      : !existsSync(dirname(path)) && `${dirname(path)} does not exist`;
    if (why) throw new UsageError(`cannot write the ${report.label} to ${path}: ${why}`);
  }
}

function writeReport(file: string, label: string, text: string): void {
  const path = resolve(process.cwd(), file);
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new UsageError(
      `cannot write the ${label} to ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  // On stderr, so that stdout stays the report and ends with its summary line.
  process.stderr.write(`${label} written to ${path}\n`);
}

/**
 * On GitHub Actions, $GITHUB_STEP_SUMMARY names a file whose Markdown is shown on the job's
 * page. A summary that cannot be appended is a warning, not a reason to hide the run's result.
 */
function appendStepSummary(result: RunResult, options: RunOptions): void {
  const path = process.env['GITHUB_STEP_SUMMARY'];
  if (!path) return;

  const markdown = renderMarkdown(result, { strict: options.strict });
  try {
    appendFileSync(path, redactText(markdown, options.token));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    process.stderr.write(
      `osdi-conformance: cannot append to GITHUB_STEP_SUMMARY ${path}: ${code}\n`,
    );
    return;
  }
  process.stderr.write(`Markdown summary appended to ${path}\n`);
}

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org). */
function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env['NO_COLOR'];
}

function print(text: string): 0 {
  process.stdout.write(text);
  return 0;
}

/** A worker or socket left open by a suite must not keep the process alive after the report. */
function exitSoon(): void {
  setTimeout(() => process.exit(), 2_000).unref();
}

function redacted(error: unknown, token: string | undefined): Error {
  if (error instanceof UsageError)
    return new UsageError(redactText(error.message, token), error.code);
  const e = error as Error;
  const copy = new Error(redactText(e?.message ?? String(error), token));
  copy.stack = redactText(e?.stack ?? copy.message, token);
  return copy;
}

function runHelp(): string {
  const flags = SETTINGS.map((s) => `--${s.flag}${s.placeholder ? ` <${s.placeholder}>` : ''}`);
  const width = Math.max(...flags.map((flag) => flag.length));
  const lines = SETTINGS.map(
    (s, i) => `  ${flags[i]!.padEnd(width)}  ${s.help}${s.env ? ` [${s.env}]` : ''}`,
  );
  return [
    'Usage: osdi-conformance run [--target <API entry point URL>] [options]',
    '',
    'Tests an OSDI Phonebank API against the requirement catalogue. With no --target, tests the',
    'built-in reference server. Flags override OSDI_* environment variables, which override',
    './osdi-conformance.config.json.',
    '',
    ...lines,
    '',
    'Reports: the console report goes to stdout; --json, --junit, --markdown and --html write',
    'files as well. When GITHUB_STEP_SUMMARY is set (GitHub Actions), the Markdown summary is',
    'appended to it.',
    '',
    'Exit status: 0 no MUST failed (--strict: no SHOULD either), 1 one did, 2 usage error or',
    'unreachable target, 130 interrupted.',
    '',
  ].join('\n');
}
