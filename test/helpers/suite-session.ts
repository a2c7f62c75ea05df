import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  createVitest,
  type TestCase,
  type TestModule,
  type TestSpecification,
  type Vitest,
} from 'vitest/node';
import type { CleanupReport } from '../../src/generated/schemas.js';
import { REQUIREMENTS } from '../../src/requirements/catalogue.js';
import { cleanUp } from '../../src/runner/cleanup.js';
import { readJournal as journalState, type JournalLine } from '../../src/runner/journal.js';
import type { SuiteConfig, TestMeta } from '../../src/runner/types.js';

/** The compiled suites (`npm test` builds first). */
const SUITES = join(import.meta.dirname, '..', '..', 'dist', 'suites');

export interface SuiteTest {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  meta: Partial<TestMeta>;
  errors: string[];
}

export interface SuiteRun {
  tests: SuiteTest[];
  /** Requirement id → status: failed when any of its tests failed, skipped when all skipped. */
  status: Record<string, 'passed' | 'failed' | 'skipped'>;
  /** Errors outside tests: a suite file that did not load, a hook that threw. */
  errors: string[];
  /** Journal lines the suites wrote. */
  journal: JournalLine[];
  /** What the run was told. */
  config: SuiteConfig;
}

export type RunSettings = Partial<SuiteConfig> & Pick<SuiteConfig, 'target'>;

/**
 * One vitest instance that runs the compiled suites again and again, against one target each
 * time, so that the proof's many runs pay vitest's start-up once (STACK.md).
 */
export class SuiteSession {
  private tests: SuiteTest[] = [];
  private errors: string[] = [];
  private runs = 0;
  private readonly dir = mkdtempSync(join(tmpdir(), 'osdi-proof-'));

  private constructor(
    private readonly vitest: Vitest,
    private readonly specs: TestSpecification[],
  ) {}

  static async start(): Promise<SuiteSession> {
    let session: SuiteSession | undefined;
    const reporter = {
      onTestCaseResult: (test: TestCase) => session?.record(test),
      onTestModuleEnd: (module: TestModule) => {
        session?.errors.push(...module.errors().map((e) => e.message));
      },
    };
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const vitest = await createVitest(
      'test',
      {
        config: false,
        root: SUITES,
        include: ['*.test.js'],
        exclude: [],
        watch: false,
        isolate: false,
        fileParallelism: false,
        maxWorkers: 1,
        sequence: { shuffle: false },
        reporters: [reporter],
        cache: false,
        testTimeout: 60_000,
        hookTimeout: 60_000,
      },
      { logLevel: 'silent' },
      { stdout: silent, stderr: silent },
    );
    const specs = (await vitest.globTestSpecifications()).sort(
      (a, b) => order(a.moduleId) - order(b.moduleId),
    );
    session = new SuiteSession(vitest, specs);
    return session;
  }

  /** Runs every suite against `settings.target` and says what each requirement came to. */
  async run(settings: RunSettings): Promise<SuiteRun> {
    this.tests = [];
    this.errors = [];
    const config = this.configFor(settings);
    this.vitest.provide('osdiConfig', config);
    await this.vitest.runTestSpecifications(this.specs, true);
    return {
      tests: this.tests,
      status: statusOf(this.tests),
      errors: this.errors,
      journal: readJournal(config.journalPath),
      config,
    };
  }

  async close(): Promise<void> {
    await this.vitest.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private configFor(settings: RunSettings): SuiteConfig {
    this.runs += 1;
    const runId = `proof${process.pid}x${this.runs}`;
    return {
      readOnly: false,
      timeoutMs: 5000,
      consistencyWindowMs: 200,
      runId,
      journalPath: join(this.dir, `${runId}.jsonl`),
      linkBudget: 20,
      pageCap: 30,
      ...settings,
    };
  }

  private record(test: TestCase): void {
    const result = test.result();
    const state = result.state === 'passed' || result.state === 'failed' ? result.state : 'skipped';
    this.tests.push({
      name: test.name,
      state,
      meta: { ...test.meta() } as Partial<TestMeta>,
      errors: (result.errors ?? []).map((e) => e.message),
    });
  }
}

// The catalogue's scenario order, as the runner runs them.
const SCENARIOS = [...new Set(REQUIREMENTS.map((r) => r.scenario))];

function order(moduleId: string): number {
  const scenario = moduleId
    .split('/')
    .pop()!
    .replace(/\.test\.js$/, '');
  const index = SCENARIOS.indexOf(scenario);
  return index === -1 ? SCENARIOS.length : index;
}

function statusOf(tests: SuiteTest[]): SuiteRun['status'] {
  const status: SuiteRun['status'] = {};
  for (const test of tests) {
    for (const id of test.meta.requirements ?? []) {
      const before = status[id];
      if (test.state === 'failed' || before === 'failed') status[id] = 'failed';
      else if (test.state === 'passed' || before === 'passed') status[id] = 'passed';
      else status[id] = 'skipped';
    }
  }
  return status;
}

function readJournal(path: string): SuiteRun['journal'] {
  try {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as JournalLine);
  } catch {
    return [];
  }
}

/** The ids of the failed requirements, sorted. */
export function failedIds(run: SuiteRun): string[] {
  return Object.keys(run.status)
    .filter((id) => run.status[id] === 'failed')
    .sort();
}

/**
 * What the runner does after the suites (src/runner/run.ts): deletes what the journal says is
 * left, checks that deleted resources are gone, and reports what remains as left over.
 */
export function cleanUpAfter(run: SuiteRun): Promise<CleanupReport> {
  const { target, token, timeoutMs, consistencyWindowMs, journalPath } = run.config;
  return cleanUp(journalState(journalPath), {
    target,
    ...(token !== undefined && { token }),
    timeoutMs,
    consistencyWindowMs,
  });
}
