/**
 * The command-line linter: the same service as the editor, over files. Exit codes follow product.md: 0 nothing at
 * error severity (and warnings within --max-warnings), 1 findings over that threshold, 2 bad usage or unreadable
 * input. Every input is read and every config validated before anything is linted or written, so a run that ends
 * with 2 prints nothing on stdout and changes no file.
 */
import { accessSync, chmodSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, policyTypes, type PolicyType, type RuleSetting, type Settings } from '../../../shared/settings';
import { createProjectConfigLookup, isIgnoredBy, settingsForFile, type ProjectConfigFile } from '../config/projectConfig';
import { rules } from '../rules';
import { applyEdits } from '../rules/shared/edits';
import { docsUrl } from '../rules/types';
import { compatibleFixes } from '../service/codeActions';
import { createPolicyService, type PolicyService } from '../service';
import { configReader, decodeUtf8, displayPathOf, findFiles, readTextFile, UsageError } from './files';
import { lintJobs, workerCount } from './parallel';
import { runSimulate } from './simulate';
import { fileSyntax, lintText, prepareFiles } from './lintText';
import { hostBreakage } from '../hosts/readHost';
import { runDiff } from './diff';
import { countProblems, formatJson, formatSarif, formatText, plural, toolName, type LintedFile, type ToolInfo } from './format';
import { formatCount } from '../../../shared/formatCount';

export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  /** Read only when `-` is given. */
  readonly stdin?: AsyncIterable<Buffer | string>;
  readonly cwd: string;
  /** For NO_COLOR / FORCE_COLOR and IAM_POLICY_LINT_WORKERS; defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A script that serves lint jobs in a worker thread (the CLI bundle itself); without it everything runs here. */
  readonly workerFile?: string;
}

const usage = `Usage: iam-policy-lint [options] <files, folders or globs...>
       iam-policy-lint [options] - [--stdin-filename <path>]
       iam-policy-lint simulate --action <action> --resource <arn> [options] <policy files...>  (see simulate --help)
       iam-policy-lint diff [--format text|json|sarif] <base> <new>   (see diff --help)

Options:
  --format text|json|sarif    output format (default: text)
  --policy-type <type>        check every file as this type: ${policyTypes.join(', ')}
  --rule <id>=<severity|off>  set a rule's severity (error, warning, info, hint) or turn it off; repeatable
  --fix                       apply safe fixes to the files, in place
  --fix-dry-run               apply safe fixes in memory only; --format json shows the fixed text as "output"
  --max-warnings <n>          exit 1 when there are more than n warnings
  --quiet                     report errors only
  --only-policy-files         skip named files that a folder search would pass over (for pre-commit)
  --stdin-filename <path>     with -: the name used for the policy type, the config file and the output
  --list-rules                print the rules and exit (with --format json: as JSON)
  --version                   print the version and the IAM data version
  -h, --help                  print this help

Folders are searched for *.iam.json, *.policy.json, *-policy.json, *.trust.json, *.scp.json, *.rcp.json,
*.boundary.json and *.resource.json, for other JSON that looks like a policy (a top-level Statement or Version),
and for templates, serverless.yml, Terraform and CDK code that hold policies. Settings come from the nearest .iampolicy.json above each file;
command-line flags override it. Exit status: 0 clean, 1 findings over the threshold, 2 bad usage or input.`;

const severityOrder = { error: 0, warning: 1, info: 2, hint: 3 } as const;
const maxFixPasses = 10;

interface Options {
  readonly format: 'text' | 'json' | 'sarif';
  readonly policyType: PolicyType | undefined;
  readonly ruleOverrides: Record<string, RuleSetting>;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  readonly maxWarnings: number;
  readonly quiet: boolean;
  readonly onlyPolicyFiles: boolean;
  readonly stdinFilename: string | undefined;
  readonly inputs: readonly string[];
}

/** A file (or standard input) read and decoded, with the config that applies to it. */
interface Input {
  readonly path: string | undefined;
  /** The path config globs are matched against (for unnamed standard input: `<stdin>` in the working folder). */
  readonly configPath: string;
  readonly displayPath: string;
  readonly uri: string;
  readonly text: string;
  readonly bom: boolean;
  readonly config: ProjectConfigFile | undefined;
}

interface Linted extends LintedFile {
  readonly input: Input;
  /** Over the size cap, so not analysed (as in the editor). */
  readonly tooLarge: boolean;
}

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

function parseOptions(format: string, values: Record<string, string | boolean | string[] | undefined>, positionals: readonly string[]): Options {
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format ${format}: expected text, json or sarif`);
  const policyType = values['policy-type'] as string | undefined;
  if (policyType !== undefined && !(policyTypes as readonly string[]).includes(policyType)) {
    throw new UsageError(`--policy-type ${policyType}: expected one of ${policyTypes.join(', ')}`);
  }
  let maxWarnings = Infinity;
  const maxWarningsText = values['max-warnings'] as string | undefined;
  if (maxWarningsText !== undefined) {
    maxWarnings = /^\d+$/.test(maxWarningsText) ? Number(maxWarningsText) : NaN;
    if (!Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings ${maxWarningsText}: expected a whole number ≥ 0`);
  }
  const fix = values.fix === true;
  const fixDryRun = values['fix-dry-run'] === true;
  if (fix && fixDryRun) throw new UsageError('--fix and --fix-dry-run: use one of them');
  const stdinFilename = values['stdin-filename'] as string | undefined;
  if (positionals.length === 0) throw new UsageError('no files or folders given (see --help)');
  const stdin = positionals.includes('-');
  if (stdin && positionals.length > 1) throw new UsageError('-: standard input cannot be combined with other files');
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename: only used with - (standard input)');
  if (stdinFilename === '') throw new UsageError('--stdin-filename: expected a file name');
  if (stdin && fix) throw new UsageError('--fix: standard input cannot be fixed in place; use --fix-dry-run (with --format json for the fixed text)');
  return {
    format,
    policyType: policyType as PolicyType | undefined,
    ruleOverrides: parseRuleOverrides((values.rule as string[] | undefined) ?? []),
    fix,
    fixDryRun,
    maxWarnings,
    quiet: values.quiet === true,
    onlyPolicyFiles: values['only-policy-files'] === true,
    stdinFilename,
    inputs: positionals,
  };
}

async function readStdin(stdin: AsyncIterable<Buffer | string> | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin ?? []) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function configProblemMessage(config: ProjectConfigFile, text: string, cwd: string): string {
  const first = config.problems[0]!;
  const { line, character } = TextDocument.create('file:///config', 'json', 1, text).positionAt(first.offset);
  const more = config.problems.length > 1 ? ` (and ${config.problems.length - 1} more)` : '';
  return `${displayPathOf(cwd, config.path)}:${line + 1}:${character + 1}: ${first.key}: ${first.message}${more}`;
}

function settingsOf(input: Input, options: Options): Settings {
  const base: Settings = { ...defaultSettings, rules: options.ruleOverrides };
  return settingsForFile(base, input.config, input.configPath);
}

/** Without fixes every file is analysed once, independently: on several threads when there are many (parallel.ts). */
async function lintInputs(service: PolicyService, inputs: readonly Input[], options: Options, io: CliIo): Promise<Linted[]> {
  const workers = io.workerFile === undefined ? 0 : workerCount(inputs.length, io.env ?? process.env);
  const jobs = inputs.map((input) => ({ uri: input.uri, path: input.configPath, text: input.text, settings: settingsOf(input, options) }));
  const warn = (message: string) => io.stderr.write(`${toolName}: ${message}\n`);
  const outcomes = await lintJobs(service, jobs, options.policyType, workers > 0 ? { workerFile: io.workerFile!, workers, warn } : undefined);
  return inputs.map((input, index) => {
    const outcome = outcomes[index]!;
    return {
      input,
      path: input.path,
      displayPath: input.displayPath,
      document: TextDocument.create(input.uri, 'iam-policy', 1, input.text),
      problems: outcome.problems.filter((p) => !options.quiet || p.severity === 'error'),
      policyType: outcome.policyType,
      fixed: false,
      tooLarge: outcome.tooLarge,
      host: outcome.host,
    };
  });
}

function lintInput(service: PolicyService, input: Input, options: Options, warn: (message: string) => void): Linted {
  const settings = settingsOf(input, options);
  const analyse = (text: string) => ({
    document: TextDocument.create(input.uri, 'iam-policy', 1, text),
    lint: lintText(service, { uri: input.uri, path: input.configPath, text, settings }, options.policyType),
  });
  let text = input.text;
  let result = analyse(text);
  if (options.fix || options.fixDryRun) {
    // Fixes can uncover further fixes (or overlap); a few passes reach a fixed point.
    for (let pass = 0; pass < maxFixPasses; pass++) {
      // In a host, fixes that each hold may still clash (an inserted key another renames onto): its own count says.
      const syntax = result.lint.host && result.lint.host.kind !== 'none' && input.path ? fileSyntax(input.path) : undefined;
      const fixes = compatibleFixes(result.lint.problems, text, syntax ? (fixed) => hostBreakage(syntax, fixed) : undefined);
      if (fixes.length === 0) break;
      const next = applyEdits(text, fixes.flatMap((f) => f.edits));
      if (next === text) break;
      const fixedResult = analyse(next);
      // Fixes must never break the file; if a pass would, keep the text from before it (a bug in some rule's fix, or
      // in a host's writer: then a policy the template held is no longer found).
      const lostPolicies = (fixedResult.lint.host?.policies.length ?? 0) < (result.lint.host?.policies.length ?? 0);
      if (fixedResult.lint.breakage > result.lint.breakage || lostPolicies) {
        const ids = [...new Set(result.lint.problems.filter((p) => p.fix).map((p) => p.ruleId))].join(', ');
        warn(`${input.displayPath}: the fixes of ${ids} would make the ${result.lint.host ? 'file' : 'JSON'} invalid; they were not applied`);
        break;
      }
      text = next;
      result = fixedResult;
    }
  }
  const problems = result.lint.problems.filter((p) => !options.quiet || p.severity === 'error');
  return {
    input,
    path: input.path,
    displayPath: input.displayPath,
    document: result.document,
    problems,
    policyType: result.lint.policyType,
    fixed: text !== input.text,
    tooLarge: result.lint.tooLarge,
    host: result.lint.host,
  };
}

/** Write via a temporary file in the same folder and a rename, so an interrupted run never leaves half a policy. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.iam-policy-lint.tmp`;
  const mode = statSync(path).mode;
  try {
    writeFileSync(temporary, text);
    chmodSync(temporary, mode & 0o7777);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeFixes(results: readonly Linted[], cwd: string): void {
  const changed = results.filter((r) => r.fixed && r.input.path !== undefined);
  // Check every target first: a permission problem stops the run before any file is touched.
  for (const result of changed) {
    const path = result.input.path!;
    try {
      accessSync(path, constants.W_OK);
      accessSync(dirname(path), constants.W_OK);
    } catch (error) {
      throw new UsageError(`${displayPathOf(cwd, path)}: cannot write the fixes (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  for (const result of changed) {
    const path = result.input.path!;
    try {
      writeAtomically(path, (result.input.bom ? '\ufeff' : '') + result.document.getText());
    } catch (error) {
      throw new UsageError(`${displayPathOf(cwd, path)}: cannot write the fixes (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
}

function wantsColor(io: CliIo): boolean {
  const env = io.env ?? process.env;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}

function listRules(format: string): string {
  const sorted = [...rules].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || (a.id < b.id ? -1 : 1));
  if (format === 'json') {
    const list = sorted.map((rule) => ({
      id: rule.id,
      severity: rule.severity,
      summary: rule.summary,
      policyTypes: rule.policyTypes ?? [...policyTypes],
      fixable: rule.fixable ?? null,
      docs: docsUrl(rule.id),
    }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  const width = Math.max(...sorted.map((rule) => rule.id.length)) + 2;
  return sorted.map((rule) => `${rule.id.padEnd(width)}${rule.severity.padEnd(9)}${rule.summary}\n`).join('');
}

async function readInputs(options: Options, io: CliIo, configFor: (path: string) => ProjectConfigFile | undefined): Promise<Input[]> {
  if (options.inputs[0] === '-') {
    const path = options.stdinFilename === undefined ? undefined : resolve(io.cwd, options.stdinFilename);
    const displayPath = path === undefined ? '<stdin>' : displayPathOf(io.cwd, path);
    const { text, bom } = decodeUtf8(await readStdin(io.stdin), displayPath);
    // Without a name, the config is looked up from the working folder (as for a file in it).
    const configPath = path ?? resolve(io.cwd, '<stdin>');
    const config = configFor(configPath);
    if (path !== undefined && isIgnoredBy(config, path)) {
      io.stderr.write(`${toolName}: ${displayPath}: ignored by ${displayPathOf(io.cwd, config!.path)}, not linted\n`);
      return [];
    }
    return [{ path, configPath, displayPath, uri: pathToFileURL(configPath).href, text, bom, config }];
  }
  const found = findFiles(options.inputs, { cwd: io.cwd, configFor, onlyPolicyFiles: options.onlyPolicyFiles });
  for (const { path, config } of found.ignored) {
    io.stderr.write(`${toolName}: ${displayPathOf(io.cwd, path)}: ignored by ${displayPathOf(io.cwd, config.path)}, not linted\n`);
  }
  return found.files.map((path) => {
    const displayPath = displayPathOf(io.cwd, path);
    const { text, bom } = readTextFile(path, displayPath);
    return { path, configPath: path, displayPath, uri: pathToFileURL(path).href, text, bom, config: configFor(path) };
  });
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const service = createPolicyService({ rememberStatementFindings: false, log: (message) => io.stderr.write(`${message}\n`) });
  const info = service.catalog.info;
  const tool: ToolInfo = {
    version: process.env.IAM_POLICY_LINT_VERSION ?? '0.0.0-dev',
    dataSource: info.source,
    dataVersion: info.dataVersion,
    dataDate: info.dataDate,
  };
  try {
    if (argv[0] === 'simulate') return await runSimulate(argv.slice(1), io, service.catalog);
    if (argv[0] === 'diff') return await runDiff(argv.slice(1), io, service, tool, wantsColor(io));
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'policy-type': { type: 'string' },
        rule: { type: 'string', multiple: true, default: [] },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'only-policy-files': { type: 'boolean', default: false },
        'stdin-filename': { type: 'string' },
        'list-rules': { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    if (values.version) {
      io.stdout.write(`${toolName} ${tool.version}\nIAM data: ${tool.dataSource} ${tool.dataVersion} (${tool.dataDate.slice(0, 10)})\n`);
      return 0;
    }
    if (values['list-rules']) {
      if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format ${values.format}: --list-rules prints text or json`);
      io.stdout.write(listRules(values.format));
      return 0;
    }
    const options = parseOptions(values.format, values, positionals);

    const configTexts = new Map<string, string>();
    const readConfig = configReader(io.cwd);
    const lookup = createProjectConfigLookup((path) => {
      const text = readConfig(path);
      if (text !== undefined) configTexts.set(path, text);
      return text;
    }, new Set(rules.map((rule) => rule.id)));
    const configFor = (path: string) => {
      const config = lookup.forPath(path);
      if (config && config.problems.length > 0) throw new UsageError(configProblemMessage(config, configTexts.get(config.path) ?? '', io.cwd));
      return config;
    };

    // Everything is read and validated before anything is linted or written.
    const inputs = await readInputs(options, io, configFor);
    await prepareFiles(inputs.map((input) => input.configPath));
    const results =
      options.fix || options.fixDryRun
        ? inputs.map((input) => lintInput(service, input, options, (message) => io.stderr.write(`${toolName}: ${message}\n`)))
        : await lintInputs(service, inputs, options, io);
    for (const result of results) {
      if (result.tooLarge) io.stderr.write(`${toolName}: ${result.displayPath}: larger than ${formatCount(defaultSettings.maxFileSize)} characters, not linted\n`);
    }
    if (options.fix) writeFixes(results, io.cwd);

    const counts = countProblems(results);
    const exitCode = counts.error > 0 || counts.warning > options.maxWarnings ? 1 : 0;
    const output =
      options.format === 'json'
        ? formatJson(results, { includeOutput: options.fixDryRun })
        : options.format === 'sarif'
          ? formatSarif(results, { cwd: io.cwd, tool, rules, exitCode, arguments: argv })
          : formatText(results, { color: wantsColor(io), fixing: options.fix || options.fixDryRun });
    io.stdout.write(output);
    if (options.format === 'text' && counts.warning > options.maxWarnings && counts.error === 0) {
      io.stderr.write(`${toolName}: ${plural(counts.warning, 'warning')}, more than --max-warnings ${options.maxWarnings}\n`);
    }
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`${toolName}: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    throw error;
  }
}
