import { appendFileSync } from 'node:fs';
import { inject, test } from 'vitest';
import type {} from '../../src/runner/types.js';

const config = inject('osdiConfig');

// Creates a resource, then never finishes: the runner must stop it, clean up and report.
test('FX-H-01 hangs after creating a resource', async ({ task }) => {
  task.meta.requirements = ['FX-H-01'];
  appendFileSync(
    config.journalPath,
    JSON.stringify({ url: new URL('things/9', config.target).href }) + '\n',
  );
  await new Promise((resolve) => setTimeout(resolve, 60_000));
});
