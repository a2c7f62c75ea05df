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
      if (!(error instanceof Finding) || elapsed + pauseMs > windowMs)
        throw stillAfter(error, elapsed, tries);
      await sleep(pauseMs);
      pauseMs = Math.min(pauseMs * 2, 1000);
    }
  }
}

function stillAfter(error: unknown, elapsedMs: number, tries: number): unknown {
  if (!(error instanceof Finding) || error instanceof NotYet || tries === 1) return error;
  return new Finding(`${error.message} (still so after ${elapsedMs} ms)`, error.evidence);
}

/** Thrown while a read does not hold yet; never leaves `readUntil`. */
class NotYet extends Finding {
  override name = 'NotYet';
}

/**
 * Repeats `read` within the consistency window until `holds` is true of what it returned, and
 * returns the last value either way: the caller judges it. Findings `read` throws (a 404, a
 * body that is not JSON) are retried the same way and thrown when the window has passed.
 */
export async function readUntil<T>(
  check: Check,
  read: () => Promise<T>,
  holds: (value: T) => boolean,
): Promise<T> {
  let last: { value: T } | undefined;
  try {
    return await whenConsistent(check, async () => {
      const value = await read();
      last = { value };
      if (!holds(value)) throw new NotYet('not yet');
      return value;
    });
  } catch (error) {
    if (error instanceof NotYet && last) return last.value;
    throw error;
  }
}

/**
 * Judges what `read` returns, believing a failure only when two reads in a row agree
 * (`same`): another client's write between the suite's reads (a Phonebank created while the
 * collection is walked) moves records from page to page without any defect. `first` is the
 * value already read. After `tries` reads that each differ from the one before, the
 * requirement is "not checked" (docs/spec-decisions.md, D30).
 */
export async function judgeSteadily<T>(
  check: Check,
  first: T,
  read: () => Promise<T>,
  same: (a: T, b: T) => boolean,
  judge: (value: T) => void,
  tries = 3,
): Promise<void> {
  let previous: T | undefined;
  let failure: Finding | undefined;
  for (let attempt = 1; attempt <= tries; attempt++) {
    const value = attempt === 1 ? first : await read();
    try {
      judge(value);
      if (failure) check.note(`the collection changed while it was read; read again, it held`);
      return;
    } catch (error) {
      if (!(error instanceof Finding)) throw error;
      if (previous !== undefined && same(previous, value)) throw error;
      [previous, failure] = [value, error];
    }
  }
  check.skip(
    `not checked: the collection changed between reads each of ${tries} times; the last read: ${failure!.message}`,
  );
}
