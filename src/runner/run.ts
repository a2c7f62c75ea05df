import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { ConformanceReport } from '../generated/schemas.js';
import { UsageError } from '../cli/usage-error.js';
import { packageVersion } from '../package-root.js';
import type { Requirement } from '../requirements/types.js';
import { aggregate } from './aggregate.js';
import { loadCatalogue, scenariosOf } from './catalogue.js';
import { cleanUp } from './cleanup.js';
import { createJournal, readJournal, removeJournal } from './journal.js';
import type { ProgressEvent, SuiteOutcomes } from './outcome.js';
import { probeTarget } from './probe.js';
import { redactDeep } from './redact.js';
import { defaultSuiteLocation, listSuites, type SuiteLocation } from './suites.js';
import type { SuiteConfig } from './types.js';
import { runSuites } from './vitest-session.js';

/** The result tree of a run, from which every reporter renders (report.schema.json). */
export type RunResult = ConformanceReport;

/** What `runConformance` needs; the CLI builds it from flags, environment and config file. */
export interface RunnerOptions {
  /** API Entry Point URL. */
  target: string;
  collection?: string;
  token?: string;
  readOnly: boolean;
  timeoutMs: number;
  consistencyWindowMs: number;
  rateLimit?: number;
  /** Scenario names to run; all when absent. Unknown names are a UsageError. */
  only?: string[];
  /** True when the target is the built-in reference server. */
  builtIn?: boolean;
  /** The catalogue. @default REQUIREMENTS from src/requirements/catalogue.ts */
  requirements?: readonly Requirement[];
  /** Where the suites are. @default dist/suites/*.test.js of this package */
  suites?: SuiteLocation;
  /** Most requests spent following links of Phonebanks. @default 20 */
  linkBudget?: number;
  /** Most collection pages walked. @default 100 */
  pageCap?: number;
  /** vitest testTimeout. @default derived from timeoutMs, consistencyWindowMs and rateLimit */
  testTimeoutMs?: number;
  /** The whole run stops after this long. @default 30 minutes */
  deadlineMs?: number;
  /** Aborting stops the suites; the run still cleans up and returns its result. */
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

const DEFAULT_DEADLINE_MS = 30 * 60_000;
// Requests one test may reasonably make (a collection walk, a write and its re-reads).
const REQUESTS_PER_TEST = 60;

/**
 * Runs the selected scenario suites against the target, deletes what they left behind and
 * returns the result tree. Throws a UsageError for an unknown scenario or an unreachable
 * target; conformance failures are data in the result.
 */
export async function runConformance(options: RunnerOptions): Promise<RunResult> {
  const startedAt = new Date();
  const plan = planRun(options);
  if (!options.builtIn) await probeTarget(options.target, options.token, options.timeoutMs);

  const config = suiteConfig(options);
  const outcomes = await runAndCleanUp(options, config, plan.files, plan.location);

  const result = buildResult(options, plan, config.runId, outcomes, startedAt);
  return redactDeep(result, options.token);
}

/** What a run covers: the catalogue, the suite files and the scenarios selected among them. */
interface Plan {
  catalogue: readonly Requirement[];
  location: SuiteLocation;
  suites: Map<string, string>;
  selected: Set<string>;
  /** The suite files to run, in catalogue (or --only) order. */
  files: string[];
}

function planRun(options: RunnerOptions): Plan {
  const catalogue = options.requirements ?? loadCatalogue();
  const location = options.suites ?? defaultSuiteLocation();
  const suites = listSuites(location);
  const selected = selectScenarios(options.only, catalogue, suites);
  const files = [...selected].flatMap((scenario) => suites.get(scenario) ?? []);
  return { catalogue, location, suites, selected, files };
}

function buildResult(
  options: RunnerOptions,
  plan: Plan,
  runId: string,
  outcomes: RunOutcomes,
  startedAt: Date,
): RunResult {
  const { requirements, fieldSupport, toolErrors } = aggregate(plan.catalogue, outcomes, {
    selected: plan.selected,
    withSuite: new Set(plan.suites.keys()),
    readOnly: options.readOnly,
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
  });

  return {
    tool: { name: 'osdi-conformance', version: packageVersion() },
    target: options.target,
    ...(options.collection ? { collection: options.collection } : {}),
    builtIn: options.builtIn ?? false,
    runId,
    readOnly: options.readOnly,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    ...(outcomes.stopped ? { stopped: outcomes.stopped } : {}),
    summary: summarise(requirements),
    requirements,
    fieldSupport,
    cleanup: outcomes.cleanup,
    ...(toolErrors.length > 0 ? { toolErrors } : {}),
  };
}

function selectScenarios(
  only: string[] | undefined,
  catalogue: readonly Requirement[],
  suites: Map<string, string>,
): Set<string> {
  const known = [...new Set([...scenariosOf(catalogue), ...suites.keys()])];
  if (!only) return new Set(known);

  const unknown = only.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown scenario "${unknown[0]}" in --only (known: ${[...known].sort().join(', ')})`,
    );
  }
  return new Set(only);
}

function suiteConfig(options: RunnerOptions): SuiteConfig {
  const runId = `${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
  return {
    target: options.target,
    ...(options.collection ? { collection: options.collection } : {}),
    ...(options.token ? { token: options.token } : {}),
    readOnly: options.readOnly,
    timeoutMs: options.timeoutMs,
    consistencyWindowMs: options.consistencyWindowMs,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    runId,
    journalPath: createJournal(runId),
    linkBudget: options.linkBudget ?? 20,
    pageCap: options.pageCap ?? 100,
  };
}

type RunOutcomes = SuiteOutcomes & { cleanup: RunResult['cleanup'] };

/** Runs the suites, then always deletes what they created, even when vitest itself failed. */
async function runAndCleanUp(
  options: RunnerOptions,
  config: SuiteConfig,
  files: string[],
  location: SuiteLocation,
): Promise<RunOutcomes> {
  const outcomes = await runSafely(options, config, files, location);

  const journal = readJournal(config.journalPath);
  const pending = journal.created.filter((url) => !journal.deleted.has(url));
  options.onProgress?.({ kind: 'cleanup', count: pending.length });
  const cleanup = await cleanUp(journal, { ...options, runId: config.runId });
  removeJournal(config.journalPath);
  return { ...outcomes, cleanup };
}

/** Runs the suites; when vitest itself fails, every suite that was to run counts as failed. */
async function runSafely(
  options: RunnerOptions,
  config: SuiteConfig,
  files: string[],
  location: SuiteLocation,
): Promise<SuiteOutcomes> {
  const empty: SuiteOutcomes = { tests: [], modules: [], unhandled: [] };
  if (files.length === 0) return empty;

  try {
    return await runSuites(sessionOptions(options, config, files, location));
  } catch (error) {
    // Reported once per suite, as a tool error, by aggregate().
    const message = `the suites could not be run: ${(error as Error)?.message ?? String(error)}`;
    const scenario = (file: string) => basename(file).slice(0, -location.suffix.length);
    const modules = files.map((file) => ({ scenario: scenario(file), errors: [message] }));
    return { ...empty, modules };
  }
}

function sessionOptions(
  options: RunnerOptions,
  config: SuiteConfig,
  files: string[],
  location: SuiteLocation,
) {
  return {
    root: location.dir,
    files,
    suffix: location.suffix,
    config,
    testTimeoutMs: options.testTimeoutMs ?? testTimeout(options),
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}

/** A bound on one test that only a stuck test reaches: the client times out each request itself. */
function testTimeout(options: RunnerOptions): number {
  const perRequest = options.timeoutMs + (options.rateLimit ? 1000 / options.rateLimit : 0);
  return Math.max(
    30_000,
    Math.round(perRequest * REQUESTS_PER_TEST + options.consistencyWindowMs * 4),
  );
}

function summarise(requirements: RunResult['requirements']): RunResult['summary'] {
  const count = (status: string) => requirements.filter((r) => r.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

/** 0 when no MUST failed (with strict, no SHOULD either); 1 otherwise. */
export function exitCodeOf(result: RunResult, strict: boolean): 0 | 1 {
  const failing = result.requirements.filter((r) => r.status === 'failed');
  const counts = (r: { level: string }) => r.level === 'MUST' || (strict && r.level === 'SHOULD');
  return failing.some(counts) ? 1 : 0;
}
