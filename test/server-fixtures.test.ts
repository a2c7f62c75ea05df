// The project's request fixtures sent to the reference server: every invalid create or update
// body answers 400 naming the property the fixture breaks, and changes nothing; the valid
// ones are accepted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';
import { propertyOf } from '../src/server/errors.js';
import {
  allPhonebanks,
  collectionUrl,
  firstPhonebankUrl,
  request,
  serverFor,
} from './server-helpers.js';

interface InvalidFixture {
  file: string;
  schema: string;
  pointer: string;
}

const fixtures = join(packageRoot(), 'fixtures');
const read = (path: string): string => readFileSync(join(fixtures, path), 'utf8');

const manifest = JSON.parse(read('invalid/manifest.json')) as InvalidFixture[];
const bodies = manifest.filter((f) => /^phonebank-(create|update)\.schema\.json$/.test(f.schema));

describe('reference server: invalid request fixtures', () => {
  const ctx = serverFor();

  it('covers both request schemas', () => {
    expect(bodies.map((f) => f.schema)).toContain('phonebank-create.schema.json');
    expect(bodies.map((f) => f.schema)).toContain('phonebank-update.schema.json');
  });

  it.each(bodies.map((f) => [f.file, f] as const))(
    '%s answers 400 and changes nothing',
    async (_, fixture) => {
      const create = fixture.schema === 'phonebank-create.schema.json';
      const url = create ? await collectionUrl(ctx.server) : await firstPhonebankUrl(ctx.server);
      const before = await allPhonebanks(ctx.server);

      const res = await request(url, {
        method: create ? 'POST' : 'PUT',
        body: read(`invalid/${fixture.file}`),
      });

      expect(res.status).toBe(400);
      const named = res.body['osdi:error'].resource_status[0].error_descriptions.flatMap(
        (d: any) => d.properties,
      );
      expect(named).toEqual(
        fixture.pointer === '' ? [] : expect.arrayContaining([propertyOf(fixture.pointer)]),
      );
      expect(await allPhonebanks(ctx.server)).toEqual(before);
    },
  );
});

describe('reference server: valid request fixtures', () => {
  const ctx = serverFor();

  // The spec's example links point at osdi-sample-system.org, which this server does not know.
  const withoutLinks = (file: string) => {
    const { _links: _, ...body } = JSON.parse(read(`valid/${file}`)) as Record<string, unknown>;
    return body;
  };

  it.each([
    'create-phonebank.request.json',
    'create-phonebank-minimal.request.json',
    'create-phonebank-control.request.json',
  ])('accepts %s on POST', async (file) => {
    const res = await request(await collectionUrl(ctx.server), {
      method: 'POST',
      json: withoutLinks(file),
    });

    expect(res.status).toBe(200);
  });

  it.each(['modify-phonebank.request.json', 'modify-phonebank-clear.request.json'])(
    'accepts %s on PUT',
    async (file) => {
      const res = await request(await firstPhonebankUrl(ctx.server), {
        method: 'PUT',
        json: withoutLinks(file),
      });

      expect(res.status).toBe(200);
    },
  );
});
