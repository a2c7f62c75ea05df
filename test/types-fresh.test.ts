import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';

const run = promisify(execFile);

// Regenerates from every schemas/*.schema.json, including ones other parts of the project add.
it('src/generated/schemas.ts equals a fresh generation from schemas/', async () => {
  const script = join(packageRoot(), 'scripts', 'generate-types.mjs');

  const result = await run(process.execPath, [script, '--check'], { cwd: packageRoot() }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );

  expect(result).toEqual({ code: 0, stderr: '' });
});
