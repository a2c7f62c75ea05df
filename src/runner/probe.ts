import { UsageError } from '../cli/usage-error.js';
import { redactText } from './redact.js';

/**
 * Checks that the target answers at all before any suite runs: an unreachable target is a
 * usage problem (exit 2), not a conformance failure. Any HTTP status counts as reachable.
 */
export async function probeTarget(
  target: string,
  token: string | undefined,
  timeoutMs: number,
): Promise<void> {
  try {
    const response = await fetch(target, {
      headers: {
        accept: 'application/hal+json, application/json',
        ...(token ? { 'OSDI-API-Token': token } : {}),
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
  } catch (error) {
    throw new UsageError(
      `cannot reach ${redactText(target, token)}: ${reasonOf(error)}`,
      'OSDI_TARGET_UNREACHABLE',
    );
  }
}

function reasonOf(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e.name === 'TimeoutError') return 'no answer within the timeout';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
