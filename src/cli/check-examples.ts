import { UsageError } from './usage-error.js';

export async function checkExamplesCommand(_argv: string[]): Promise<number> {
  throw new UsageError('check-examples is not implemented yet');
}
