// The command line against targets that are no targets, or hostile ones: exit 2 with one line
// for what cannot be tested at all, exit 1 with a report for what answers badly, never a hang.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { startHostileServer } from './servers/hostile.js';

describe('run --target that cannot be tested', () => {
  it.each([
    ['ftp://127.0.0.1/api/', '--target must be an http or https URL, got "ftp://127.0.0.1/api/"'],
    ['file:///etc/passwd', '--target must be an http or https URL, got "file:///etc/passwd"'],
    [
      'http://exa mple.org/api/',
      '--target must be an http or https URL, got "http://exa mple.org/api/"',
    ],
    [
      'http://127.0.0.1:99999/api/',
      '--target must be an http or https URL, got "http://127.0.0.1:99999/api/"',
    ],
  ])('%s: exit 2 with one line', async (target, message) => {
    const { code, stdout, stderr } = await runCli(['run', '--target', target]);

    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `osdi-conformance: ${message}\n`,
    });
  });

  it('a server that accepts the connection and never answers: exit 2 with one line', async () => {
    const server = await startHostileServer({ behaviour: 'hang', everywhere: true });
    try {
      const { code, stdout, stderr } = await runCli([
        'run',
        '--target',
        server.url,
        '--timeout',
        '300',
      ]);

      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toBe(
        `osdi-conformance: cannot reach ${server.url}: no answer within the timeout\n`,
      );
    } finally {
      await server.close();
    }
  });
});

describe('run --target that answers badly', () => {
  it('a collection that trickles forever: exit 1 with the report', async () => {
    const server = await startHostileServer({ behaviour: 'trickle' });
    try {
      const args = [
        'run',
        '--target',
        server.url,
        '--token',
        'hostile-token',
        '--timeout',
        '300',
        '--consistency-window',
        '0',
      ];
      const { code, stdout } = await runCli(args);

      expect(code).toBe(1);
      expect(stdout).toMatch(/PB-COL-01[^\n]*\n[^\n]*no complete response within 300 ms/);
      expect(stdout).toMatch(/\n\d+ passed, 4 failed, \d+ skipped\n/);
    } finally {
      await server.close();
    }
  });
});
