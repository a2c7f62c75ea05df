import type { RequirementResult } from '../src/generated/schemas.js';
import type { RunResult } from '../src/runner/index.js';
import {
  byScenario,
  evidenceLines,
  plural,
  sourceText,
  xmlAttribute,
  xmlText,
  type ScenarioGroup,
} from './shared.js';

/** How the JUnit report is written. */
export interface JunitOptions {
  /** Longest body excerpt in a failure, in characters. @default 1000 */
  bodyLimit?: number;
}

/** A JUnit XML element; `text` and `children` exclude each other. */
interface XmlNode {
  name: string;
  attrs?: Record<string, string | number | undefined>;
  text?: string;
  children?: XmlNode[];
}

/**
 * JUnit XML as GitLab, Jenkins and the GitHub test-report actions read it: one `<testsuite>`
 * per scenario, one `<testcase>` per requirement (`<id> <title>`, classname
 * `osdi-conformance.<scenario>`), a `<failure>` with message, evidence and spec sentence, a
 * `<skipped>` with the reason, and level, source and sentence as `<property>` elements. Tool
 * errors and resources left on the target are `<error>`s of a last suite named "tool", so
 * that they stay apart from findings about the target.
 */
export function renderJunit(result: RunResult, options: JunitOptions = {}): string {
  const limit = options.bodyLimit ?? 1000;
  const suites = byScenario(result).map((group) => scenarioSuite(group, result, limit));
  const tool = toolSuite(result);
  if (tool) suites.push(tool);

  const root: XmlNode = {
    name: 'testsuites',
    attrs: {
      name: 'osdi-conformance',
      ...suiteCounts(suites),
      time: seconds(result.durationMs),
      timestamp: result.startedAt,
    },
    children: suites,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderNode(root, 0)}\n`;
}

function scenarioSuite(group: ScenarioGroup, result: RunResult, limit: number): XmlNode {
  const cases = group.requirements.map((r) => testcase(r, limit));
  const ms = group.requirements.reduce((sum, r) => sum + (r.durationMs ?? 0), 0);
  return suite(group.scenario, ms, result, cases);
}

function suite(name: string, ms: number, result: RunResult, cases: XmlNode[]): XmlNode {
  const attrs = { name, ...caseCounts(cases), time: seconds(ms), timestamp: result.startedAt };
  const properties = propertiesNode({
    target: result.target,
    tool: `${result.tool.name} ${result.tool.version}`,
    'run-id': result.runId,
  });
  return { name: 'testsuite', attrs, children: [properties, ...cases] };
}

function testcase(r: RequirementResult, limit: number): XmlNode {
  const properties = propertiesNode({
    level: r.level,
    source: sourceText(r),
    sentence: r.sentence,
  });
  const children = [properties, ...outcomeNodes(r, limit)];
  if (r.notes && r.notes.length > 0)
    children.push({ name: 'system-out', text: r.notes.map((n) => `note: ${n}`).join('\n') });

  const attrs = { name: `${r.id} ${r.title}`, classname: `osdi-conformance.${r.scenario}` };
  return { name: 'testcase', attrs: { ...attrs, time: seconds(r.durationMs ?? 0) }, children };
}

function outcomeNodes(r: RequirementResult, limit: number): XmlNode[] {
  if (r.status === 'skipped')
    return [{ name: 'skipped', attrs: { message: r.message ?? 'no reason given' } }];
  if (r.status === 'passed') return [];

  const message = r.message ?? `${r.id} failed`;
  return [
    {
      name: 'failure',
      attrs: { message: message.split('\n')[0], type: r.level },
      text: failureText(r, message, limit),
    },
  ];
}

function failureText(r: RequirementResult, message: string, limit: number): string {
  const lines = [message, ...(r.evidence ? evidenceLines(r.evidence, limit) : [])];
  lines.push(r.sentence ? `spec: "${r.sentence}" (${sourceText(r)})` : `spec: ${sourceText(r)}`);
  return lines.join('\n');
}

/** Tool errors and left-over resources, or undefined when there are none. */
function toolSuite(result: RunResult): XmlNode | undefined {
  const cases: XmlNode[] = (result.toolErrors ?? []).map((error) =>
    errorCase(error.split('\n')[0]!, error, 'tool-error'),
  );
  const { leftOver } = result.cleanup;
  if (leftOver.length > 0) {
    const message = `${plural(leftOver.length, 'resource')} the run created could not be deleted: remove by hand`;
    cases.push(errorCase('cleanup', message, 'cleanup', leftOver.join('\n')));
  }
  return cases.length > 0 ? suite('tool', 0, result, cases) : undefined;
}

function errorCase(name: string, message: string, type: string, text?: string): XmlNode {
  const error: XmlNode = { name: 'error', attrs: { message, type } };
  if (text !== undefined) error.text = text;
  const attrs = { name, classname: 'osdi-conformance.tool', time: seconds(0) };
  return { name: 'testcase', attrs, children: [error] };
}

function propertiesNode(values: Record<string, string | undefined>): XmlNode {
  const children = Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ({ name: 'property', attrs: { name, value } }));
  return { name: 'properties', children };
}

type Counts = Record<'tests' | 'failures' | 'errors' | 'skipped', number>;

/** tests, failures, errors and skipped of a list of testcases. */
function caseCounts(cases: XmlNode[]): Counts {
  const having = (child: string) =>
    cases.filter((c) => c.children?.some((node) => node.name === child)).length;
  return {
    tests: cases.length,
    failures: having('failure'),
    errors: having('error'),
    skipped: having('skipped'),
  };
}

/** The sums of the suites' counts, for <testsuites>. */
function suiteCounts(suites: XmlNode[]): Counts {
  const sum = (key: keyof Counts) => suites.reduce((total, s) => total + Number(s.attrs?.[key]), 0);
  return {
    tests: sum('tests'),
    failures: sum('failures'),
    errors: sum('errors'),
    skipped: sum('skipped'),
  };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function renderNode(node: XmlNode, depth: number): string {
  const pad = '  '.repeat(depth);
  const open = `${pad}<${node.name}${attributes(node.attrs)}`;
  if (node.text !== undefined) return `${open}>${xmlText(node.text)}</${node.name}>`;
  if (!node.children || node.children.length === 0) return `${open}/>`;

  const children = node.children.map((child) => renderNode(child, depth + 1));
  return [`${open}>`, ...children, `${pad}</${node.name}>`].join('\n');
}

function attributes(attrs: XmlNode['attrs'] = {}): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}
