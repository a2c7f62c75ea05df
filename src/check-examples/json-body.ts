import {
  createScanner,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  SyntaxKind,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { MAX_JSON_DEPTH } from '../client/body.js';
import type { BodyText } from './http-preamble.js';
import { repairJson, type SyntaxProblem } from './json-repair.js';

/** A place in the page: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** An example's JSON body: its (leniently parsed) value and how to find a pointer in the page. */
export interface JsonBody {
  value: unknown;
  syntax: { position: Position; message: string }[];
  /** Where the value at a JSON pointer starts in the page (a property: its key). */
  locate(pointer: string): Position;
  /**
   * Set when the body nests deeper than MAX_JSON_DEPTH: where the level past the limit opens.
   * Such a body is not parsed (value is undefined, syntax empty).
   */
  tooDeep?: Position;
}

/** Parses a body leniently, after listing everything that keeps it from being valid JSON. */
export function parseJsonBody(body: BodyText): JsonBody {
  const repair = repairJson(body.text);
  const position = positionIn(body);
  const deep = tooDeepOffset(repair.repaired, MAX_JSON_DEPTH);
  if (deep !== undefined) {
    const tooDeep = position(repair.toOriginal(deep));
    return { value: undefined, syntax: [], locate: () => tooDeep, tooDeep };
  }

  const errors: ParseError[] = [];
  const tree = parseTree(repair.repaired, errors, {
    allowTrailingComma: true,
    disallowComments: false,
  });

  const located = (p: SyntaxProblem) => ({ position: position(p.offset), message: p.message });
  const mended = repair.problems.map(located);
  const rest = onePerLine(leftovers(errors, repair.repaired, repair.toOriginal).map(located));
  const mendedLines = new Set(mended.map((p) => p.position.line));
  return {
    value: tree ? getNodeValue(tree) : undefined,
    syntax: [...mended, ...rest.filter((p) => !mendedLines.has(p.position.line))].sort(byPosition),
    locate: (pointer) => position(repair.toOriginal(anchor(tree, pointer)?.offset ?? 0)),
  };
}

/**
 * Where a JSON text first opens a level past `max`, counted token by token: jsonc-parser's
 * parser, getNodeValue and the schema validator recurse once per level, so a deeper body would
 * overflow the stack. A closer that does not match the innermost opener is not counted, as the
 * parser's error recovery skips it too, so the count never falls below the depth it reaches.
 */
function tooDeepOffset(text: string, max: number): number | undefined {
  const scanner = createScanner(text, true);
  const closers: SyntaxKind[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken) closers.push(SyntaxKind.CloseBraceToken);
    else if (kind === SyntaxKind.OpenBracketToken) closers.push(SyntaxKind.CloseBracketToken);
    else if (kind === closers.at(-1)) closers.pop();
    if (closers.length > max) return scanner.getTokenOffset();
  }
  return undefined;
}

// Binary search over the line starts: a body with many findings must not cost lines × findings.
function positionIn(body: BodyText): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < body.text.length; i++) if (body.text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: body.line + low, column: offset - starts[low]! + 1 };
  };
}

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected characters',
  InvalidNumberFormat: 'this is not a valid JSON number',
  PropertyNameExpected: 'a property name in double quotes was expected here',
  ValueExpected: 'a value was expected here',
  ColonExpected: 'a colon was expected here',
  CommaExpected: 'a comma was expected here',
  CloseBraceExpected: 'a closing } was expected here',
  CloseBracketExpected: 'a closing ] was expected here',
  EndOfFileExpected: 'nothing may follow the JSON value',
  UnexpectedEndOfComment: 'the comment is not closed',
  UnexpectedEndOfString: 'the string is not closed',
  UnexpectedEndOfNumber: 'the number is not complete',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'control characters must be escaped inside strings',
};

function leftovers(
  errors: ParseError[],
  text: string,
  toOriginal: (offset: number) => number,
): SyntaxProblem[] {
  return errors.map((e) => {
    const name = printParseErrorCode(e.error);
    const found = JSON.stringify(text.slice(e.offset, e.offset + Math.max(e.length, 1)));
    return {
      offset: toOriginal(e.offset),
      message: `${PARSE_MESSAGES[name] ?? name} (found ${found})`,
    };
  });
}

// After one real mistake the parser's recovery often complains again on the same line.
function onePerLine<T extends { position: Position }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items
    .sort(byPosition)
    .filter((item) => !seen.has(item.position.line) && seen.add(item.position.line));
}

function byPosition(a: { position: Position }, b: { position: Position }): number {
  return a.position.line - b.position.line || a.position.column - b.position.column;
}

/** The node a pointer names: a property node for an object member, else the value node. */
function anchor(root: Node | undefined, pointer: string): Node | undefined {
  let value = root;
  let found = root;
  for (const key of splitPointer(pointer)) {
    const next = child(value, key);
    if (!next) return found;
    found = next.anchor;
    value = next.value;
  }
  return found;
}

function child(
  node: Node | undefined,
  key: string,
): { anchor: Node; value: Node | undefined } | undefined {
  if (node?.type === 'array') {
    const item = node.children?.[Number(key)];
    return item && { anchor: item, value: item };
  }
  if (node?.type !== 'object') return undefined;
  const property = propertiesOf(node).get(key);
  return property && { anchor: property, value: property.children?.[1] };
}

// Each object's properties by key (the first of a repeated key), built once per object node,
// so that locating many findings in a wide object stays linear.
const PROPERTIES = new WeakMap<Node, Map<unknown, Node>>();

function propertiesOf(object: Node): Map<unknown, Node> {
  let properties = PROPERTIES.get(object);
  if (properties === undefined) {
    properties = new Map();
    for (const property of object.children ?? []) {
      const key: unknown = property.children?.[0]?.value;
      if (!properties.has(key)) properties.set(key, property);
    }
    PROPERTIES.set(object, properties);
  }
  return properties;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
