// Retrieving one Phonebank (phone_bank.md, Scenario: Retrieving an individual Phonebank resource).
import {
  deleteCreatedAfterAll,
  hrefOf,
  noteFlexenums,
  requirementTest,
  sameUrl,
  shared,
  fetchSomePhonebank,
  unknownSibling,
} from '../src/suite-kit/index.js';

deleteCreatedAfterAll();

const fetched = shared(fetchSomePhonebank);

requirementTest('PB-GET-01', async (check) => {
  const { exchange } = await fetched.own(check);
  const rule = 'GET of a Phonebank MUST answer 200 with the Phonebank';

  check.expectStatus(exchange, [200], rule);
  const document = check.expectJson(exchange, rule);
  check.expectValid('phonebank.schema.json', document, exchange, rule);
  noteFlexenums(check, document);
});

requirementTest('PB-GET-02', async (check) => {
  const { url, exchange } = await fetched.own(check);
  const response = exchange.response;
  if (response?.status !== 200 || response.json === undefined)
    return check.skip('not checked: GET of the Phonebank did not answer 200 with JSON');

  const self = hrefOf(response.json, 'self', response.url);
  if (!sameUrl(self, url)) {
    check.fail(
      `A Phonebank's self link MUST be the URL it is fetched from (${url}), received ${self ?? 'no self link'}`,
      exchange,
    );
  }
});

requirementTest('PB-GET-03', async (check) => {
  const { url } = await fetched.need(check);
  const exchange = await check.get(unknownSibling(url, check.config.runId));

  check.expectStatus(exchange, [404], 'GET of an unknown Phonebank MUST answer 404');
});
