import type { CodeBlock } from './page.js';

export interface RequestLine {
  method: string;
  url: string;
  line: number;
}

export interface StatusLine {
  status: number;
  reason: string;
  line: number;
}

export interface Header {
  name: string;
  value: string;
  line: number;
}

/** The JSON text of an example, as whole page lines from the first `{` or `[` line on. */
export interface BodyText {
  text: string;
  /** 1-based page line of the body's first line. */
  line: number;
}

/** An example block split into its HTTP preamble and its JSON body. */
export interface HttpExample {
  request?: RequestLine;
  status?: StatusLine;
  headers: Header[];
  body?: BodyText;
}

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)/;
const STATUS_LINE = /^([1-5]\d\d)\b\s*(.*)$/;
// "Header:" is how the spec's examples introduce their headers; it is not a header itself.
const HEADER_LABEL = /^headers?:\s*$/i;
const HEADER = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/;

/**
 * Splits an example: a request line or status line, header lines, then the JSON body. The
 * spec's examples sometimes put the body straight after the headers, with no blank line.
 */
export function splitHttp(block: CodeBlock): HttpExample {
  const out: HttpExample = { headers: [] };
  const bodyStart = block.lines.findIndex((text) => /^\s*[{[]/.test(text));
  const preambleEnd = bodyStart === -1 ? block.lines.length : bodyStart;

  for (let i = 0; i < preambleEnd; i++)
    readPreambleLine(out, block.lines[i]!.trim(), block.line + i);
  if (bodyStart !== -1) out.body = bodyText(block, bodyStart);
  return out;
}

function readPreambleLine(out: HttpExample, text: string, line: number): void {
  if (text === '' || HEADER_LABEL.test(text)) return;

  const request = REQUEST_LINE.exec(text);
  const status = STATUS_LINE.exec(text);
  const header = HEADER.exec(text);
  if (request && !out.request && !out.status)
    out.request = { method: request[1]!, url: request[2]!, line };
  else if (status && !out.request && !out.status)
    out.status = { status: Number(status[1]), reason: status[2]!, line };
  else if (header) out.headers.push({ name: header[1]!, value: header[2]!, line });
}

function bodyText(block: CodeBlock, start: number): BodyText {
  const lines = block.lines.slice(start);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return { text: lines.join('\n'), line: block.line + start };
}
