import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveRunOptions, unknownVariables } from '../src/config/index.js';

let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'osdi-config-'));
});

afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

function configFile(content: string, name = 'osdi-conformance.config.json'): string {
  writeFileSync(join(cwd, name), content);
  return name;
}

describe('run options', () => {
  it('has defaults for everything but the target', () => {
    expect(resolveRunOptions([], {}, cwd)).toEqual({
      target: undefined,
      token: undefined,
      collection: undefined,
      json: undefined,
      readOnly: false,
      timeoutMs: 10_000,
      strict: false,
      only: undefined,
      consistencyWindowMs: 5_000,
      rateLimit: undefined,
      list: false,
      help: false,
    });
  });

  it('takes flags over OSDI_* variables over the config file', () => {
    configFile(
      '{ "target": "http://file.test/", "timeout": 1, "rate-limit": 3, "only": ["post"] }',
    );
    const env = { OSDI_TARGET: 'http://env.test/', OSDI_TIMEOUT: '2', OSDI_API_TOKEN: 'from-env' };

    const options = resolveRunOptions(['--timeout', '3'], env, cwd);

    expect(options).toMatchObject({
      target: 'http://env.test/',
      timeoutMs: 3,
      token: 'from-env',
      rateLimit: 3,
      only: ['post'],
    });
  });

  it('reads a config file named with --config, comments allowed', () => {
    const name = configFile(
      '// vendor staging\n{ "read-only": true, "consistency-window": 0, }',
      'staging.json',
    );

    expect(resolveRunOptions(['--config', name], {}, cwd)).toMatchObject({
      readOnly: true,
      consistencyWindowMs: 0,
    });
  });

  it('parses boolean variables and comma lists', () => {
    const env = { OSDI_READ_ONLY: 'true', OSDI_STRICT: '0', OSDI_ONLY: 'discovery, collection' };

    expect(resolveRunOptions([], env, cwd)).toMatchObject({
      readOnly: true,
      strict: false,
      only: ['discovery', 'collection'],
    });
  });

  it.each([
    [
      ['--timeout', 'abc'],
      {},
      '--timeout must be a whole number of milliseconds above 0, got "abc"',
    ],
    [['--timeout', '0'], {}, '--timeout must be a whole number of milliseconds above 0, got "0"'],
    [['--target', 'not a url'], {}, '--target must be an http or https URL, got "not a url"'],
    [
      ['--target', 'ftp://x.test/'],
      {},
      '--target must be an http or https URL, got "ftp://x.test/"',
    ],
    [
      ['--rate-limit=-1'],
      {},
      '--rate-limit must be a number of requests per second above 0, got "-1"',
    ],
    [['--only', ','], {}, '--only must name at least one scenario'],
    [['--bogus'], {}, 'unknown option --bogus (try run --help)'],
    [['stray'], {}, 'unexpected argument stray (try run --help)'],
    [['--target'], {}, '--target needs a value'],
    [
      ['--timeout', '2147483648'],
      {},
      '--timeout must be at most 2147483647 milliseconds, got "2147483648"',
    ],
    [
      [],
      { OSDI_API_TOKEN: 'abc\r\nX-Evil: 1' },
      'OSDI_API_TOKEN must be printable ASCII without line breaks or surrounding spaces: an HTTP header cannot carry it',
    ],
    [
      ['--rate-limit', '-1'],
      {},
      '--rate-limit needs a value; write --rate-limit=<value> for one that starts with a dash',
    ],
    [
      ['--target', 'https://me:s3cret@api.example.org/v1/'],
      {},
      '--target must not carry a user name or password; pass the API token with --token or OSDI_API_TOKEN',
    ],
    [
      [],
      { OSDI_TIMEOUT: 'soon' },
      'OSDI_TIMEOUT must be a whole number of milliseconds above 0, got "soon"',
    ],
    [[], { OSDI_READ_ONLY: 'maybe' }, 'OSDI_READ_ONLY must be true or false, got "maybe"'],
  ])('refuses %j %j with one line', (argv, env, message) => {
    expect(() => resolveRunOptions(argv, env, cwd)).toThrow(message);
  });

  it('never echoes a token carried in a bad URL', () => {
    expect(() =>
      resolveRunOptions(['--target', 'mailto:x?osdi-api-token=s3cret'], {}, cwd),
    ).toThrow('--target must be an http or https URL, got "mailto:x?osdi-api-token=***"');
  });

  it('names the config file and the key in its errors', () => {
    configFile('{ "timeout": "soon" }');
    expect(() => resolveRunOptions([], {}, cwd)).toThrow(
      `${join(cwd, 'osdi-conformance.config.json')}: timeout must be a whole number`,
    );

    configFile('{ "colour": true }');
    expect(() => resolveRunOptions([], {}, cwd)).toThrow('unknown setting "colour"');

    configFile('{ "timeout": ');
    expect(() => resolveRunOptions([], {}, cwd)).toThrow(/ValueExpected at line 1$/);
  });

  it('refuses a --config file that does not exist', () => {
    expect(() => resolveRunOptions(['--config', 'missing.json'], {}, cwd)).toThrow(
      `cannot read config file ${join(cwd, 'missing.json')}: ENOENT`,
    );
  });
});

describe('environment variables that name no setting', () => {
  it('are named, with the setting a misspelling most likely meant', () => {
    const env = {
      OSDI_TARGETT: 'https://x.test/',
      OSDI_FROB: '1',
      OSDI_TIMEOUT: '5',
      OSDI_DEBUG: '1',
      PATH: '/bin',
    };

    expect(unknownVariables(env)).toEqual([
      { name: 'OSDI_FROB' },
      { name: 'OSDI_TARGETT', meant: 'OSDI_TARGET' },
    ]);
  });
});
