import { UsageError } from './usage-error.js';

export async function serveCommand(_argv: string[]): Promise<number> {
  throw new UsageError('serve is not implemented yet');
}
