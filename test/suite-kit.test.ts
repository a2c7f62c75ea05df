import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SuiteConfig } from '../src/runner/types.js';
import { Check, fieldSupportOf, hrefOf, NotApplicable, sameUrl, unknownSibling } from '../src/suite-kit/index.js';

const dir = mkdtempSync(join(tmpdir(), 'osdi-kit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(overrides: Partial<SuiteConfig> = {}): SuiteConfig {
  const runId = `kit-${Math.random().toString(16).slice(2)}`;
  return {
    target: 'http://127.0.0.1:9/api/v1/',
    readOnly: false,
    timeoutMs: 500,
    consistencyWindowMs: 100,
    runId,
    journalPath: join(dir, `${runId}.jsonl`),
    linkBudget: 5,
    pageCap: 5,
    ...overrides,
  };
}

describe('write safety', () => {
  it('refuses to PUT or DELETE a URL this run did not create, before sending anything', async () => {
    const check = new Check(config());

    await expect(check.put('http://127.0.0.1:9/api/v1/phonebanks/1', {})).rejects.toThrow(/refusing to PUT .*did not create it/);
    await expect(check.delete('http://127.0.0.1:9/api/v1/phonebanks/1')).rejects.toThrow(/refusing to DELETE/);
  });

  it('journals what the run created, so the runner can delete it', () => {
    const settings = config();
    const check = new Check(settings);

    check.journalCreated('http://127.0.0.1:9/api/v1/phonebanks/7');

    expect(readFileSync(settings.journalPath, 'utf8')).toBe('{"url":"http://127.0.0.1:9/api/v1/phonebanks/7"}\n');
  });

  it('sends no write under --read-only: the check is skipped with the reason', async () => {
    const check = new Check(config({ readOnly: true }));

    const attempt = check.post('http://127.0.0.1:9/api/v1/phonebanks', {});

    await expect(attempt).rejects.toBeInstanceOf(NotApplicable);
    await expect(attempt).rejects.toMatchObject({ reason: '--read-only: no writes sent' });
  });
});

describe('hal helpers', () => {
  it('treats URLs as the same resource once resolved, with or without a trailing slash', () => {
    expect(sameUrl('http://h/api/v1/phonebanks/1/', 'http://h/api/v1/phonebanks/1')).toBe(true);
    expect(sameUrl('http://h/api/v1/phonebanks/1', 'http://h/api/v1/phonebanks/2')).toBe(false);
  });

  it('expands a templated link with no variables, and leaves braces of a plain href alone', () => {
    const aep = (templated: boolean) => ({
      _links: { 'osdi:phonebanks': { href: 'phonebanks{?page,per_page}', templated } },
    });

    expect(hrefOf(aep(true), 'osdi:phonebanks', 'http://h/api/')).toBe('http://h/api/phonebanks');
    expect(hrefOf(aep(false), 'osdi:phonebanks', 'http://h/api/')).toBe(
      'http://h/api/phonebanks%7B?page,per_page}',
    );
  });

  it.each([
    ['http://h/api/v1/phonebanks/12', /^http:\/\/h\/api\/v1\/phonebanks\/\d+$/],
    ['http://h/pb/d91b4b2e-ae0e-4cd3-9ed7-d0ec501b0bc3', /^http:\/\/h\/pb\/[0-9a-f-]{36}$/],
    ['http://h/pb/rally-for-rivers?x=1', /^http:\/\/h\/pb\/rally-fo[a-z-]{8}$/],
    // A ULID keeps its timestamp half and its alphabet: a server that checks the form answers 404.
    ['http://h/pb/01JEV3K8Q4ZK9T2W5XN7C6B0DR', /^http:\/\/h\/pb\/01JEV3K8Q4ZK9[0-9A-Z]{13}$/],
    ['http://h/pb/pb-00017', /^http:\/\/h\/pb\/osdi-conformance-missing-run1$/],
  ])('makes an unknown id next to %s in the same format', (url, pattern) => {
    const unknown = unknownSibling(url, 'run1');

    expect(unknown).toMatch(pattern);
    expect(unknown).not.toBe(url);
  });
});

describe('field support', () => {
  it('counts a field never returned as not supported, an equal instant as supported, a change as a mismatch', () => {
    const sent = { name: 'a', start_time: '2031-03-04T09:00:00Z', caller_id: '1', summary: 's', identifiers: ['x:1'] };
    const received = { name: 'a', start_time: '2031-03-04T09:00:00.000+00:00', caller_id: '2', summary: null };

    expect(fieldSupportOf(sent, received)).toEqual({
      name: 'supported',
      start_time: 'supported',
      caller_id: 'mismatch',
      summary: 'not-supported',
    });
  });
});
