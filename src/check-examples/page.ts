import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** A fenced code block of a page, as the raw lines of the page (so columns stay exact). */
export interface CodeBlock {
  /** 1-based line of the first line inside the fence. */
  line: number;
  lines: string[];
}

/** What a block sits under: the "#### Request" or "#### Response" heading, if any. */
export type BlockLabel = 'request' | 'response' | undefined;

export interface Scenario {
  /** The heading text, e.g. "Scenario: Creating a new Phonebank resource (POST)". */
  title: string;
  line: number;
  blocks: { label: BlockLabel; block: CodeBlock }[];
}

/** An `{% include X %}` line: Jekyll pastes the named file there. */
export interface IncludeLine {
  name: string;
  line: number;
}

/** The relation labels a resource page defines in its text. */
export interface RelationLabels {
  single: string;
  collection: string;
  line: number;
}

export interface ParsedPage {
  source: string;
  scenarios: Scenario[];
  includes: IncludeLine[];
  labels?: RelationLabels;
}

const md = new MarkdownIt();

export function parsePage(source: string): ParsedPage {
  const lines = source.split(/\r?\n/);
  const tokens = md.parse(source, {});
  return {
    source,
    scenarios: findScenarios(tokens, lines),
    includes: findIncludes(lines),
    labels: findLabels(source),
  };
}

// A scenario runs from its "### Scenario: ..." heading to the next heading of level 3 or above;
// "#### Request" and "#### Response" headings inside it label the code blocks that follow.
function findScenarios(tokens: Token[], lines: string[]): Scenario[] {
  const scenarios: Scenario[] = [];
  let current: Scenario | undefined;
  let label: BlockLabel;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const text = tokens[i + 1]?.content.trim() ?? '';
      const level = Number(token.tag.slice(1));
      if (level <= 3) current = startScenario(scenarios, text, lineOf(token));
      label = level > 3 ? headingLabel(text) : undefined;
    }
    if (token.type === 'fence' && current)
      current.blocks.push({ label, block: codeBlock(token, lines) });
  }
  return scenarios;
}

function startScenario(scenarios: Scenario[], title: string, line: number): Scenario | undefined {
  if (!/^scenario\b/i.test(title)) return undefined;
  const scenario: Scenario = { title, line, blocks: [] };
  scenarios.push(scenario);
  return scenario;
}

function headingLabel(text: string): BlockLabel {
  if (/^request\b/i.test(text)) return 'request';
  if (/^response\b/i.test(text)) return 'response';
  return undefined;
}

function codeBlock(token: Token, lines: string[]): CodeBlock {
  const start = (token.map?.[0] ?? 0) + 1;
  const count = token.content.split('\n').length - 1;
  return { line: start + 1, lines: lines.slice(start, start + count) };
}

function lineOf(token: Token): number {
  return (token.map?.[0] ?? 0) + 1;
}

function findIncludes(lines: string[]): IncludeLine[] {
  const out: IncludeLine[] = [];
  lines.forEach((text, i) => {
    const match = /^\s*\{%-?\s*include\s+([^\s%]+)[^%]*-?%\}/.exec(text);
    if (match) out.push({ name: match[1]!, line: i + 1 });
  });
  return out;
}

// phone_bank.md: "The link relation label for an Phonebank resource is ```osdi:phonebank``` for
// a single Phonebank resource or ```osdi:phonebanks``` for a collection of Phonebank resources."
const LABELS =
  /`+(osdi:[\w-]+)`+\s+for\s+a\s+single\b[\s\S]*?`+(osdi:[\w-]+)`+\s+for\s+a\s+collection/i;

function findLabels(source: string): RelationLabels | undefined {
  const match = LABELS.exec(source);
  if (!match) return undefined;
  const line = source.slice(0, match.index).split('\n').length;
  return { single: match[1]!, collection: match[2]!, line };
}
