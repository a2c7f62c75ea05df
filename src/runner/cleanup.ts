import { setTimeout as sleep } from 'node:timers/promises';
import { HttpClient } from '../client/index.js';
import { retryAfterMs } from '../client/pacing.js';
import type { CleanupReport } from '../generated/schemas.js';
import { carriesMark, isRunsOwn, type JournalState, type Mark } from './journal.js';

export interface CleanupOptions {
  /** The API Entry Point: only URLs on its origin are deleted, and only they get the token. */
  target: string;
  token?: string;
  /** Per DELETE. */
  timeoutMs: number;
  /**
   * The run's id: before a DELETE, GET must show a resource carrying the run's mark (or
   * nothing), so that a URL a POST answer named wrongly is never deleted. Without it, the
   * journal's mark of each URL is asked for.
   */
  runId?: string;
  /** Requests per second at most. */
  rateLimit?: number;
  /** The whole cleanup ends within this, whatever the target does. @default 60 s */
  budgetMs?: number;
  /** Longest Retry-After a 429 may ask for and still be waited for, once. @default 10 s */
  maxRetryAfterMs?: number;
  /**
   * How long a deleted resource may still answer GET before it counts as left over (eventual
   * consistency). @default 0: checked once
   */
  consistencyWindowMs?: number;
}

const DEFAULT_BUDGET_MS = 60_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;

/**
 * Deletes what the suites created and did not delete themselves. A DELETE answered 2xx, 404
 * or 410 counts as removed; anything else, a URL on another origin, and every URL the budget
 * left no time for, is left over. A 429 is retried once, and only when its Retry-After is
 * within the cap and the budget; otherwise the 429 stands as the answer, as in the client.
 * A removed resource the journal can recognise (by the name or identifier it was created
 * with) that GET still finds after the consistency window is left over too: a DELETE that
 * answered success is not taken at its word. Creations the suites could not locate are left
 * over as the journal describes them.
 */
export async function cleanUp(
  journal: JournalState,
  options: CleanupOptions,
): Promise<CleanupReport> {
  const deadline = new Deadline(options.budgetMs ?? DEFAULT_BUDGET_MS);
  const failed = await deletePending(journal, options, deadline);
  const removed = journal.created.filter((url) => !failed.includes(url));
  const kept = await stillThere(removed, journal.marks ?? new Map(), options, deadline);
  const unlocated = journal.unlocated ?? [];

  const leftOver = [
    ...journal.created.filter((url) => failed.includes(url) || kept.includes(url)),
    ...unlocated,
  ];
  const created = journal.created.length + unlocated.length;
  return { created, deleted: created - leftOver.length, leftOver };
}

/** DELETEs every created URL the suites did not delete; returns those that were not removed. */
async function deletePending(
  journal: JournalState,
  options: CleanupOptions,
  deadline: Deadline,
): Promise<string[]> {
  const origin = new URL(options.target).origin;
  const pending = journal.created.filter((url) => !journal.deleted.has(url));
  const failed: string[] = [];

  for (const [index, url] of pending.entries()) {
    const paced = index === 0 || (await pace(options, deadline));
    const removed =
      paced &&
      !deadline.passed &&
      sameOrigin(url, origin) &&
      (await holdsOwn(url, journal.marks?.get(url), options, deadline)) &&
      (await deleteOnce(url, options, deadline));
    if (!removed) failed.push(url);
  }
  return failed;
}

async function pace(options: CleanupOptions, deadline: Deadline): Promise<boolean> {
  return !options.rateLimit || deadline.wait(1000 / options.rateLimit);
}

/**
 * The removed URLs that still answer GET with the resource created there (its name or
 * identifier), once the consistency window has passed. URLs without a mark are not checked:
 * an answer there could not be told from another resource's (or a server's 200 for anything).
 */
async function stillThere(
  removed: string[],
  marks: Map<string, Mark>,
  options: CleanupOptions,
  deadline: Deadline,
): Promise<string[]> {
  const origin = new URL(options.target).origin;
  const until = Date.now() + (options.consistencyWindowMs ?? 0);
  let present = removed.filter((url) => marks.has(url) && sameOrigin(url, origin));
  let pauseMs = 50;

  for (let round = 0; present.length > 0; round++) {
    if (round > 0 && (Date.now() + pauseMs > until || !(await deadline.wait(pauseMs)))) break;
    const found = await stillFinds(present, marks, options, deadline);
    if (!found) return round === 0 ? [] : present; // the budget ended the round
    present = found;
    pauseMs = Math.min(pauseMs * 2, 1000);
  }
  return present;
}

/** The URLs of one round that GET still finds, or undefined when the budget cut it short. */
async function stillFinds(
  urls: string[],
  marks: Map<string, Mark>,
  options: CleanupOptions,
  deadline: Deadline,
): Promise<string[] | undefined> {
  const found: string[] = [];
  for (const [index, url] of urls.entries()) {
    if ((index > 0 && !(await pace(options, deadline))) || deadline.passed) return undefined;
    if (await findsMark(url, marks.get(url)!, options, deadline)) found.push(url);
  }
  return found;
}

/**
 * Whether `url` may be deleted as the run's own: GET answers 404 or 410 (there is nothing to
 * delete that anyone can see), or 2xx with a JSON object carrying the run's mark (the journal's
 * name or identifier for the URL, or the run id's forms).
 */
async function holdsOwn(
  url: string,
  mark: Mark | undefined,
  options: CleanupOptions,
  deadline: Deadline,
): Promise<boolean> {
  const read = await readBack(url, options, deadline);
  if (!read) return false;
  if (read.status === 404 || read.status === 410) return true;
  return read.ok && isRunsOwn(read.json, options.runId, mark);
}

/** True when GET of `url` answers 2xx with a JSON object carrying the mark's name or identifier. */
async function findsMark(
  url: string,
  mark: Mark,
  options: CleanupOptions,
  deadline: Deadline,
): Promise<boolean> {
  const read = await readBack(url, options, deadline);
  return read !== undefined && read.ok && carriesMark(read.json, mark);
}

/**
 * GET of `url` through the suites' client (its body cap, decoding and timeout; the token to the
 * target's origin only), cut short by the deadline; undefined when nothing usable came back.
 */
async function readBack(
  url: string,
  options: CleanupOptions,
  deadline: Deadline,
): Promise<{ status: number; ok: boolean; json: unknown } | undefined> {
  const timeoutMs = Math.min(options.timeoutMs, deadline.remainingMs);
  if (timeoutMs <= 0) return undefined;
  const client = new HttpClient({
    target: options.target,
    ...(options.token !== undefined && { token: options.token }),
    timeoutMs,
    maxRetries: 0,
    maxRedirects: 0,
  });
  const { response } = await client.get(url);
  if (!response) return undefined;
  const ok = response.status >= 200 && response.status <= 299;
  return { status: response.status, ok, json: response.json };
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

  get remainingMs(): number {
    return Math.max(0, this.at - Date.now());
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
