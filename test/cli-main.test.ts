import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('osdi-conformance command line', () => {
  it.each([
    [[], 'osdi-conformance: no command given (try --help)'],
    [['frobnicate'], 'osdi-conformance: unknown command "frobnicate" (try --help)'],
    [['check-examples', 'fixtures'], 'osdi-conformance: check-examples: not a file: fixtures'],
  ])('exits 2 with one line on stderr for %j', async (args, line) => {
    const result = await runCli(args);

    expect(result).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  });

  it('names every command in --help', async () => {
    const { code, stdout } = await runCli(['--help']);

    expect(code).toBe(0);
    for (const command of ['run', 'serve', 'check-examples']) {
      expect(stdout).toContain(`osdi-conformance ${command}`);
    }
  });
});
