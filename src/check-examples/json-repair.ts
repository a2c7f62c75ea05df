import { createScanner, SyntaxKind, type JSONScanner } from 'jsonc-parser';

/** One thing that makes a body invalid JSON, at an offset of the body text. */
export interface SyntaxProblem {
  offset: number;
  message: string;
}

/** A replacement of `length` characters at `offset` of the original text by `text`. */
interface Edit {
  offset: number;
  length: number;
  text: string;
}

export interface Repair {
  problems: SyntaxProblem[];
  /** The text with each problem mended, so that checking can go on. */
  repaired: string;
  /** Maps an offset of `repaired` back to the offset of the original text. */
  toOriginal(offset: number): number;
}

/**
 * Finds the JSON mistakes example authors make (comments, trailing commas, unquoted keys,
 * single-quoted strings, bare words such as nil) token by token, and mends each of them.
 * What is left for the parser to complain about is reported by the caller.
 */
export function repairJson(text: string): Repair {
  const scanner = createScanner(text, false);
  const problems: SyntaxProblem[] = [];
  const edits: Edit[] = [];
  let previous: { kind: SyntaxKind; offset: number } | undefined;

  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    const offset = scanner.getTokenOffset();
    const found = inspect(text, scanner, kind, previous);
    if (found) {
      problems.push(found.problem);
      edits.push(found.edit);
    }
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia)
      previous = { kind, offset };
  }
  // A trailing comma is found at the bracket after it, so edits arrive out of order.
  edits.sort((a, b) => a.offset - b.offset);
  return {
    problems,
    repaired: applyEdits(text, edits),
    toOriginal: (offset) => toOriginal(edits, offset),
  };
}

type Found = { problem: SyntaxProblem; edit: Edit } | undefined;

function inspect(
  text: string,
  scanner: JSONScanner,
  kind: SyntaxKind,
  previous?: { kind: SyntaxKind; offset: number },
): Found {
  const offset = scanner.getTokenOffset();
  const token = text.slice(offset, offset + scanner.getTokenLength());

  if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia)
    return comment(offset, token);
  if (
    (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) &&
    previous?.kind === SyntaxKind.CommaToken
  ) {
    return trailingComma(previous.offset, token);
  }
  if (kind === SyntaxKind.Unknown && token.startsWith("'"))
    return singleQuoted(text, scanner, offset);
  if (kind === SyntaxKind.Unknown && /^[A-Za-z_$][\w$]*$/.test(token))
    return bareWord(text, offset, token);
  return undefined;
}

function comment(offset: number, token: string): Found {
  const shown = token.split('\n')[0]!.trim();
  return {
    problem: { offset, message: `comments are not allowed in JSON: ${shown}` },
    edit: { offset, length: token.length, text: token.replace(/[^\n]/g, ' ') },
  };
}

function trailingComma(offset: number, closer: string): Found {
  return {
    problem: { offset, message: `trailing comma before "${closer}" is not allowed in JSON` },
    edit: { offset, length: 1, text: ' ' },
  };
}

// The scanner splits 'two words' at the space; the string ends at the next quote on the line.
function singleQuoted(text: string, scanner: JSONScanner, offset: number): Found {
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const close = text.indexOf("'", offset + 1);
  const end = close !== -1 && close < lineEnd ? close + 1 : lineEnd;
  const inner = text.slice(offset + 1, close !== -1 && close < lineEnd ? close : lineEnd);
  scanner.setPosition(end);
  return {
    problem: { offset, message: `strings must be in double quotes: '${inner}'` },
    edit: { offset, length: end - offset, text: JSON.stringify(inner) },
  };
}

function bareWord(text: string, offset: number, word: string): Found {
  if (/^\s*:/.test(text.slice(offset + word.length))) {
    return {
      problem: { offset, message: `property names must be in double quotes: ${word}` },
      edit: { offset, length: word.length, text: JSON.stringify(word) },
    };
  }
  return {
    problem: {
      offset,
      message: `${word} is not a JSON value (use null, true, false, a number or a string)`,
    },
    edit: { offset, length: word.length, text: 'null' },
  };
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.offset) + edit.text;
    at = edit.offset + edit.length;
  }
  return out + text.slice(at);
}

function toOriginal(edits: Edit[], offset: number): number {
  let delta = 0;
  for (const edit of edits) {
    const start = edit.offset + delta;
    if (offset < start) break;
    if (offset < start + edit.text.length) return edit.offset;
    delta += edit.text.length - edit.length;
  }
  return offset - delta;
}
