// Authentication with OSDI-API-Token (general.md, Authentication; errors.md).
import { collectionUrl, requirementTest } from '../src/suite-kit/index.js';

const WRONG_TOKEN = 'osdi-conformance-wrong-token';

requirementTest('PB-AUTH-01', async (check) => {
  if (!check.config.token)
    return check.skip('no token given (--token): the target is used without one');

  const exchange = await check.get(await collectionUrl(check), { auth: { token: WRONG_TOKEN } });
  check.expectStatus(
    exchange,
    [401, 403],
    'A request with a wrong OSDI-API-Token MUST answer 401 or 403',
  );
});

requirementTest('PB-AUTH-02', async (check) => {
  if (!check.config.token)
    return check.skip('no token given (--token): the target is used without one');

  const exchange = await check.get(await collectionUrl(check), { auth: 'none' });
  const status = exchange.response?.status;
  if (status === 200)
    return check.note(
      'the target serves the collection to requests without a token (anonymous reads)',
    );
  check.expectStatus(
    exchange,
    [401, 403],
    'A request without a token MUST be refused with 401 or 403, or served',
  );
});
