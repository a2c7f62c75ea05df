import type { Check } from './check.js';
import { Finding } from './findings.js';

/**
 * A precondition several tests of a file share, computed once per run (e.g. "the Phonebank
 * this file POSTed"). The test that checks it calls `own`: a failure is its failure. The others
 * call `need`: a failure skips them as "not checked", so one defect fails one requirement.
 */
export class Shared<T> {
  private readonly runs = new Map<string, Promise<T>>();

  constructor(private readonly compute: (check: Check) => Promise<T>) {}

  own(check: Check): Promise<T> {
    let promise = this.runs.get(check.config.runId);
    if (!promise) {
      promise = this.compute(check);
      this.runs.set(check.config.runId, promise);
    }
    return promise;
  }

  async need(check: Check): Promise<T> {
    try {
      return await this.own(check);
    } catch (error) {
      if (error instanceof Finding) check.skip(`not checked: ${error.message}`);
      throw error;
    }
  }
}

export function shared<T>(compute: (check: Check) => Promise<T>): Shared<T> {
  return new Shared(compute);
}
