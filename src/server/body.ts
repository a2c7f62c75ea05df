import type { IncomingMessage } from 'node:http';
import { httpError } from './errors.js';

/** Bodies larger than this answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body as JSON whatever its Content-Type: general.md (Mime Types) asks servers
 * to be liberal with missing or wrong mime types. An oversized body is read to its end and
 * dropped, so that the client gets to see the 413 instead of a reset connection.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readText(req, limit);
  if (text.trim() === '') {
    throw httpError(400, 'MALFORMED_JSON', 'the request body is empty; send a JSON object');
  }

  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw httpError(
      400,
      'MALFORMED_JSON',
      `the request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

async function readText(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;

  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }

  if (size > limit) {
    throw httpError(
      413,
      'PAYLOAD_TOO_LARGE',
      `the request body has ${size} bytes; the limit is ${limit}`,
    );
  }
  return Buffer.concat(chunks).toString('utf8');
}
