/**
 * The contract between the runner (CLI side) and the scenario suites (vitest side).
 * The runner provides a SuiteConfig to every suite (`inject('osdiConfig')`); each suite test
 * writes a TestMeta into `task.meta`, which the runner's reporter reads back.
 */

/** What every scenario suite is told about the run. Must stay JSON-serialisable. */
export interface SuiteConfig {
  /** Absolute URL of the API Entry Point under test. */
  target: string;
  /** Absolute URL of the Phonebank collection when given with --collection; else discovered. */
  collection?: string;
  /** Sent as OSDI-API-Token, to the target's origin only. */
  token?: string;
  /** --read-only: no POST, PUT or DELETE is sent; write requirements are skipped. */
  readOnly: boolean;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** How long a read after a write is retried before it counts as failed (eventual consistency). */
  consistencyWindowMs: number;
  /** Requests per second at most, when set. */
  rateLimit?: number;
  /** Identifies this run; every resource the suite creates carries it in its name. */
  runId: string;
  /** File to which the suites append one JSON line per resource they create ({ url }), and per
   * resource they delete ({ url, deleted: true }); the runner deletes what is left at the end. */
  journalPath: string;
  /** Most requests spent following links of Phonebanks. */
  linkBudget: number;
  /** Most collection pages walked before the walk counts as endless. */
  pageCap: number;
}

/** A request and the response it got, as shown in a failure. Tokens are never included. */
export interface Evidence {
  request?: { method: string; url: string; headers?: Record<string, string>; body?: unknown };
  response?: { status: number; headers?: Record<string, string>; body?: unknown };
}

/** Support of one Phonebank field, found by the POST round-trip. */
export type FieldSupport = 'supported' | 'not-supported' | 'mismatch';

/** What a suite test records in `task.meta` for the reporter. */
export interface TestMeta {
  /** Requirement ids this test checks; a requirement fails when any of its tests fails. */
  requirements: string[];
  /** A failure's request and response. */
  evidence?: Evidence;
  /** Why the test was skipped, e.g. "not supported by the target: POST answered 405". */
  skipReason?: string;
  /** Information that is not a failure: "held only after 350 ms", "status 'pending' is not a documented value". */
  notes?: string[];
  /** Field name → support, from the POST round-trip. */
  fieldSupport?: Record<string, FieldSupport>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    osdiConfig: SuiteConfig;
  }
}

// vitest re-exports TaskMeta from @vitest/runner, where it is declared; an augmentation of
// 'vitest' would declare a new, unrelated interface, so the meta fields go to @vitest/runner.
declare module '@vitest/runner' {
  interface TaskMeta extends Partial<TestMeta> {}
}
