import type { CleanupReport } from '../generated/schemas.js';
import type { JournalState } from './journal.js';

export interface CleanupOptions {
  /** The API Entry Point: only URLs on its origin are deleted, and only they get the token. */
  target: string;
  token?: string;
  timeoutMs: number;
  /** Requests per second at most. */
  rateLimit?: number;
}

// A 429 during cleanup is retried once, after Retry-After up to this long.
const MAX_RETRY_AFTER_MS = 10_000;

/**
 * Deletes what the suites created and did not delete themselves. A DELETE answered 2xx, 404
 * or 410 counts as removed; anything else, or a URL on another origin, is left over.
 */
export async function cleanUp(
  journal: JournalState,
  options: CleanupOptions,
): Promise<CleanupReport> {
  const origin = new URL(options.target).origin;
  const pending = journal.created.filter((url) => !journal.deleted.has(url));
  const leftOver: string[] = [];

  for (const [index, url] of pending.entries()) {
    if (index > 0 && options.rateLimit) await sleep(1000 / options.rateLimit);
    const removed = sameOrigin(url, origin) && (await deleteOnce(url, options));
    if (!removed) leftOver.push(url);
  }
  return {
    created: journal.created.length,
    deleted: journal.created.length - leftOver.length,
    leftOver,
  };
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

async function deleteOnce(url: string, options: CleanupOptions, retried = false): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'DELETE',
      headers: options.token ? { 'OSDI-API-Token': options.token } : {},
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel();

    if (response.status === 429 && !retried) {
      await sleep(retryAfterMs(response.headers.get('retry-after')));
      return deleteOnce(url, options, true);
    }
    return response.ok || response.status === 404 || response.status === 410;
  } catch {
    return false;
  }
}

function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = header ? Date.parse(header) : NaN;
  return Number.isFinite(date)
    ? Math.min(Math.max(date - Date.now(), 0), MAX_RETRY_AFTER_MS)
    : 1000;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
