import { beforeAll, test } from 'vitest';
import type {} from '../../src/runner/types.js';

beforeAll(() => {
  throw new Error('setup exploded');
});

test('FX-B-01 never runs', ({ task }) => {
  task.meta.requirements = ['FX-B-01'];
});
