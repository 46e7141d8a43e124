/**
 * The command-line linter: the same service as the editor, over files. Output formats and exit codes follow
 * product.md: 0 clean (warnings within --max-warnings), 1 findings over the threshold, 2 bad usage or input.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { defaultSettings, policyTypes, type PolicyType, type RuleSetting, type Settings } from '../../../shared/settings';
import { rules } from '../rules';
import { applyEdits } from '../rules/edits';
import { docsUrl, type Problem } from '../rules/types';
import { compatibleFixes } from '../service/codeActions';
import { createPolicyService, type PolicyService } from '../service';
import { findFiles, UsageError } from './files';

export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
}

interface FileResult {
  readonly path: string;
  readonly text: string;
  readonly document: TextDocument;
  readonly problems: readonly Problem[];
  readonly policyType: PolicyType;
  readonly fixed: boolean;
}

const usage = `Usage: iam-policy-lint [options] <files or folders...>

Options:
  --format text|json|sarif   output format (default: text)
  --policy-type <type>       check every file as this type: ${policyTypes.join(', ')}
  --rule <id>=<severity|off> override a rule's severity (error, warning, info, hint, off); repeatable
  --fix                      apply safe fixes in place
  --max-warnings <n>         exit 1 when there are more than n warnings
  --quiet                    report errors only
  --list-rules               print the rules and exit
  --version                  print the version and the IAM data version
  -h, --help                 print this help`;

const severityOrder = { error: 0, warning: 1, info: 2, hint: 3 } as const;
const maxFixPasses = 10;

function parseRuleOverrides(values: readonly string[]): Record<string, RuleSetting> {
  const known = new Set(rules.map((r) => r.id));
  const overrides: Record<string, RuleSetting> = {};
  for (const value of values) {
    const match = /^([a-z0-9-]+)=(error|warning|info|hint|off)$/.exec(value);
    if (!match) throw new UsageError(`--rule ${value}: expected <id>=<error|warning|info|hint|off>`);
    if (!known.has(match[1]!)) throw new UsageError(`--rule ${value}: unknown rule "${match[1]}" (see --list-rules)`);
    overrides[match[1]!] = match[2] as RuleSetting;
  }
  return overrides;
}

function readPolicyFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    // Fatal decoding: a policy with invalid UTF-8 is reported, not silently mangled. The BOM is dropped here.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${path}: not valid UTF-8 text`);
  }
}

function hadBom(path: string): boolean {
  const head = readFileSync(path).subarray(0, 3);
  return head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/** Write via a temporary file and a rename, so an interrupted run never leaves half a policy. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.iam-policy-lint.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function lintText(service: PolicyService, path: string, text: string, settings: Settings, policyType: PolicyType | undefined) {
  const document = TextDocument.create(pathToFileURL(path).href, 'iam-policy', 1, text);
  const model = service.parse(document, settings);
  const analysis = service.analyze(model, { settings, policyType });
  return { document, model, analysis };
}

function lintFile(service: PolicyService, path: string, settings: Settings, policyType: PolicyType | undefined, fix: boolean, quiet: boolean): FileResult {
  const original = readPolicyFile(path);
  let text = original;
  let result = lintText(service, path, text, settings, policyType);
  if (fix) {
    // Fixes can uncover further fixes (or overlap); a few passes reach a fixed point.
    for (let pass = 0; pass < maxFixPasses; pass++) {
      const fixes = compatibleFixes(result.analysis.problems);
      if (fixes.length === 0) break;
      text = applyEdits(text, fixes.flatMap((f) => f.edits));
      result = lintText(service, path, text, settings, policyType);
    }
    if (text !== original) writeAtomically(path, (hadBom(path) ? '\ufeff' : '') + text);
  }
  const problems = result.model.tooLarge
    ? []
    : result.analysis.problems.filter((p) => !quiet || p.severity === 'error');
  return { path, text, document: result.document, problems, policyType: result.analysis.policyType.type, fixed: text !== original };
}

function formatText(results: readonly FileResult[], cwd: string, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) {
    if (result.problems.length === 0) continue;
    lines.push(paint('4', relative(cwd, result.path) || result.path));
    for (const problem of result.problems) {
      counts[problem.severity]++;
      const { line, character } = result.document.positionAt(problem.offset);
      const where = `${line + 1}:${character + 1}`.padEnd(8);
      const severity = problem.severity.padEnd(9);
      const colored = problem.severity === 'error' ? paint('31', severity) : problem.severity === 'warning' ? paint('33', severity) : paint('2', severity);
      lines.push(`  ${paint('2', where)}${colored}${problem.message}  ${paint('2', problem.ruleId)}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total > 0) {
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info + counts.hint} info)`;
    lines.push(paint(counts.error > 0 ? '31;1' : '33;1', summary));
  }
  const fixedCount = results.filter((r) => r.fixed).length;
  if (fixedCount > 0) lines.push(`Fixed ${fixedCount} file${fixedCount === 1 ? '' : 's'}.`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function formatJson(results: readonly FileResult[]): string {
  const files = results.map((result) => ({
    path: result.path,
    policyType: result.policyType,
    fixed: result.fixed,
    problems: result.problems.map((problem) => {
      const start = result.document.positionAt(problem.offset);
      const end = result.document.positionAt(problem.offset + problem.length);
      return {
        ruleId: problem.ruleId,
        severity: problem.severity,
        message: problem.message,
        range: { start, end },
        offset: problem.offset,
        length: problem.length,
        fixable: problem.fix !== undefined,
      };
    }),
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

const sarifLevels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

function formatSarif(results: readonly FileResult[], cwd: string, version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iam-policy-lint',
            version,
            informationUri: 'https://github.com/iam-policy-tools/iam-policy-lint',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              helpUri: docsUrl(rule.id),
              defaultConfiguration: { level: sarifLevels[rule.severity] },
            })),
          },
        },
        results: results.flatMap((result) =>
          result.problems.map((problem) => {
            const start = result.document.positionAt(problem.offset);
            const end = result.document.positionAt(problem.offset + problem.length);
            return {
              ruleId: problem.ruleId,
              ruleIndex: ruleIndex.get(problem.ruleId),
              level: sarifLevels[problem.severity],
              message: { text: problem.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: relative(cwd, result.path).split('\\').join('/') },
                    region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const service = createPolicyService({ log: (message) => io.stderr.write(`${message}\n`) });
  const version = `iam-policy-lint ${process.env.IAM_POLICY_LINT_VERSION ?? 'dev'}`;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'policy-type': { type: 'string' },
        rule: { type: 'string', multiple: true, default: [] },
        fix: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'list-rules': { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    const info = service.catalog.info;
    if (values.version) {
      io.stdout.write(`${version}\nIAM data: ${info.source} ${info.dataVersion} (${info.dataDate.slice(0, 10)})\n`);
      return 0;
    }
    if (values['list-rules']) {
      const sorted = [...rules].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.id.localeCompare(b.id));
      for (const rule of sorted) io.stdout.write(`${rule.id.padEnd(36)}${rule.severity.padEnd(9)}${rule.summary}\n`);
      return 0;
    }
    const format = values.format;
    if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format ${format}: expected text, json or sarif`);
    const policyType = values['policy-type'];
    if (policyType !== undefined && !(policyTypes as readonly string[]).includes(policyType)) {
      throw new UsageError(`--policy-type ${policyType}: expected one of ${policyTypes.join(', ')}`);
    }
    let maxWarnings = Infinity;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings ${values['max-warnings']}: expected a whole number ≥ 0`);
    }
    if (positionals.length === 0) throw new UsageError('no files or folders given (see --help)');
    const settings: Settings = { ...defaultSettings, rules: parseRuleOverrides(values.rule ?? []) };
    const files = findFiles(positionals);
    // Read everything before writing anything: a bad file stops the run before any --fix touches the others.
    for (const file of files) readPolicyFile(file);
    const results = files.map((file) => lintFile(service, file, settings, policyType as PolicyType | undefined, values.fix === true, values.quiet === true));
    const output =
      format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, io.cwd, version) : formatText(results, io.cwd, io.stdout.isTTY === true);
    io.stdout.write(output);
    const all = results.flatMap((r) => r.problems);
    const errors = all.filter((p) => p.severity === 'error').length;
    const warnings = all.filter((p) => p.severity === 'warning').length;
    return errors > 0 || warnings > maxWarnings ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`iam-policy-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
