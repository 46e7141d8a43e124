/**
 * `iam-policy-lint diff [--format text|json|sarif] <base> <new>`: what the new policy allows that the base did not
 * (access/diff.ts). `<base>` is a file or `git:<ref>`, the new file as committed at that ref. Exit 0 when nothing is
 * new, 1 when something is (or may be), 2 for bad usage or unreadable input. Policies inside infrastructure code
 * (templates, Terraform...) compare as the set of policies the file holds.
 */
import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { actionsPhrase, diffPolicies, resourcePhrase, statementLabel, type NewAccess } from '../access/diff';
import { DiffInputError, policiesOfText, type PoliciesOfFile } from '../access/diffInput';
import type { Catalog } from '../catalog/types';
import type { Span } from '../policy/model';
import type { Problem } from '../rules/types';
import type { PolicyService } from '../service';
import { committedFile } from '../../../shared/committedText';
import { decodeUtf8, displayPathOf, readTextFile, UsageError } from './files';
import { formatSarif, plural, toolName, type ToolInfo } from './format';
import { prepareFiles } from './lintText';
import type { CliIo } from './run';
import { formatCount } from '../../../shared/formatCount';

export const diffUsage = `Usage: iam-policy-lint diff [--format text|json|sarif] <base> <new>

Reports what the policy in <new> allows that <base> did not: actions (from the IAM catalogue) on resource patterns,
with the statement that grants them. <base> is a file, or git:<ref> for <new> as committed at that ref
(git:HEAD, git:origin/main). A file of infrastructure code compares all the policies it holds. Where the answer
cannot be proved (conditions it cannot compare), it says "may widen" and counts it as new access.

Options:
  --format text|json|sarif    output format (default: text)
  -h, --help                  print this help

Exit status: 0 nothing new, 1 new access (or may widen), 2 bad usage or input.`;

/**
 * The new file's text at `ref`, or undefined when the file is not in that commit (a new file: all it allows is new).
 * Runs git from the file's folder, so the repository is the file's, whatever the working folder.
 */
export async function committedText(path: string, ref: string, name: string): Promise<string | undefined> {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`git:${ref}: expected a commit, branch or tag after "git:"`);
  const file = await committedFile(path, ref);
  // The path in the repository, for messages.
  const inRepository = (root: string) => relative(realpathSync(root), realpathSync(path)).split(sep).join('/');
  switch (file.kind) {
    case 'no git':
    case 'not a repository':
      throw new UsageError(`${name}: not in a git repository, so git:${ref} has no meaning here (${file.kind === 'no git' ? 'git is not installed' : file.detail})`);
    case 'unknown revision':
      throw new UsageError(`git:${ref}: unknown revision in ${file.root}`);
    case 'unreadable':
      throw new UsageError(`git:${ref}: cannot read ${inRepository(file.root)} (${file.detail})`);
    case 'absent':
      return undefined;
    case 'found':
      return decodeUtf8(file.bytes, `${inRepository(file.root)} at ${ref}`).text;
  }
}

interface Located {
  readonly access: NewAccess;
  readonly span: Span;
  readonly label: string | undefined;
}

function formatText(found: readonly Located[], document: TextDocument, name: string, catalog: Catalog, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  if (found.length === 0) return `${name}: no new access.\n`;
  const lines: string[] = [paint('4', name)];
  for (const { access, span, label } of found) {
    const { line, character } = document.positionAt(span.offset);
    const kind = access.kind === 'new' ? paint('31', 'new') : paint('33', 'may widen');
    lines.push(`  ${paint('2', `${line + 1}:${character + 1}`)}  ${kind}  ${label ? `${label} ` : ''}${statementLabel(access)}`);
    lines.push(`      allows ${actionsPhrase(access.actions, catalog)}`);
    lines.push(`      on ${resourcePhrase(access)}`);
    lines.push(`      ${paint('2', access.reason)}`);
  }
  const actions = new Set(found.flatMap((f) => f.access.actions)).size;
  const mayWiden = found.filter((f) => f.access.kind === 'may widen').length;
  lines.push('');
  const count = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
  lines.push(paint('31;1', `✖ new access: ${count(actions, 'action')} in ${count(found.length, 'finding')}${mayWiden > 0 ? ` (${mayWiden} may widen)` : ''}`));
  return `${lines.join('\n')}\n`;
}

function formatJson(found: readonly Located[], document: TextDocument, paths: { base: string; next: string }): string {
  const statement = ({ access, span, label }: Located) => ({
    path: paths.next,
    ...(label ? { policy: label } : {}),
    sid: access.statement.sid ?? null,
    index: access.statement.index,
    effect: 'Allow',
    range: { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) },
  });
  const newAccess = found.flatMap((located) =>
    located.access.actions.map((action) => ({
      action,
      resource: located.access.resource,
      ...(located.access.notResource ? { notResource: located.access.notResource } : {}),
      kind: located.access.kind,
      reason: located.access.reason,
      statement: statement(located),
    })),
  );
  const findings = found.map((located) => ({
    statement: statement(located),
    resource: located.access.resource,
    ...(located.access.notResource ? { notResource: located.access.notResource } : {}),
    kind: located.access.kind,
    reason: located.access.reason,
    actionCount: located.access.actions.length,
  }));
  return `${JSON.stringify({ base: paths.base, new: paths.next, newAccess, findings, newAccessCount: newAccess.length }, null, 2)}\n`;
}

const newAccessRule = {
  id: 'new-access',
  severity: 'error' as const,
  summary: 'The statement allows access the base version of the policy did not (iam-policy-lint diff).',
};

export async function runDiff(argv: readonly string[], io: CliIo, service: PolicyService, tool: ToolInfo, color: boolean): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.stdout.write(`${diffUsage}\n`);
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format ${format}: expected text, json or sarif`);
  if (positionals.length !== 2) throw new UsageError(`diff: expected <base> and <new>, got ${plural(positionals.length, 'argument')} (see diff --help)`);
  const [baseArg, newArg] = positionals as [string, string];
  if (newArg.startsWith('git:')) throw new UsageError(`${newArg}: <new> must be a file (only <base> may be git:<ref>)`);
  const newPath = resolve(io.cwd, newArg);
  const newName = displayPathOf(io.cwd, newPath);
  const newText = readTextFile(newPath, newName).text;
  let baseName: string;
  let baseText: string | undefined;
  let basePath: string;
  if (baseArg.startsWith('git:')) {
    const ref = baseArg.slice(4);
    baseName = `${newName} at ${ref}`;
    basePath = newPath;
    baseText = await committedText(newPath, ref, newName);
    if (baseText === undefined) io.stderr.write(`${toolName}: ${newName} is not in ${ref}: a new file, so everything it allows is new access\n`);
  } else {
    basePath = resolve(io.cwd, baseArg);
    baseName = displayPathOf(io.cwd, basePath);
    baseText = readTextFile(basePath, baseName).text;
  }
  await prepareFiles([newPath, basePath]);
  const read = (path: string, uri: string, text: string, name: string): PoliciesOfFile => {
    try {
      return policiesOfText(path, uri, text, name);
    } catch (error) {
      if (error instanceof DiffInputError) throw new UsageError(error.message);
      throw error;
    }
  };
  const base = baseText === undefined ? undefined : read(basePath, `${pathToFileURL(basePath).href}#base`, baseText, baseName);
  const next = read(newPath, pathToFileURL(newPath).href, newText, newName);
  if (next.models.length === 0) io.stderr.write(`${toolName}: ${newName}: holds no policy\n`);

  const diff = diffPolicies(base?.models ?? [], next.models, service.catalog, { hostValue: (model, node) => base?.hostValue(model, node) ?? next.hostValue(model, node) });
  const document = TextDocument.create(pathToFileURL(newPath).href, 'iam-policy', 1, newText);
  const found: Located[] = diff.newAccess.map((access) => ({
    access: next.displayResource ? { ...access, resource: next.displayResource(access) } : access,
    span: next.toFile(access.statement.model, access.statement.statement.node),
    label: next.labelOf(access.statement.model),
  }));
  const exitCode = found.length > 0 ? 1 : 0;
  if (format === 'json') io.stdout.write(formatJson(found, document, { base: baseArg.startsWith('git:') ? baseArg : baseName, next: newName }));
  else if (format === 'text') io.stdout.write(formatText(found, document, newName, service.catalog, color));
  else {
    const problems: Problem[] = found.map(({ access, span, label }) => ({
      ruleId: newAccessRule.id,
      messageId: access.kind === 'new' ? 'newAccess' : 'mayWiden',
      message: `${access.kind === 'new' ? 'New access' : 'May widen access'}: ${label ? `${label} ` : ''}${statementLabel(access)} allows ${actionsPhrase(access.actions, service.catalog)} on ${resourcePhrase(access)}, which ${baseName} did not${access.kind === 'new' ? '' : ' provably'}: ${access.reason}.`,
      offset: span.offset,
      length: span.length,
      severity: 'error',
      suggestions: [],
      tags: [],
    }));
    const file = { path: newPath, displayPath: newName, document, problems, policyType: { type: 'identity' as const, source: 'default' as const }, fixed: false };
    io.stdout.write(formatSarif([file], { cwd: io.cwd, tool, rules: [newAccessRule], exitCode, arguments: ['diff', ...argv], helpUri: () => diffDocsUrl }));
  }
  return exitCode;
}

/** Where `diff` is explained (SARIF helpUri). */
export const diffDocsUrl = 'https://github.com/iam-policy-tools/iam-policy-lint/blob/main/docs/policy-diff.md';

