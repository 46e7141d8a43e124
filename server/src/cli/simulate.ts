/**
 * `iam-policy-lint simulate`: one request against the given policies, decided by the offline evaluator
 * (server/src/access). Contract (product.md, "Offline access evaluation"): exit 0 allowed, 1 denied (explicitly or
 * implicitly), 2 bad usage or unreadable input. Each file's policy type follows the linter's rules (--policy-type,
 * .iampolicy.json globs, file name, content); policies inside templates, Terraform and CDK code count with the type
 * their host gives them.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, policyTypes, type PolicyType } from '../../../shared/settings';
import { evaluateAccess, type AccessEvaluation, type StatementRef } from '../access/evaluate';
import { policySources, type PolicySource } from '../access/policySources';
import { createRequest, type AccessRequest } from '../access/request';
import type { Catalog } from '../catalog/types';
import { createProjectConfigLookup, settingsForFile } from '../config/projectConfig';
import type { Span } from '../policy/model';
import { rules } from '../rules';
import { configReader, displayPathOf, findFiles, readTextFile, UsageError } from './files';
import { toolName } from './format';
import { prepareFiles } from './lintText';
import type { CliIo } from './run';

export const simulateUsage = `Usage: iam-policy-lint simulate --action <action> --resource <arn> [options] <policy files, folders or globs...>

Decides whether the policies allow one request, the way AWS evaluates them: an explicit Deny in any policy wins;
SCPs and RCPs (every file of that type must allow), permissions boundaries and session policies cap; an identity
policy or, within one account, a resource policy must allow.

Options:
  --action <service:Action>   the action requested (required)
  --resource <arn>            the resource requested (required; * for actions without a resource)
  --principal <arn>           who asks: an IAM user or role ARN, a role session ARN, an account ID, a service principal
  --context <key>=<value>     a request context value; repeat a key for a multivalued key (aws:TagKeys)
  --policy-type <type>        read every file as this type: ${policyTypes.join(', ')}
  --format text|json          output format (default: text)
  -h, --help                  print this help

Exit status: 0 allowed, 1 denied (explicitly or implicitly), 2 bad usage or input.`;

interface FileSources {
  readonly displayPath: string;
  readonly document: TextDocument;
  readonly sources: readonly PolicySource[];
}

interface Located {
  readonly path: string;
  /** The policy inside a template, when the file is infrastructure code. */
  readonly policy?: string;
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly line: number;
  readonly column: number;
}

function parseContext(values: readonly string[]): [string, string][] {
  return values.map((value) => {
    const equals = value.indexOf('=');
    if (equals <= 0) throw new UsageError(`--context ${value}: expected <key>=<value>`);
    return [value.slice(0, equals), value.slice(equals + 1)];
  });
}

function checkAction(action: string | undefined, catalog: Catalog, warn: (message: string) => void): string {
  if (action === undefined || action === '') throw new UsageError('simulate: --action is required (see simulate --help)');
  if (!/^[a-z0-9-]+:[A-Za-z0-9]+$/i.test(action)) throw new UsageError(`--action ${action}: expected one action, <service>:<Action> (no wildcards)`);
  if (!catalog.findAction(action)) warn(`--action ${action}: not an action of the IAM data (${catalog.info.dataVersion}); evaluated as written`);
  return action;
}

export async function runSimulate(argv: readonly string[], io: CliIo, catalog: Catalog): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      action: { type: 'string' },
      resource: { type: 'string' },
      principal: { type: 'string' },
      context: { type: 'string', multiple: true, default: [] },
      'policy-type': { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${simulateUsage}\n`);
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format ${format}: simulate prints text or json`);
  const warn = (message: string) => io.stderr.write(`${toolName}: ${message}\n`);
  const action = checkAction(values.action, catalog, warn);
  if (values.resource === undefined || values.resource === '') throw new UsageError('simulate: --resource is required (use * for an action without a resource)');
  const policyType = values['policy-type'];
  if (policyType !== undefined && !(policyTypes as readonly string[]).includes(policyType)) {
    throw new UsageError(`--policy-type ${policyType}: expected one of ${policyTypes.join(', ')}`);
  }
  if (positionals.length === 0) throw new UsageError('simulate: no policy files given (see simulate --help)');
  if (positionals.includes('-')) throw new UsageError('simulate: standard input is not read; name the policy files');
  const request = createRequest({ action, resource: values.resource, principal: values.principal, context: parseContext(values.context) });

  const lookup = createProjectConfigLookup(configReader(io.cwd), new Set(rules.map((rule) => rule.id)));
  // Folders and globs as for linting: a folder gives every policy file and every template with policies in it.
  const found = findFiles(positionals, { cwd: io.cwd, configFor: (path) => lookup.forPath(path) });
  for (const { path, config } of found.ignored) warn(`${displayPathOf(io.cwd, path)}: ignored by ${displayPathOf(io.cwd, config.path)}, not evaluated`);
  const paths = found.files;
  await prepareFiles(paths);
  const files: FileSources[] = paths.map((path) => {
    const displayPath = displayPathOf(io.cwd, path);
    const { text } = readTextFile(path, displayPath);
    const settings = settingsForFile(defaultSettings, lookup.forPath(path), path);
    const uri = pathToFileURL(path).href;
    const sources = policySources({ uri, path, text, name: displayPath }, settings, policyType as PolicyType | undefined);
    if (sources.length === 0) warn(`${displayPath}: holds no policy`);
    for (const source of sources) if (source.model.syntaxErrors.length > 0) warn(`${source.name}: JSON syntax errors; statements after them may be missing`);
    return { displayPath, document: TextDocument.create(uri, 'iam-policy', 1, text), sources };
  });
  const all = files.flatMap((file) => file.sources.map((source) => ({ file, source })));
  const evaluation = evaluateAccess(
    all.map(({ source }) => source),
    request,
  );
  const locate = (policy: number, span: Span): Located => {
    const { file, source } = all[policy]!;
    const host = source.toFileSpan(span);
    const start = file.document.positionAt(host.offset);
    const end = file.document.positionAt(host.offset + host.length);
    return { path: file.displayPath, ...(source.label ? { policy: source.label } : {}), range: { start, end }, line: start.line + 1, column: start.character + 1 };
  };
  io.stdout.write(format === 'json' ? formatJson(evaluation, request, locate) : formatText(evaluation, request, locate));
  return evaluation.decision === 'allowed' ? 0 : 1;
}

function statementJson(ref: StatementRef, locate: (policy: number, span: Span) => Located) {
  const { path, policy, range } = locate(ref.policy, ref);
  return { path, ...(policy ? { policy } : {}), sid: ref.sid ?? null, index: ref.index, effect: ref.effect, policyType: ref.policyType, range };
}

function formatJson(evaluation: AccessEvaluation, request: AccessRequest, locate: (policy: number, span: Span) => Located): string {
  const output = {
    decision: evaluation.decision,
    request: { action: request.action, resource: request.resource, principal: request.principal ?? null, context: Object.fromEntries([...request.context].map(([key, values]) => [request.spelling.get(key) ?? key, values])) },
    statements: evaluation.statements.map((ref) => statementJson(ref, locate)),
    matched: evaluation.matched.map((ref) => statementJson(ref, locate)),
    failedConditions: evaluation.failedConditions.map((failure) => ({
      statement: statementJson(failure.statement, locate),
      operator: failure.operator,
      key: failure.key,
      reason: failure.reason,
      detail: failure.detail,
      range: locate(failure.statement.policy, failure).range,
    })),
    reasons: evaluation.reasons,
    notes: evaluation.notes,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function formatText(evaluation: AccessEvaluation, request: AccessRequest, locate: (policy: number, span: Span) => Located): string {
  const lines: string[] = [];
  const where = (policy: number, span: Span) => {
    const at = locate(policy, span);
    return `${at.path}:${at.line}:${at.column}`;
  };
  const label = (ref: StatementRef) => `${ref.effect.padEnd(5)} statement ${ref.index}${ref.sid ? ` "${ref.sid}"` : ''} (${ref.policyType})`;
  lines.push(`${evaluation.decision}: ${request.action} on ${request.resource}${request.principal ? ` by ${request.principal}` : ''}`);
  for (const reason of evaluation.reasons) lines.push(`  ${reason}`);
  if (evaluation.statements.length > 0) {
    lines.push('deciding statements:');
    for (const ref of evaluation.statements) lines.push(`  ${where(ref.policy, ref)}  ${label(ref)}`);
  }
  const others = evaluation.matched.filter((ref) => !evaluation.statements.includes(ref));
  if (others.length > 0) {
    lines.push('other statements that apply:');
    for (const ref of others) lines.push(`  ${where(ref.policy, ref)}  ${label(ref)}`);
  }
  if (evaluation.failedConditions.length > 0) {
    lines.push('conditions that did not hold:');
    for (const failure of evaluation.failedConditions) {
      lines.push(`  ${where(failure.statement.policy, failure)}  ${label(failure.statement)}: ${failure.operator} ${failure.key}: ${failure.detail} (${failure.reason})`);
    }
  }
  for (const note of evaluation.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}
