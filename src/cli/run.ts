import { UsageError } from './usage-error.js';

export async function runCommand(_argv: string[]): Promise<number> {
  throw new UsageError('run is not implemented yet');
}
