// Authentication with OSDI-API-Token (general.md, Authentication; errors.md).
import type { Exchange } from '../src/client/index.js';
import {
  collectionUrl,
  createdUrl,
  createPhonebank,
  deleteCreatedAfterAll,
  Finding,
  listedPhonebank,
  NotApplicable,
  requirementTest,
  shared,
  type Check,
} from '../src/suite-kit/index.js';

deleteCreatedAfterAll();

const WRONG_TOKEN = 'osdi-conformance-wrong-token';

/**
 * A Phonebank of this run's own, for the writes sent with a wrong token, or undefined when
 * none can be had: creating one is the POST checks' question, not this one's.
 */
const own = shared(async (check) => {
  try {
    return createdUrl(check, await createPhonebank(check, 'auth'));
  } catch (error) {
    if (error instanceof Finding || error instanceof NotApplicable) return undefined;
    throw error;
  }
});

requirementTest('PB-AUTH-01', async (check) => {
  if (!check.config.token)
    return check.skip('no token given (--token): the target is used without one');

  await refusesWrongToken(check, await collectionUrl(check));
  // A Phonebank the collection lists too: a server may guard its collection only. Whether the
  // collection can be read is the collection checks' question, not this one's.
  const item = await listedPhonebank(check).catch(() => undefined);
  if (item) await refusesWrongToken(check, item);
  // And writes: a server may guard its reads only. They go to a Phonebank this run created.
  if (!check.writesUnavailable) await refusesWrongTokenOnWrites(check);
});

async function refusesWrongToken(check: Check, url: string): Promise<void> {
  const exchange = await check.get(url, { auth: { token: WRONG_TOKEN } });
  check.expectStatus(
    exchange,
    [401, 403],
    'A request with a wrong OSDI-API-Token MUST answer 401 or 403',
  );
}

async function refusesWrongTokenOnWrites(check: Check): Promise<void> {
  const url = await own.own(check);
  if (!url) return check.note('no Phonebank of its own could be created: writes not tried');

  const body = { name: `osdi-conformance ${check.config.runId} auth (wrong token)` };
  for (const method of ['PUT', 'DELETE'] as const) {
    // A method the target refused with the right token tells nothing about the wrong one.
    const refused = check.refusalOf(method);
    if (refused) {
      check.note(`${method} with a wrong token not tried: ${refused}`);
      continue;
    }
    const exchange = await wrongTokenWrite(check, method, url, body);
    if (!exchange) continue;
    const status = exchange.response?.status;
    // A target that takes no PUT (or DELETE) at all may say so before it looks at the token.
    if (status === 405 || status === 501) {
      check.note(`${method} with a wrong token answered ${status}: the method is not supported`);
      continue;
    }
    check.expectStatus(
      exchange,
      [401, 403],
      `A ${method} with a wrong OSDI-API-Token MUST answer 401 or 403`,
    );
  }
}

/** The write, or undefined (noted) when the suite may not send it: GET shows no Phonebank of its own. */
async function wrongTokenWrite(
  check: Check,
  method: 'PUT' | 'DELETE',
  url: string,
  body: unknown,
): Promise<Exchange | undefined> {
  try {
    return await check.writeWithToken(
      method,
      url,
      WRONG_TOKEN,
      method === 'PUT' ? body : undefined,
    );
  } catch (error) {
    if (!(error instanceof NotApplicable)) throw error;
    check.note(`${method} with a wrong token not tried: ${error.reason}`);
    return undefined;
  }
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
