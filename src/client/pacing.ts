import { setTimeout as sleep } from 'node:timers/promises';

/** Where a pacer reads the time and how it waits; tests give their own to see the waits. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

/**
 * Spaces requests `1000 / requestsPerSecond` ms apart: each takes the next free slot and waits
 * for it. A pacer that has been idle does not save up slots: the next request goes at once.
 */
export class Pacer {
  private nextSlot = 0;

  constructor(private readonly clock: Clock = systemClock) {}

  /** Waits until a request may be sent under `requestsPerSecond` (no wait when unset). */
  async pace(requestsPerSecond: number | undefined): Promise<void> {
    if (!requestsPerSecond || requestsPerSecond <= 0) return;

    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / requestsPerSecond;
    if (slot > now) await this.clock.sleep(slot - now);
  }
}

// One pacer for the whole worker: suites run one after another in the same process, and a
// rate limit is a promise to the target, not to one suite. Kept on globalThis so that a module
// evaluated twice (vitest without isolation may re-evaluate) still shares it.
const KEY = Symbol.for('osdi-conformance.pacer');

/** The pacer every client of this process shares unless it is given its own. */
export function sharedPacer(): Pacer {
  const store = globalThis as unknown as Record<symbol, Pacer | undefined>;
  store[KEY] ??= new Pacer();
  return store[KEY];
}

/** Milliseconds a 429 asks us to wait (Retry-After as seconds or an HTTP date), capped. */
export function retryAfterMs(header: string | undefined, capMs: number, now = Date.now()): number {
  const fallback = Math.min(1000, capMs);
  if (!header) return fallback;

  const seconds = Number(header);
  if (Number.isFinite(seconds)) return clamp(seconds * 1000, capMs);
  const date = Date.parse(header);
  return Number.isNaN(date) ? fallback : clamp(date - now, capMs);
}

function clamp(ms: number, capMs: number): number {
  return Math.min(Math.max(ms, 0), capMs);
}
