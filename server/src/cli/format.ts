/**
 * The CLI's three output formats. Offsets inside, positions at the edge: this is where the CLI turns a problem's
 * offset into lines and columns (0-based LSP positions in JSON, 1-based in text and SARIF, UTF-16 code units in all).
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyTypeChoice } from '../policy/policyType';
import type { Rule } from '../rules/types';
import { docsUrl, type Problem, type Severity } from '../rules/types';

export interface LintedFile {
  /** Absolute path; undefined for standard input without --stdin-filename. */
  readonly path: string | undefined;
  /** What the user sees: the path relative to the working folder, or `<stdin>`. */
  readonly displayPath: string;
  /** The final text (after fixes, when fixing). */
  readonly document: TextDocument;
  readonly problems: readonly Problem[];
  readonly policyType: PolicyTypeChoice;
  /** For infrastructure code: the host's kind and its policies (`--format json` lists them). */
  readonly host?: { readonly kind: string; readonly policies: readonly { readonly label: string; readonly policyType: string }[] };
  /** Whether fixes changed the text (written with --fix, reported as `output` with --fix-dry-run). */
  readonly fixed: boolean;
}

export interface ToolInfo {
  readonly version: string;
  readonly dataSource: string;
  readonly dataVersion: string;
  readonly dataDate: string;
}

export const toolName = 'iam-policy-lint';
const informationUri = 'https://github.com/iam-policy-tools/iam-policy-lint';

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly hint: number;
  readonly fixable: number;
}

export function countProblems(files: readonly LintedFile[]): Counts {
  const counts = { error: 0, warning: 0, info: 0, hint: 0, fixable: 0 };
  for (const file of files) {
    for (const problem of file.problems) {
      counts[problem.severity]++;
      if (problem.fix) counts.fixable++;
    }
  }
  return counts;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

const severityColours: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };

/** eslint's "stylish" layout: a heading per file, one aligned line per problem, a summary. */
export function formatText(files: readonly LintedFile[], options: { color: boolean; fixing: boolean }): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const file of files) {
    if (file.problems.length === 0) continue;
    const rows = file.problems.map((problem) => {
      const { line, character } = file.document.positionAt(problem.offset);
      return { where: `${line + 1}:${character + 1}`, problem };
    });
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => row.problem.severity.length));
    lines.push(paint('4', file.displayPath));
    for (const { where, problem } of rows) {
      const severity = paint(severityColours[problem.severity], problem.severity.padEnd(severityWidth));
      lines.push(`  ${paint('2', where.padEnd(whereWidth))}  ${severity}  ${problem.message}  ${paint('2', problem.ruleId)}`);
    }
    lines.push('');
  }
  const counts = countProblems(files);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total > 0) {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
    if (counts.info + counts.hint > 0) parts.push(`${counts.info + counts.hint} info`);
    lines.push(paint(counts.error > 0 ? '31;1' : '33;1', `✖ ${plural(total, 'problem')} (${parts.join(', ')})`));
    if (counts.fixable > 0 && !options.fixing) {
      const which = total === 1 ? 'It is' : counts.fixable === total ? 'All of them are' : `${counts.fixable} of them ${counts.fixable === 1 ? 'is' : 'are'}`;
      lines.push(paint(counts.error > 0 ? '31;1' : '33;1', `  ${which} fixable with the \`--fix\` option.`));
    }
  }
  const fixed = files.filter((file) => file.fixed).length;
  if (fixed > 0) lines.push(`Fixed ${plural(fixed, 'file')}.`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** One entry per file linted; ranges are 0-based LSP positions, offsets index the (fixed) text. */
export function formatJson(files: readonly LintedFile[], options: { includeOutput: boolean }): string {
  const counts = countProblems(files);
  const entries = files.map((file) => ({
    path: file.displayPath,
    policyType: file.policyType.type,
    policyTypeSource: file.policyType.source,
    ...(file.host ? { host: file.host } : {}),
    fixed: file.fixed,
    ...(options.includeOutput && file.fixed ? { output: file.document.getText() } : {}),
    problems: file.problems.map((problem) => ({
      ruleId: problem.ruleId,
      messageId: problem.messageId,
      severity: problem.severity,
      message: problem.message,
      range: { start: file.document.positionAt(problem.offset), end: file.document.positionAt(problem.offset + problem.length) },
      offset: problem.offset,
      length: problem.length,
      fixable: problem.fix !== undefined,
    })),
  }));
  const summary = { errorCount: counts.error, warningCount: counts.warning, infoCount: counts.info, hintCount: counts.hint, fixableCount: counts.fixable };
  return `${JSON.stringify({ files: entries, ...summary }, null, 2)}\n`;
}

const sarifLevels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const sourceRoot = '%SRCROOT%';

/** A folder's file URI with the trailing slash SARIF requires of base URIs. */
function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Relative to the working folder (with uriBaseId) when inside it, else an absolute file URI. */
function artifactLocation(file: LintedFile, cwd: string): Record<string, unknown> {
  if (file.path === undefined) return { description: { text: 'standard input' } };
  const rel = relative(cwd, file.path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(file.path).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: sourceRoot };
}

/**
 * SARIF 2.1.0: one run, the full rule list (so `ruleIndex` is stable), results with 1-based regions whose columns
 * count UTF-16 code units (SARIF's default `columnKind`, stated explicitly), and the invocation's exit code.
 */
export function formatSarif(
  files: readonly LintedFile[],
  options: {
    cwd: string;
    tool: ToolInfo;
    rules: readonly Pick<Rule, 'id' | 'summary' | 'severity'>[];
    exitCode: number;
    arguments: readonly string[];
    /** Where a rule is explained; the rule's doc page by default (`diff` reports under a rule of its own). */
    helpUri?: (ruleId: string) => string;
  },
): string {
  const help = options.helpUri ?? docsUrl;
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const results = files.flatMap((file) =>
    file.problems.map((problem) => {
      const start = file.document.positionAt(problem.offset);
      const end = file.document.positionAt(problem.offset + problem.length);
      const index = ruleIndex.get(problem.ruleId);
      return {
        ruleId: problem.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: sarifLevels[problem.severity],
        message: { text: problem.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(file, options.cwd),
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
        properties: { messageId: problem.messageId, policyType: file.policyType.type },
      };
    }),
  );
  const sarif = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            version: options.tool.version,
            semanticVersion: options.tool.version,
            informationUri,
            rules: options.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.summary },
              helpUri: help(rule.id),
              help: { text: `${rule.summary} See ${help(rule.id)}`, markdown: `${rule.summary} [Documentation](${help(rule.id)})` },
              defaultConfiguration: { level: sarifLevels[rule.severity] },
            })),
            properties: { iamData: `${options.tool.dataSource} ${options.tool.dataVersion} (${options.tool.dataDate.slice(0, 10)})` },
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            exitCode: options.exitCode,
            arguments: [...options.arguments],
            workingDirectory: { uri: folderUri(options.cwd) },
          },
        ],
        originalUriBaseIds: { [sourceRoot]: { uri: folderUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
