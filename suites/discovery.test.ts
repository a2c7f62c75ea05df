// Discovery: the API Entry Point and the way to the Phonebank collection (aep.md; general.md).
import {
  asObject,
  elsewhere,
  entryPoint,
  hrefOf,
  isHttpUrl,
  linksOf,
  relationsOf,
  requirementTest,
} from '../src/suite-kit/index.js';

requirementTest('PB-DISC-01', async (check) => {
  const rule = 'The API Entry Point MUST answer GET with 200 and an API Entry Point document';
  const exchange = await entryPoint(check);

  check.expectStatus(exchange, [200], rule);
  check.expectValid('aep.schema.json', check.expectJson(exchange, rule), exchange, rule);
});

requirementTest('PB-DISC-02', async (check) => {
  const exchange = await entryPoint(check);
  const response = exchange.response;
  if (response?.status !== 200 || response.json === undefined)
    return check.skip('not checked: the API Entry Point did not answer 200 with JSON');

  const rule = 'The API Entry Point MUST link the Phonebank collection as osdi:phonebanks';
  const rels = relationsOf(response.json);
  const href = hrefOf(response.json, 'osdi:phonebanks', response.url);
  if (!href && rels.includes('osdi:phonebanks')) {
    const link = asObject(asObject(response.json)?._links)?.['osdi:phonebanks'];
    check.fail(`${rule}, received a link without a usable href: ${JSON.stringify(link)}`, exchange);
  }
  if (!href)
    return check.fail(`${rule}, received the relations ${rels.join(', ') || 'none'}`, exchange);
  if (!isHttpUrl(href)) check.fail(`${rule} by an http or https URL, received ${href}`, exchange);
  if (elsewhere(check, href)) check.note(elsewhere(check, href)!);
});

// A relation named by an absolute URI ("https://example.org/rels/x", RFC 8288 extension
// relation types) needs no curie: only a compact "prefix:name" is expanded through one
// (docs/spec-decisions.md, D30).
const URI_RELATION = /^[a-z][a-z0-9+.-]*:\/\//i;

requirementTest('PB-DISC-03', async (check) => {
  const exchange = await entryPoint(check);
  const document = exchange.response?.json;
  if (document === undefined)
    return check.skip('not checked: the API Entry Point did not answer with JSON');

  const curies = linksOf(document, 'curies') as Array<{
    name?: unknown;
    href: string;
    templated?: unknown;
  }>;
  const prefixes = new Set(
    relationsOf(document)
      .filter((rel) => rel.includes(':') && !URI_RELATION.test(rel))
      .map((rel) => rel.split(':')[0]!),
  );
  const undefinedPrefixes = [...prefixes].filter(
    (prefix) =>
      !curies.some((c) => c.name === prefix && c.templated === true && c.href.includes('{rel}')),
  );

  if (undefinedPrefixes.length > 0) {
    check.fail(
      `Every curie-prefixed relation MUST have a templated curie whose href holds {rel}, received none for ${undefinedPrefixes.join(', ')}`,
      exchange,
    );
  }
});
