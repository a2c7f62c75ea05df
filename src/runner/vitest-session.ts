import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import {
  createVitest,
  type TestSequencerConstructor,
  type TestSpecification,
  type Vitest,
} from 'vitest/node';
import { createCollector } from './collector.js';
import type { ProgressEvent, SuiteOutcomes } from './outcome.js';
import type { SuiteConfig } from './types.js';

export interface SessionOptions {
  /** The vitest root; suite files are given relative to it. */
  root: string;
  /** Absolute paths of the suite files to run, in order. */
  files: string[];
  /** How suite file names end; what precedes it is the scenario name. */
  suffix: string;
  config: SuiteConfig;
  testTimeoutMs: number;
  /** The whole session stops after this long; unfinished suites count as stopped by the deadline. */
  deadlineMs: number;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

// After a cancel, how long vitest gets to wind down before it is closed regardless.
const CANCEL_GRACE_MS = 5_000;

/**
 * Runs the suite files through vitest's Node API, one worker, one file after the other (the
 * requests are paced globally), and returns what every test came to. Vitest's own output is
 * discarded: the console belongs to our reporters.
 */
export async function runSuites(options: SessionOptions): Promise<SuiteOutcomes> {
  const collector = createCollector(options.suffix, options.onProgress);
  const cacheDir = mkdtempSync(join(tmpdir(), 'osdi-conformance-vite-'));
  let stopped: SuiteOutcomes['stopped'];

  const vitest = await withoutSignalHandlers(() =>
    createSession(options, collector.reporter, cacheDir),
  );
  const stop = (reason: 'interrupted' | 'deadline') => {
    stopped ??= reason;
    void vitest.cancelCurrentRun(reason === 'interrupted' ? 'keyboard-input' : 'test-failure');
  };

  try {
    await untilDone(vitest.start(), options, stop);
  } finally {
    await withTimeout(vitest.close(), CANCEL_GRACE_MS);
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return {
    tests: collector.tests,
    modules: collector.modules,
    unhandled: collector.unhandled,
    stopped,
  };
}

async function createSession(
  options: SessionOptions,
  reporter: object,
  cacheDir: string,
): Promise<Vitest> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  return createVitest(
    'test',
    {
      // Never the user's vitest config from the current directory.
      config: false,
      root: options.root,
      include: options.files.map((file) => relative(options.root, file).split('\\').join('/')),
      // The package may itself live under node_modules (npx): exclude nothing.
      exclude: [],
      watch: false,
      isolate: false,
      fileParallelism: false,
      maxWorkers: 1,
      sequence: { shuffle: false, sequencer: inGivenOrder(options.files) },
      testTimeout: options.testTimeoutMs,
      hookTimeout: options.testTimeoutMs,
      reporters: [reporter],
      provide: { osdiConfig: options.config },
      passWithNoTests: true,
      cache: false,
    },
    { cacheDir, logLevel: 'silent' },
    { stdout: silent, stderr: silent },
  );
}

/** A vitest sequencer that runs the suite files in the order given (catalogue order). */
function inGivenOrder(files: string[]): TestSequencerConstructor {
  const rank = (spec: TestSpecification) => {
    const index = files.indexOf(spec.moduleId);
    return index === -1 ? files.length : index;
  };
  return class {
    shard = (specs: TestSpecification[]) => specs;
    sort = (specs: TestSpecification[]) => [...specs].sort((a, b) => rank(a) - rank(b));
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Vitest's logger exits the process on SIGINT and SIGTERM. The caller handles those signals
 * itself (stop the suites, clean up, report), so the handlers vitest adds are taken off again.
 */
async function withoutSignalHandlers<T>(create: () => Promise<T>): Promise<T> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  try {
    return await create();
  } finally {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener)) process.off(signal, listener);
      }
    }
  }
}

/** Waits for the run, stopping it on abort or at the deadline; a stuck run is left behind. */
async function untilDone(
  run: Promise<unknown>,
  options: SessionOptions,
  stop: (reason: 'interrupted' | 'deadline') => void,
): Promise<void> {
  let release = () => {};
  const stuck = new Promise<void>((resolve) => (release = resolve));
  const halt = (reason: 'interrupted' | 'deadline') => {
    stop(reason);
    setTimeout(release, CANCEL_GRACE_MS).unref();
  };

  const onAbort = () => halt('interrupted');
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const deadline = setTimeout(() => halt('deadline'), options.deadlineMs);

  try {
    await Promise.race([run, stuck]);
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
