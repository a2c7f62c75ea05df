import { basename } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { ModuleOutcome, ProgressEvent, TestOutcome } from './outcome.js';

/** A vitest reporter that records outcomes instead of printing them (the console is ours). */
export interface Collector {
  reporter: Reporter;
  tests: TestOutcome[];
  modules: ModuleOutcome[];
  unhandled: string[];
}

export function createCollector(
  suffix: string,
  onProgress?: (event: ProgressEvent) => void,
): Collector {
  const collector: Collector = { reporter: {}, tests: [], modules: [], unhandled: [] };
  const scenarioOf = (module: TestModule) => basename(module.moduleId).slice(0, -suffix.length);

  collector.reporter = {
    onTestModuleStart(module) {
      onProgress?.({ kind: 'scenario', scenario: scenarioOf(module) });
    },
    onTestCaseResult(test) {
      const outcome = outcomeOf(test, scenarioOf(test.module));
      collector.tests.push(outcome);
      onProgress?.({
        kind: 'test',
        scenario: outcome.scenario,
        name: outcome.name,
        state: outcome.state,
      });
    },
    onTestModuleEnd(module) {
      const errors = module.errors().map(messageOf);
      if (errors.length > 0) collector.modules.push({ scenario: scenarioOf(module), errors });
    },
    onTestRunEnd(_modules, unhandled) {
      collector.unhandled.push(...unhandled.map(messageOf));
    },
  };
  return collector;
}

function outcomeOf(test: TestCase, scenario: string): TestOutcome {
  const result = test.result();
  const state = result.state === 'passed' || result.state === 'failed' ? result.state : 'skipped';
  return {
    scenario,
    name: test.name,
    state,
    meta: { ...test.meta() },
    errors: (result.errors ?? []).map(messageOf),
    durationMs: Math.round(test.diagnostic()?.duration ?? 0),
  };
}

function messageOf(error: { message?: string; name?: string } | unknown): string {
  const e = error as { message?: string; name?: string };
  return e?.message ?? String(error);
}
