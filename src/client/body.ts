import type { Readable } from 'node:stream';

/** Reads a response body, giving up once it exceeds `maxBytes`. */
export async function readCapped(stream: Readable, maxBytes: number): Promise<{ text: string } | { tooLarge: true }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      stream.destroy();
      return { tooLarge: true };
    }
    chunks.push(buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

/** Parses a body as JSON; a body that is not JSON is a finding about the target, so it is data. */
export function parseJson(text: string): { json?: unknown; jsonError?: string } {
  if (text.trim() === '') return {};
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    return { jsonError: `the body is not JSON: ${(error as Error).message}` };
  }
}

/**
 * application/json, application/hal+json and any other +json type are JSON (general.md, Mime
 * Types; RFC 6839 for the +json suffix).
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || /^[a-z]+\/[^\s/]+\+json$/.test(essence);
}
