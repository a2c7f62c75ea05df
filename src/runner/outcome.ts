import type { TestMeta } from './types.js';

/** What one suite test came to, as the collector saw it. */
export interface TestOutcome {
  scenario: string;
  /** The test's name: `<REQ-ID> <title>`. */
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  meta: Partial<TestMeta>;
  /** Error messages of a failed test, first line first. */
  errors: string[];
  durationMs: number;
}

/** What one suite file came to: errors outside any test (an import error, a failed beforeAll). */
export interface ModuleOutcome {
  scenario: string;
  errors: string[];
}

/** Everything the suites reported. */
export interface SuiteOutcomes {
  tests: TestOutcome[];
  modules: ModuleOutcome[];
  /** Errors vitest could not pin on a test or file. */
  unhandled: string[];
  /** Set when the run ended before every suite finished. */
  stopped?: 'interrupted' | 'deadline';
}

/** A progress event, for a live display while the run goes on. */
export type ProgressEvent =
  | { kind: 'scenario'; scenario: string }
  | { kind: 'test'; scenario: string; name: string; state: TestOutcome['state'] }
  | { kind: 'cleanup'; count: number };
