import { appendFileSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import type {} from '../../src/runner/types.js';

const config = inject('osdiConfig');

test('FX-A-01 passes', ({ task }) => {
  task.meta.requirements = ['FX-A-01'];
  task.meta.notes = ['held at once'];
  expect(config.runId).toBeTypeOf('string');
});

test('FX-A-02 fails with evidence', ({ task }) => {
  task.meta.requirements = ['FX-A-02'];
  // A careless suite that leaks the token everywhere: the runner must still keep it out.
  task.meta.evidence = {
    request: {
      method: 'GET',
      url: `${config.target}?osdi-api-token=${config.token}`,
      headers: { 'OSDI-API-Token': config.token ?? '' },
    },
    response: { status: 500, body: { error: 'boom', echo: config.token } },
  };
  expect.fail(`MUST answer 200, received 500 (sent ${config.token})`);
});

test('FX-A-03 skipped', ({ task, skip }) => {
  task.meta.requirements = ['FX-A-03'];
  task.meta.skipReason = 'not supported by the target: POST answered 405';
  skip();
});

test('FX-A-04 creates resources and deletes one of them', async ({ task }) => {
  task.meta.requirements = ['FX-A-04'];
  task.meta.fieldSupport = { name: 'supported', title: 'not-supported' };
  const line = (entry: object) => appendFileSync(config.journalPath, JSON.stringify(entry) + '\n');

  line({ url: new URL('things/1', config.target).href });
  line({ url: new URL('things/2', config.target).href });
  line({ url: new URL('things/2', config.target).href, deleted: true });
  line({ url: 'http://elsewhere.invalid/things/3' });
});
