import { setTimeout as sleep } from 'node:timers/promises';
import { retryAfterMs } from '../client/pacing.js';
import type { CleanupReport } from '../generated/schemas.js';
import type { JournalState } from './journal.js';

export interface CleanupOptions {
  /** The API Entry Point: only URLs on its origin are deleted, and only they get the token. */
  target: string;
  token?: string;
  /** Per DELETE. */
  timeoutMs: number;
  /** Requests per second at most. */
  rateLimit?: number;
  /** The whole cleanup ends within this, whatever the target does. @default 60 s */
  budgetMs?: number;
  /** Longest Retry-After a 429 may ask for and still be waited for, once. @default 10 s */
  maxRetryAfterMs?: number;
}

const DEFAULT_BUDGET_MS = 60_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;

/**
 * Deletes what the suites created and did not delete themselves. A DELETE answered 2xx, 404
 * or 410 counts as removed; anything else, a URL on another origin, and every URL the budget
 * left no time for, is left over. A 429 is retried once, and only when its Retry-After is
 * within the cap and the budget; otherwise the 429 stands as the answer, as in the client.
 */
export async function cleanUp(
  journal: JournalState,
  options: CleanupOptions,
): Promise<CleanupReport> {
  const origin = new URL(options.target).origin;
  const pending = journal.created.filter((url) => !journal.deleted.has(url));
  const deadline = new Deadline(options.budgetMs ?? DEFAULT_BUDGET_MS);
  const leftOver: string[] = [];

  for (const [index, url] of pending.entries()) {
    const paced =
      index === 0 || !options.rateLimit || (await deadline.wait(1000 / options.rateLimit));
    const removed =
      paced &&
      !deadline.passed &&
      sameOrigin(url, origin) &&
      (await deleteOnce(url, options, deadline));
    if (!removed) leftOver.push(url);
  }
  return {
    created: journal.created.length,
    deleted: journal.created.length - leftOver.length,
    leftOver,
  };
}

/** The end of the cleanup's budget: requests are aborted then, and no wait runs past it. */
class Deadline {
  readonly signal: AbortSignal;
  private readonly at: number;

  constructor(budgetMs: number) {
    this.at = Date.now() + budgetMs;
    this.signal = AbortSignal.timeout(budgetMs);
  }

  get passed(): boolean {
    return this.signal.aborted || Date.now() >= this.at;
  }

  /** Waits `ms` when that ends before the deadline; says whether it did. */
  async wait(ms: number): Promise<boolean> {
    if (Date.now() + ms >= this.at) return false;
    await sleep(ms);
    return true;
  }
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

async function deleteOnce(
  url: string,
  options: CleanupOptions,
  deadline: Deadline,
  retried = false,
): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'DELETE',
      headers: options.token ? { 'OSDI-API-Token': options.token } : {},
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), deadline.signal]),
    });
    await response.body?.cancel();

    if (response.status === 429 && !retried) {
      const cap = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
      const waitMs = retryAfterMs(response.headers.get('retry-after') ?? undefined, Infinity);
      // A wait longer than the cap, or past the budget, is not worth starting.
      if (waitMs > cap || !(await deadline.wait(waitMs))) return false;
      return deleteOnce(url, options, deadline, true);
    }
    return response.ok || response.status === 404 || response.status === 410;
  } catch {
    return false;
  }
}
