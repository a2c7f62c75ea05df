import { inject } from 'vitest';
import { HttpClient } from '../client/index.js';
import type { Exchange } from '../client/index.js';
import type { SuiteConfig } from '../runner/types.js';

/**
 * What the suites of one run share. The runner runs every suite file in one worker, one after
 * another; the state is kept on globalThis under the run id so that it survives a module being
 * evaluated again for another file, and so that a new run starts clean.
 */
export interface RunState {
  config: SuiteConfig;
  client: HttpClient;
  /** URLs this run created (resolved), the only ones it may PUT or DELETE. */
  created: Set<string>;
  /** Created URLs that a DELETE answered with success. */
  deleted: Set<string>;
  /** Created URLs a GET showed to hold a resource carrying this run's mark. */
  confirmed: Set<string>;
  /** Method → why the target refused it: "not supported by the target: POST answered 405". */
  refusals: Map<string, string>;
  /** Memoised results shared between files, such as discovery. */
  memo: Map<string, Promise<unknown>>;
  /** Every exchange of the run, for the checks that hold for every response. */
  exchanges: Exchange[];
}

const KEY = Symbol.for('osdi-conformance.run-state');

type Store = Record<symbol, Map<string, RunState> | undefined>;

/** The configuration the runner provided (`provide('osdiConfig', …)`). */
export function suiteConfig(): SuiteConfig {
  return inject('osdiConfig');
}

export function runState(config: SuiteConfig = suiteConfig()): RunState {
  const store = globalThis as unknown as Store;
  const runs = (store[KEY] ??= new Map());
  let state = runs.get(config.runId);
  if (!state || state.config !== config) {
    state = fresh(config, state);
    runs.set(config.runId, state);
  }
  return state;
}

// A new config object for the same run id (a later file of the same run) keeps what was learnt.
function fresh(config: SuiteConfig, previous: RunState | undefined): RunState {
  if (previous && JSON.stringify(previous.config) === JSON.stringify(config)) {
    previous.config = config;
    return previous;
  }
  const client = new HttpClient({
    target: config.target,
    ...(config.token !== undefined && { token: config.token }),
    timeoutMs: config.timeoutMs,
    ...(config.rateLimit !== undefined && { rateLimit: config.rateLimit }),
  });
  return {
    config,
    client,
    created: new Set(),
    deleted: new Set(),
    confirmed: new Set(),
    refusals: new Map(),
    memo: new Map(),
    exchanges: [],
  };
}

/** Runs `compute` once per run and key; later callers get the same promise. */
export function memoise<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = runState().memo;
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as Promise<T>;
}
