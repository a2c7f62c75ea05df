import { setTimeout as sleep } from 'node:timers/promises';

// One pacer for the whole worker: suites run one after another in the same process, and a
// rate limit is a promise to the target, not to one suite. Kept on globalThis so that a module
// evaluated twice (vitest without isolation may re-evaluate) still shares it.
const KEY = Symbol.for('osdi-conformance.pacer');

interface Pacer {
  nextSlot: number;
}

function pacer(): Pacer {
  const store = globalThis as unknown as Record<symbol, Pacer | undefined>;
  store[KEY] ??= { nextSlot: 0 };
  return store[KEY];
}

/** Waits until a request may be sent under `requestsPerSecond` (no wait when unset). */
export async function pace(requestsPerSecond: number | undefined): Promise<void> {
  if (!requestsPerSecond || requestsPerSecond <= 0) return;

  const state = pacer();
  const now = Date.now();
  const slot = Math.max(now, state.nextSlot);
  state.nextSlot = slot + 1000 / requestsPerSecond;
  if (slot > now) await sleep(slot - now);
}

/** Milliseconds a 429 asks us to wait (Retry-After as seconds or an HTTP date), capped. */
export function retryAfterMs(header: string | undefined, capMs: number): number {
  const fallback = Math.min(1000, capMs);
  if (!header) return fallback;

  const seconds = Number(header);
  if (Number.isFinite(seconds)) return clamp(seconds * 1000, capMs);
  const date = Date.parse(header);
  return Number.isNaN(date) ? fallback : clamp(date - Date.now(), capMs);
}

function clamp(ms: number, capMs: number): number {
  return Math.min(Math.max(ms, 0), capMs);
}
