import { afterAll } from 'vitest';
import { Check } from './check.js';
import { runState, suiteConfig } from './run-state.js';

/**
 * Registers, in the calling suite file, the deletion of everything the run created and has not
 * deleted yet; it runs even when checks failed. What it cannot delete stays in the journal,
 * where the runner finds it.
 */
export function deleteCreatedAfterAll(): void {
  afterAll(async () => {
    const config = suiteConfig();
    const state = runState(config);
    const check = new Check(config);
    for (const url of [...state.created]) {
      if (state.deleted.has(url)) continue;
      try {
        await check.delete(url);
      } catch {
        // Left in the journal without a "deleted" line: the runner retries and reports it.
      }
    }
  }, 120_000);
}
