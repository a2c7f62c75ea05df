/**
 * A problem with how the tool was called or with reaching the target: the CLI prints its
 * message as one line on stderr and exits 2. Conformance failures are never UsageErrors.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** A stable code, e.g. OSDI_USAGE or OSDI_TARGET_UNREACHABLE. */
    readonly code: string = 'OSDI_USAGE',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
