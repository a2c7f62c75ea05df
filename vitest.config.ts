import { defineConfig } from 'vitest/config';

// The project's own tests. The conformance suites in suites/ are not run here directly:
// the CLI runs them against a target, and test/ drives the CLI.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
