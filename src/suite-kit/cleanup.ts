import { afterAll } from 'vitest';
import { Check } from './check.js';
import { runState, suiteConfig } from './run-state.js';

/** After this long a file's cleanup starts no more DELETEs; the runner's cleanup takes the rest. */
const BUDGET_MS = 30_000;

/**
 * Registers, in the calling suite file, the deletion of everything the run created and has not
 * deleted yet; it runs even when checks failed. What it cannot delete, or has no time left for,
 * stays in the journal, where the runner finds it.
 */
export function deleteCreatedAfterAll(): void {
  afterAll(async () => {
    const config = suiteConfig();
    const state = runState(config);
    const check = new Check(config);
    const until = Date.now() + BUDGET_MS;
    for (const url of [...state.created]) {
      if (Date.now() >= until) return;
      if (state.deleted.has(url)) continue;
      try {
        await check.delete(url);
      } catch {
        // Left in the journal without a "deleted" line: the runner retries and reports it.
      }
    }
  }, 120_000);
}
