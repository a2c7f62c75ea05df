import type { RunResult } from '../src/runner/index.js';
import { renderConsole, type ConsoleOptions } from './console.js';
import { renderJson } from './json.js';
import { escapeMarkdown, inlineCode, renderMarkdown, type MarkdownOptions } from './markdown.js';
import { renderHtml, type HtmlOptions } from './html.js';
import { renderJunit, type JunitOptions } from './junit.js';
import { xmlAttribute, xmlText } from './shared.js';

/**
 * A report format: a pure function from the result tree to text. A new format (JUnit,
 * Markdown, HTML) is one more file here and one more entry in `REPORTERS`.
 */
export interface ReportFormat<Options = object> {
  name: string;
  /** The file extension a report of this format is usually written to. */
  extension: string;
  render(result: RunResult, options?: Options): string;
}

export const consoleReporter: ReportFormat<ConsoleOptions> = {
  name: 'console',
  extension: 'txt',
  render: renderConsole,
};
export const jsonReporter: ReportFormat = { name: 'json', extension: 'json', render: renderJson };

export const junitReporter: ReportFormat<JunitOptions> = {
  name: 'junit',
  extension: 'xml',
  render: renderJunit,
};

export const markdownReporter: ReportFormat<MarkdownOptions> = {
  name: 'markdown',
  extension: 'md',
  render: renderMarkdown,
};

export const htmlReporter: ReportFormat<HtmlOptions> = {
  name: 'html',
  extension: 'html',
  render: renderHtml,
};

export const REPORTERS = {
  console: consoleReporter,
  json: jsonReporter,
  junit: junitReporter,
  markdown: markdownReporter,
  html: htmlReporter,
} as const;

export { renderConsole, renderJson, renderJunit, renderMarkdown, renderHtml };
export { xmlAttribute, xmlText, escapeMarkdown, inlineCode };
export type { ConsoleOptions, JunitOptions, MarkdownOptions, HtmlOptions };
