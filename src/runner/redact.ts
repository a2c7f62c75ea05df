/**
 * Keeps the API token out of everything the tool prints or writes. The token may travel in
 * the OSDI-API-Token header or in an `osdi-api-token` query parameter (general.md,
 * Authentication); both are masked, and so is the token's text wherever else it shows up.
 */

export const MASK = '***';

const QUERY_TOKEN = /(osdi-api-token=)([^&#\s"'<>]*)/gi;
const TOKEN_HEADER = 'osdi-api-token';

/** Masks the token (raw and URL-encoded) and any `osdi-api-token` query value in `text`. */
export function redactText(text: string, token?: string): string {
  // Already-masked values stay as they are, so that redacting twice changes nothing.
  let out = text.replace(QUERY_TOKEN, (match, prefix: string, value: string) =>
    value.startsWith(MASK) ? match : prefix + MASK,
  );
  for (const secret of secretForms(token)) out = out.split(secret).join(MASK);
  return out;
}

/** Returns a deep copy of a JSON-like value with every string redacted and token headers masked. */
export function redactDeep<T>(value: T, token?: string): T {
  return walk(value, token) as T;
}

function walk(value: unknown, token: string | undefined): unknown {
  if (typeof value === 'string') return redactText(value, token);
  if (Array.isArray(value)) return value.map((item) => walk(item, token));
  if (value === null || typeof value !== 'object') return value;

  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[redactText(key, token)] = key.toLowerCase() === TOKEN_HEADER ? MASK : walk(item, token);
  }
  return out;
}

function secretForms(token: string | undefined): string[] {
  if (!token) return [];
  const encoded = encodeURIComponent(token);
  return encoded === token ? [token] : [token, encoded];
}
