import type { RunResult } from '../src/runner/index.js';

/** The machine report (--json): the result tree itself, as report.schema.json describes it. */
export function renderJson(result: RunResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
