import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The body with its Content-Encoding undone. A request without Accept-Encoding lets the server
 * use any content coding (RFC 9110 §12.5.3), so the common ones are decoded; the size cap of
 * `readCapped` then applies to the decoded bytes, which keeps a compression bomb small. An
 * unknown coding is passed through and shows as a body that is not JSON.
 */
export function decoded(stream: Readable, contentEncoding: string | undefined): Readable {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  // Codings are listed in the order they were applied: undo the last first.
  let body: Readable = stream;
  for (const coding of codings.reverse()) {
    const decoder = DECODERS[coding];
    if (!decoder) return stream;
    const source = body;
    body = source.pipe(decoder()) as unknown as Readable;
    source.on('error', (error) => body.destroy(error));
    body.on('close', () => source.destroy());
  }
  return body;
}

/**
 * Reads a response body, giving up once it exceeds `maxBytes`. `text` is the body decoded as
 * UTF-8 (bad sequences replaced); `invalidUtf8` says there were some.
 */
export async function readCapped(
  stream: Readable,
  maxBytes: number,
): Promise<{ text: string; invalidUtf8: boolean } | { tooLarge: true }> {
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
  const bytes = Buffer.concat(chunks);
  return { text: bytes.toString('utf8'), invalidUtf8: !isUtf8(bytes) };
}

/** Deeper than this, a document is refused: no OSDI resource nests a tenth as deep. */
export const MAX_JSON_DEPTH = 256;

/**
 * Parses a body as JSON; a body that is not JSON is a finding about the target, so it is data.
 * JSON exchanged between systems MUST be UTF-8 (RFC 8259 §8.1). A document nested deeper than
 * MAX_JSON_DEPTH is refused too: the schema validator and the reports walk documents
 * recursively, and a hostile server must not be able to overflow the stack.
 */
export function parseJson(
  text: string,
  invalidUtf8 = false,
): { json?: unknown; jsonError?: string } {
  if (invalidUtf8) return { jsonError: 'the body is not valid UTF-8 (RFC 8259 §8.1)' };
  if (text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    return { jsonError: `the body is not JSON: ${printable((error as Error).message)}` };
  }
  if (deeperThan(json, MAX_JSON_DEPTH))
    return { jsonError: `the body nests JSON deeper than ${MAX_JSON_DEPTH} levels` };
  return { json };
}

// Error messages quote the body; a hostile body must not bring control characters along.
function printable(message: string): string {
  return message.replace(
    /[\u0000-\u001f\u007f-\u009f\ufffd]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// Iterative, so that measuring a deep document cannot overflow the stack either.
function deeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
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
