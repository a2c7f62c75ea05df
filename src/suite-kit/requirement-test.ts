import { test, type TestContext } from 'vitest';
import { requirementById } from '../requirements/catalogue.js';
import type { TestMeta } from '../runner/types.js';
import { Check } from './check.js';
import { Finding, NotApplicable } from './findings.js';
import { suiteConfig } from './run-state.js';

export interface RequirementTestOptions {
  /** Further requirement ids this test also checks. */
  also?: string[];
  /** @default the consistency window plus a minute */
  timeoutMs?: number;
}

/**
 * One requirement test: named `<id> <title>` from the catalogue; its TestMeta (requirements,
 * evidence, notes, skip reason, field support) lands in `task.meta` for the runner's reporter.
 * Write requirements are skipped under --read-only and once the target refused writes.
 */
export function requirementTest(
  id: string,
  fn: (check: Check) => Promise<void>,
  options: RequirementTestOptions = {},
): void {
  const requirement = requirementById(id);
  const ids = [id, ...(options.also ?? [])];
  const writes = ids.some((each) => requirementById(each).writes);

  test(`${id} ${requirement.title}`, { timeout: options.timeoutMs ?? 120_000 }, async (context) => {
    const check = new Check(suiteConfig());
    const meta = context.task.meta as Partial<TestMeta>;
    try {
      if (writes && check.writesUnavailable) check.skip(check.writesUnavailable);
      await fn(check);
      Object.assign(meta, check.meta(ids));
    } catch (error) {
      Object.assign(meta, check.meta(ids));
      settle(error, meta, context);
    }
  });
}

// A finding fails the test with its evidence; NotApplicable skips it with its reason; anything
// else is a bug in the suite or the tool and fails with its stack, as thrown.
function settle(error: unknown, meta: Partial<TestMeta>, context: TestContext): never {
  if (error instanceof NotApplicable) {
    meta.skipReason = error.reason;
    context.skip(error.reason);
  }
  if (error instanceof Finding) {
    if (error.evidence) meta.evidence = error.evidence;
    throw new Error(error.message);
  }
  throw error;
}
