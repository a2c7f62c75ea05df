import type { Evidence } from '../runner/types.js';

/** A conformance failure: the target broke a requirement. Carries what it sent and received. */
export class Finding extends Error {
  constructor(
    message: string,
    readonly evidence?: Evidence,
  ) {
    super(message);
    this.name = 'Finding';
  }
}

/**
 * A check that cannot run: --read-only, a target refusing writes, or a precondition another
 * requirement owns ("not checked: …"). The test is skipped with this reason.
 */
export class NotApplicable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotApplicable';
  }
}
