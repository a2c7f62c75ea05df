import type { RunResult } from '../../src/runner/index.js';

/** A hand-built result tree with one requirement of each status, for reporter tests. */
export function sampleResult(): RunResult {
  return {
    tool: { name: 'osdi-conformance', version: '0.1.0' },
    target: 'https://api.example.org/osdi/v1/',
    builtIn: false,
    runId: '20250101-abcdef',
    readOnly: false,
    startedAt: '2025-01-01T10:00:00.000Z',
    durationMs: 1234,
    summary: { passed: 1, failed: 1, skipped: 2 },
    requirements: [
      {
        id: 'PB-DISC-01',
        level: 'MUST',
        title: 'The API Entry Point answers 200 with an AEP document',
        source: {
          file: 'aep.md',
          section: 'Scenario: Retrieving the API Entry Point resource (GET)',
        },
        sentence: 'Calling the AEP URL will return the API Entry Point resource.',
        scenario: 'discovery',
        status: 'passed',
        notes: ['answered application/json, not application/hal+json'],
      },
      {
        id: 'PB-COL-02',
        level: 'MUST',
        title: 'Every embedded Phonebank validates against the Phonebank schema',
        source: { file: 'phone_bank.md', section: 'Phonebank Fields' },
        sentence: 'daily_start_hour | integer | The hour of the day the phone bank starts.',
        scenario: 'collection',
        status: 'failed',
        message:
          'MUST validate against the Phonebank schema: /daily_start_hour must be an integer, got "9"',
        evidence: {
          request: { method: 'GET', url: 'https://api.example.org/osdi/v1/phonebanks?page=1' },
          response: {
            status: 200,
            body: {
              total_records: 1,
              _embedded: { 'osdi:phonebanks': [{ daily_start_hour: '9' }] },
            },
          },
        },
      },
      {
        id: 'PB-POST-01',
        level: 'MUST',
        title: 'POST creates a Phonebank and returns it',
        source: { file: 'phone_bank.md', section: 'Scenario: Creating a new Phonebank (POST)' },
        scenario: 'post',
        status: 'skipped',
        message: 'not supported by the target: POST answered 405',
      },
      {
        id: 'PB-LINK-02',
        level: 'SHOULD',
        title: 'A linked resource validates against its schema where one exists',
        source: { file: 'general.md', section: 'Linking' },
        scenario: 'links',
        status: 'skipped',
        message: 'not selected',
      },
    ],
    fieldSupport: { name: 'supported', summary: 'not-supported', daily_start_hour: 'mismatch' },
    cleanup: {
      created: 2,
      deleted: 1,
      leftOver: ['https://api.example.org/osdi/v1/phonebanks/77'],
    },
  };
}
