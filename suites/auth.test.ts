// Authentication with OSDI-API-Token (general.md, Authentication; errors.md).
import {
  collectionUrl,
  listedPhonebank,
  requirementTest,
  type Check,
} from '../src/suite-kit/index.js';

const WRONG_TOKEN = 'osdi-conformance-wrong-token';

requirementTest('PB-AUTH-01', async (check) => {
  if (!check.config.token)
    return check.skip('no token given (--token): the target is used without one');

  await refusesWrongToken(check, await collectionUrl(check));
  // A Phonebank the collection lists too: a server may guard its collection only. Whether the
  // collection can be read is the collection checks' question, not this one's.
  const item = await listedPhonebank(check).catch(() => undefined);
  if (item) await refusesWrongToken(check, item);
});

async function refusesWrongToken(check: Check, url: string): Promise<void> {
  const exchange = await check.get(url, { auth: { token: WRONG_TOKEN } });
  check.expectStatus(
    exchange,
    [401, 403],
    'A request with a wrong OSDI-API-Token MUST answer 401 or 403',
  );
}

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
