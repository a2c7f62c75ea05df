import { setTimeout as sleep } from 'node:timers/promises';
import type { Check } from './check.js';
import { Finding } from './findings.js';

/**
 * Retries a read after a write until it holds or the consistency window has passed: many real
 * servers are eventually consistent. `attempt` throws a Finding while the read does not hold.
 * A read that held only after retrying is reported as a note, not a failure.
 */
export async function whenConsistent<T>(check: Check, attempt: () => Promise<T>): Promise<T> {
  const windowMs = check.config.consistencyWindowMs;
  const started = Date.now();
  let pauseMs = 50;
  for (let tries = 1; ; tries++) {
    try {
      const value = await attempt();
      if (tries > 1) check.note(`held only after ${Date.now() - started} ms`);
      return value;
    } catch (error) {
      const elapsed = Date.now() - started;
      if (!(error instanceof Finding) || elapsed + pauseMs > windowMs) throw stillAfter(error, elapsed, tries);
      await sleep(pauseMs);
      pauseMs = Math.min(pauseMs * 2, 1000);
    }
  }
}

function stillAfter(error: unknown, elapsedMs: number, tries: number): unknown {
  if (!(error instanceof Finding) || tries === 1) return error;
  return new Finding(`${error.message} (still so after ${elapsedMs} ms)`, error.evidence);
}
