// What holds for every response (general.md, Mime Types; Error Handling).
import {
  collectionUrl,
  deleteCreatedAfterAll,
  entryPoint,
  isJsonContentType,
  requirementTest,
  shared,
  somePhonebank,
  unknownSibling,
  type Check,
} from '../src/suite-kit/index.js';

deleteCreatedAfterAll();

/** A few reads of every kind, so the checks hold even when this file runs alone. */
const sampled = shared(async (check) => {
  await entryPoint(check);
  await check.get(await collectionUrl(check));
  const phonebank = await somePhonebank(check);
  await check.get(phonebank);
  return { unknown: await check.get(unknownSibling(phonebank, check.config.runId)) };
});

function targetOrigin(check: Check): string {
  return new URL(check.config.target).origin;
}

requirementTest('PB-RESP-01', async (check) => {
  await sampled.need(check);

  for (const exchange of check.exchanges) {
    const response = exchange.response;
    if (
      !response ||
      response.text.trim() === '' ||
      new URL(response.url).origin !== targetOrigin(check)
    )
      continue;
    if (!isJsonContentType(response.contentType)) {
      check.fail(
        `A response SHOULD have a JSON content type (application/json or application/hal+json), received ${response.contentType ?? 'none'} for ${exchange.request.method} ${exchange.request.url}`,
        exchange,
      );
    }
  }
});

requirementTest('PB-RESP-02', async (check) => {
  const { unknown } = await sampled.need(check);
  const response = unknown.response;
  if (!response || response.status < 400) {
    return check.skip(
      `not checked: GET of an unknown Phonebank answered ${response?.status ?? unknown.error}, not an error`,
    );
  }

  if (!descriptive(response.text, response.json)) {
    check.fail(
      `An error response MUST carry a description of the failure in its body, received ${JSON.stringify(response.text)}`,
      unknown,
    );
  }
});

// Something a person can read: not empty, and not an empty JSON value.
function descriptive(text: string, json: unknown): boolean {
  if (text.trim() === '') return false;
  if (json === undefined) return true;
  if (json === null || json === '') return false;
  if (Array.isArray(json)) return json.length > 0;
  return typeof json !== 'object' || Object.keys(json).length > 0;
}
