/**
 * Seeded fuzzing of policies inside infrastructure code (issue #14): the example hosts (CloudFormation in YAML and
 * JSON, SAM, Terraform, CDK in TypeScript and Python) and a serverless.yml written here are mutated the way people
 * break them while typing (lines deleted, duplicated, swapped or re-indented; `!Sub`, `${`, `{{`, quotes, tabs, CRLF,
 * heredocs inserted; the text cut short), and each mutant goes through the host reader and the host service:
 * - `readHost` never throws; every policy it finds and every syntax error it reports lies inside the text; read by
 *   pieces (templates by resource, Terraform by block) it gives exactly what the whole reading gives;
 * - analyze, validation, completion and hover at several offsets, and code actions (each problem's quick fixes,
 *   fix-all, and the refactorings of a range) never throw, and no rule throws on a rendered policy;
 * - every problem lies inside the text; every fix's, suggestion's and code action's edits are in range and do not
 *   overlap, and the fixed text, read again, has no more syntax errors and no fewer policies than the mutant;
 * - completion edits and hover ranges are valid positions of the document;
 * - no call takes over 2 s (scaled back to an unloaded machine).
 *
 * Every case has its own generator derived from (seed, index), so a failure replays alone:
 *
 *   IAM_FUZZ_SEED=<seed> IAM_FUZZ_CASE=<index> node --test out/unit/robustness/hostFuzz.test.mjs
 *
 * Environment: IAM_FUZZ_SEED (as in fuzz.test.ts); IAM_FUZZ_COUNT scales the run (a host case costs about as much as
 * `hostCaseCost` policy cases, so `npm run fuzz` runs IAM_FUZZ_COUNT / hostCaseCost of them; unset, `npm test` runs
 * `defaultCount`); IAM_HOST_FUZZ_COUNT sets the number of host cases directly; IAM_FUZZ_STRICT=1 (known failures
 * fail too).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { defaultSettings } from '../../shared/settings';
import { hostSyntax, type HostSyntax } from '../../shared/hostFiles';
import { createHostService } from '../../server/src/hosts/hostService';
import { hostModel, type HostModel } from '../../server/src/hosts/hostModel';
import { prepareHost, readHost } from '../../server/src/hosts/readHost';
import type { HostDocument } from '../../server/src/hosts/types';
import type { Edit, Fix } from '../../server/src/rules/types';
import { finish } from '../../server/src/rules/run';
import { fixAllKind } from '../../server/src/service/codeActions';
import { repoPath } from '../support/paths';
import { hostFiles } from '../hosts/hostEngine';
import { mutate } from './mutations';
import { caseSeed, Random, seedFromEnv } from './random';
import { callBoundMs, createCheckedService, describe, slowdown, type Failure } from './serviceChecks';

const defaultSeed = 20_260_909;
/** Cases `npm test` runs: about 25 ms each on an unloaded machine, so a few seconds with the grammars' loading. */
const defaultCount = 100;
/** About how many policy fuzz cases one host case costs (~20 ms: several policies, each rendered twice, a re-read per fix). */
const hostCaseCost = 25;
/** Kept apart from fuzz.test.ts's case seeds: the same index there and here need not draw the same numbers. */
const streamSalt = 0x6f57;

// --- seeds ----------------------------------------------------------------------------------------------------

interface HostSeed {
  readonly name: string;
  readonly syntax: HostSyntax;
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

/** A serverless.yml with both statement styles, variables, a per-function list and a resources section. */
const serverlessSeed = `service: orders
frameworkVersion: '3'
custom:
  table: orders-\${sls:stage}
provider:
  name: aws
  runtime: nodejs20.x
  iam:
    role:
      statements:
        - Effect: Allow
          Action:
            - dynamodb:GetItem
            - dynamodb:PutItm
          Resource: arn:aws:dynamodb:\${aws:region}:\${aws:accountId}:table/\${self:custom.table}
        - Effect: "Allow"
          Action: ["s3:*"]
          Resource: '*'
functions:
  create:
    handler: src/create.handler
    iamRoleStatements:
      - Effect: Allow
        Action: sqs:SendMessage
        Resource: !GetAtt Queue.Arn
resources:
  Resources:
    Queue:
      Type: AWS::SQS::Queue
    QueuePolicy:
      Type: AWS::SQS::QueuePolicy
      Properties:
        Queues:
          - !Ref Queue
        PolicyDocument:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: "*"
              Action: sqs:SendMessage
              Resource: !Sub "arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:\${Queue.QueueName}"
`;

/** A Terraform heredoc policy: the one host syntax the examples do not show. */
const terraformHeredocSeed = `resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:PutObject", "s3:GetObjet"],
      "Resource": "\${aws_s3_bucket.site.arn}/*"
    }
  ]
}
EOF
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = <<-POLICY
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}]}
  POLICY
}
`;


function seed(name: string, text: string): HostSeed {
  const syntax = hostSyntax({ path: name });
  assert.ok(syntax, `no host syntax for ${name}`);
  return { name, syntax, uri: `file:///fuzz/hosts/${name.replaceAll('/', '-')}`, languageId: hostFiles[syntax].languageId, text };
}

function loadHostSeeds(): HostSeed[] {
  const files = [
    'examples/cloudformation/app.yaml',
    'examples/cloudformation/app.json',
    'examples/cloudformation/bucket-policy.yaml',
    'examples/cloudformation/sam-function.yaml',
    'examples/terraform/main.tf',
    'examples/cdk/stack.ts',
    'examples/cdk/stack.py',
  ];
  return [
    ...files.map((file) => seed(file, readFileSync(repoPath(file), 'utf8'))),
    seed('inline/serverless.yml', serverlessSeed),
    seed('inline/heredoc.tf', terraformHeredocSeed),
  ];
}

// --- mutations ------------------------------------------------------------------------------------------------

type HostMutator = (text: string, random: Random) => string;

/** Lines with their line breaks kept, so that joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** What people type or paste into infrastructure code mid-edit, in every host's syntax. */
const hostTokens = [
  '!Sub ', '!Sub "', "!Sub '", '!Ref ', '!GetAtt Bucket.Arn', '!Join ["", [', '!If [C, a, b]', '!Select [0, !Split [",", x]]',
  'Fn::Sub: ', 'Fn::GetAtt: [B, Arn]', '${', '${AWS::Region}', '${Bucket.Arn}', '${!Literal}', '$${', '${aws_s3_bucket.b.arn}',
  '${var.name}', '%{ if true }', '%{ endif }', '${self:custom.x}', '${sls:stage}', '${env:X, "d"}', '${opt:stage, self:provider.stage}',
  '{{', '}}', '{{resolve:ssm:p}}', '"', "'", '"""', "'''", '`', '`${x}`', '\\', '\\"', '\t', '\t\t', '\r\n', '\r', '\n', ' ',
  '<<EOF', '<<EOF\n', '<<-EOF\n', 'EOF', '\nEOF\n', ':', ': ', '- ', '-', '#', '# ', '//', '/*', '*/', '[', ']', '{', '}', '(', ')',
  ',', '=', ' = ', '&a ', '*a', '|', '|-\n', '>', '---\n', '...\n', '? ', '!!str ', '@', '%', '\uFEFF', '\u{1F600}', '\u00A0',
  'jsonencode(', 'jsonencode({})', 'data.aws_iam_policy_document.x.json', 'statement {', 'principals {', 'condition {',
  'iam.PolicyStatement(', 'new iam.PolicyStatement({', 'actions: [', "actions=['s3:*']", 'Effect: Allow', 'Action: "*"',
  'Resource: "*"', '"Effect": "Allow",', 'Principal: "*"', 'NotAction: iam:*', 'Condition:', 'Statement:', 'Version: "2012-10-17"',
];

/** IAM-shaped values to put into quoted strings. */
const iamValues = [
  '*', '', 's3:GetObject', 's3:GetObjet', 's3:*', 'iam:PassRole', '*:*', 'nosuch:Thing', 'arn:aws:s3:::b/*', 'arn:aws:s3:::*',
  'arn:aws:iam::123456789012:root', 'arn:aws:iam::12345:role/x', 'arn:', 'Allow', 'Deny', 'allow', '2012-10-17', '2008-10-17',
  'ec2.amazonaws.com', '${aws:username}', '${AWS::AccountId}', 'aws:SourceIp', 'StringEquals', 'StringLikeX', 'Bool',
  'arn:${AWS::Partition}:s3:::${B}/*', 'x'.repeat(300), 'a\u0301', '\u{1F600}',
];

const deleteLines: HostMutator = (text, random) => {
  const lines = linesOf(text);
  if (lines.length === 0) return text;
  const at = random.int(lines.length);
  lines.splice(at, random.weighted([[8, 1], [3, 2], [1, random.between(3, 12)]] as const));
  return lines.join('');
};

const duplicateLines: HostMutator = (text, random) => {
  const lines = linesOf(text);
  if (lines.length === 0) return text;
  const at = random.int(lines.length);
  const run = lines.slice(at, at + random.weighted([[8, 1], [3, 2], [1, random.between(3, 12)]] as const));
  const copy = run.map((line, i) => (i === run.length - 1 && !/[\r\n]$/.test(line) ? `${line}\n` : line));
  lines.splice(random.chance(0.7) ? at : random.int(lines.length + 1), 0, ...copy.flatMap((line) => Array(random.chance(0.9) ? 1 : random.between(2, 20)).fill(line) as string[]));
  return lines.join('');
};

const swapLines: HostMutator = (text, random) => {
  const lines = linesOf(text).map((line) => (/[\r\n]$/.test(line) ? line : `${line}\n`));
  if (lines.length < 2) return text;
  const a = random.int(lines.length - 1);
  const b = random.chance(0.7) ? a + 1 : random.int(lines.length);
  [lines[a], lines[b]] = [lines[b]!, lines[a]!];
  return lines.join('');
};

const reindent: HostMutator = (text, random) => {
  const lines = linesOf(text);
  if (lines.length === 0) return text;
  const at = random.int(lines.length);
  const count = random.weighted([[6, 1], [3, 3], [1, lines.length]] as const);
  const change = random.int(6);
  for (let i = at; i < Math.min(lines.length, at + count); i++) {
    const line = lines[i]!;
    const indent = /^[ \t]*/.exec(line)![0];
    const rest = line.slice(indent.length);
    let next: string;
    if (change === 0) next = ' '.repeat(random.between(1, 4)) + indent;
    else if (change === 1) next = indent.slice(random.between(1, 4));
    else if (change === 2) next = indent.replace(/ {2}/g, '\t');
    else if (change === 3) next = '\t' + indent;
    else if (change === 4) next = '';
    else next = ' '.repeat(random.int(40));
    lines[i] = next + rest;
  }
  return lines.join('');
};

const insertToken: HostMutator = (text, random) => {
  const lines = linesOf(text);
  let at: number;
  if (lines.length > 0 && random.chance(0.5)) {
    // At a line's start, after its indentation, or at its end: where people start typing.
    const line = random.int(lines.length);
    const start = lines.slice(0, line).join('').length;
    const body = lines[line]!.replace(/[\r\n]+$/, '');
    at = start + random.pick([0, /^[ \t]*/.exec(body)![0].length, body.length, (body.indexOf(':') + 1 || body.indexOf('=') + 1 || body.length)]);
  } else {
    at = random.int(text.length + 1);
  }
  let insert = '';
  for (let n = random.weighted([[6, 1], [2, 2], [1, 3]] as const); n > 0; n--) insert += random.pick(hostTokens);
  return splice(text, at, at, insert);
};

/** A quoted string's content (YAML, JSON, HCL, TypeScript or Python quotes) replaced by an IAM-shaped value. */
const replaceQuoted: HostMutator = (text, random) => {
  const quoted = [...text.matchAll(/"(?:[^"\\\n]|\\.)*"|'[^'\n]*'/g)];
  if (quoted.length === 0) return text;
  const match = random.pick(quoted);
  const start = match.index + 1;
  return splice(text, start, start + match[0].length - 2, random.pick(iamValues).replaceAll(match[0][0]!, ''));
};

/** Plain YAML values (`Action: s3:GetObject`) replaced, sometimes with a template or a tag. */
const replacePlainValue: HostMutator = (text, random) => {
  const plain = [...text.matchAll(/(?<=:[ \t]+|^[ \t]*- )[^\s"'#{[][^\r\n#]*/gm)];
  if (plain.length === 0) return text;
  const match = random.pick(plain);
  const value = random.chance(0.3) ? `${random.pick(['!Sub ', '!Ref ', '!GetAtt ', ''])}${random.pick(iamValues)}` : random.pick(iamValues);
  return splice(text, match.index, match.index + match[0].length, value);
};

const characterEdit: HostMutator = (text, random) => {
  if (text.length === 0) return text;
  const start = random.int(text.length);
  const end = Math.min(text.length, start + random.weighted([[6, 1], [3, random.between(2, 8)], [1, random.between(9, 200)]] as const));
  switch (random.int(3)) {
    case 0:
      return splice(text, start, end, '');
    case 1:
      return splice(text, end, end, text.slice(start, end));
    default: {
      // Two neighbouring characters swapped (a typo).
      return end - start >= 2 ? splice(text, start, start + 2, text[start + 1]! + text[start]!) : text;
    }
  }
};

const truncate: HostMutator = (text, random) => {
  const at = random.int(text.length + 1);
  return random.chance(0.85) ? text.slice(0, at) : text.slice(at);
};

const lineBreaks: HostMutator = (text, random) => {
  switch (random.int(4)) {
    case 0:
      return text.replace(/\r?\n/g, '\r\n');
    case 1:
      return text.replace(/\r?\n/g, '\r');
    case 2:
      return text.replace(/\r?\n/g, () => random.pick(['\n', '\r\n', '\r\n', '\r']));
    default:
      return text.replace(/^( +)/gm, (indent) => indent.replace(/ {2}/g, '\t'));
  }
};

/** A heredoc policy inserted at a line start, closed or not (Terraform; junk elsewhere, which is fine). */
const heredoc: HostMutator = (text, random) => {
  const lines = linesOf(text);
  const at = lines.slice(0, random.int(lines.length + 1)).join('').length;
  const marker = random.pick(['EOF', 'POLICY', 'EOT']);
  const body = random.pick([
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjet", "Resource": "*"}]}',
    '{\n  "Statement": {"Effect": "Deny", "NotAction": "iam:*", "Resource": "${var.arn}"}\n}',
    '{"Statement": [',
    '',
  ]);
  const close = random.chance(0.8) ? `\n${random.chance(0.8) ? marker : `  ${marker}`}\n` : '\n';
  return splice(text, at, at, `  policy = <<${random.chance(0.3) ? '-' : ''}${marker}\n${body}${close}`);
};

/** The JSON mutators of the policy fuzzer (tokens, unicode, nesting, huge strings...), over host text. */
const jsonMutations: HostMutator = (text, random) => mutate(text, random);

const hostMutators: readonly (readonly [number, HostMutator])[] = [
  [10, deleteLines],
  [8, duplicateLines],
  [8, swapLines],
  [8, reindent],
  [14, insertToken],
  [12, replaceQuoted],
  [8, replacePlainValue],
  [10, characterEdit],
  [5, truncate],
  [4, lineBreaks],
  [3, heredoc],
  [6, jsonMutations],
];

/** One to three mutations (sometimes none: the seed itself is a case too); inputs stay under 300,000 characters. */
function mutateHost(text: string, random: Random): string {
  if (random.chance(0.02)) return text;
  let result = text;
  for (let n = random.weighted([[6, 1], [3, 2], [1, 3]] as const); n > 0; n--) {
    result = random.weighted(hostMutators)(result, random);
    if (result.length > 300_000) result = result.slice(0, 300_000);
  }
  return result;
}

// --- checks ---------------------------------------------------------------------------------------------------

interface CaseResult {
  readonly failures: Failure[];
  /** Whether the mutant was still a host, how many policies and problems it had, fixes re-read, calls made. */
  readonly host: boolean;
  readonly policies: number;
  readonly problems: number;
  readonly fixesChecked: number;
  readonly completions: number;
  readonly hovers: number;
}

const checked = createCheckedService();
const hostService = createHostService(checked.service);

/** Runs a call, recording a throw or a call over the time bound as a failure; undefined when it threw. */
async function guarded<T>(failures: Failure[], name: string, call: () => T | Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  try {
    return await call();
  } catch (error) {
    failures.push({ check: `${name} threw`, detail: describe(error) });
    return undefined;
  } finally {
    const elapsed = performance.now() - started;
    if (elapsed > callBoundMs) {
      const factor = slowdown();
      if (elapsed / factor > callBoundMs) failures.push({ check: `${name} took over ${callBoundMs} ms`, detail: `${elapsed.toFixed(0)} ms (machine ${factor.toFixed(1)}x slower than at best)` });
    }
  }
}

function spanInside(span: { offset: number; length: number }, length: number): boolean {
  return Number.isInteger(span.offset) && Number.isInteger(span.length) && span.offset >= 0 && span.length >= 0 && span.offset + span.length <= length;
}

/** A position the document really has: its line exists and the character is on it (not past its end or mid-CRLF). */
function positionInside(document: TextDocument, position: Position): boolean {
  if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0) return false;
  if (position.line >= document.lineCount) return false;
  const back = document.positionAt(document.offsetAt(position));
  return back.line === position.line && back.character === position.character;
}

function rangeInside(document: TextDocument, range: Range): boolean {
  return positionInside(document, range.start) && positionInside(document, range.end) && document.offsetAt(range.start) <= document.offsetAt(range.end);
}

/** Why a set of edits cannot be applied as one change (out of range, overlapping), or undefined when it can. */
function editsProblem(edits: readonly Edit[], length: number): string | undefined {
  for (const edit of edits) if (!spanInside(edit, length)) return `edit out of range (text length ${length}): ${JSON.stringify(edit)}`;
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    const edit = sorted[i]!;
    // Two insertions at one offset are fine in LSP (applied in order); anything else that touches the same characters is not.
    if (edit.offset < before.offset + before.length) return `edits overlap: ${JSON.stringify(before)} and ${JSON.stringify(edit)}`;
  }
  return undefined;
}

/** The text with non-overlapping edits applied (insertions at one offset keep their order). */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits.map((edit, i) => ({ edit, i })).sort((a, b) => a.edit.offset - b.edit.offset || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { edit } of sorted) {
    out += text.slice(at, edit.offset) + edit.text;
    at = edit.offset + edit.length;
  }
  return out + text.slice(at);
}

function textEditsToEdits(document: TextDocument, edits: readonly TextEdit[]): Edit[] | string {
  for (const edit of edits) if (!rangeInside(document, edit.range)) return `text edit range is not in the document: ${JSON.stringify(edit.range)}`;
  return edits.map((edit) => {
    const offset = document.offsetAt(edit.range.start);
    return { offset, length: document.offsetAt(edit.range.end) - offset, text: edit.newText };
  });
}

/** A fix applied and the result read again: no new syntax errors, no policy lost. */
function checkFixResult(failures: Failure[], what: string, syntax: HostSyntax, text: string, before: HostDocument, edits: readonly Edit[]): void {
  const problem = editsProblem(edits, text.length);
  if (problem) {
    failures.push({ check: `${what}: bad edits`, detail: problem });
    return;
  }
  const fixed = applyEdits(text, edits);
  let after: HostDocument | undefined;
  try {
    after = readHost(syntax, fixed);
  } catch (error) {
    failures.push({ check: `readHost threw on the text of ${what}`, detail: `${describe(error)}\nfixed text: ${JSON.stringify(fixed)}` });
    return;
  }
  const detail = () =>
    `edits ${JSON.stringify(edits)}\nsyntax errors ${before.syntaxErrors.length} -> ${after?.syntaxErrors.length}, policies ${before.policies.length} -> ${after?.policies.length}\n` +
    `errors after: ${JSON.stringify(after?.syntaxErrors.slice(0, 3))}\nfixed text: ${JSON.stringify(fixed.length > 1_500 ? `${fixed.slice(0, 1_500)}...` : fixed)}`;
  if (!after) failures.push({ check: `${what}: the fixed text is no host any more`, detail: detail() });
  else if (after.syntaxErrors.length > before.syntaxErrors.length) failures.push({ check: `${what}: added a syntax error`, detail: detail() });
  else if (after.policies.length < before.policies.length) failures.push({ check: `${what}: lost a policy`, detail: detail() });
}

/** Offsets worth asking about: mostly inside the policies (elsewhere the service answers nothing), a few anywhere. */
function probeOffsets(model: HostModel, text: string, random: Random): number[] {
  const offsets = [random.int(text.length + 1), text.length];
  for (let i = 0; i < 5 && model.policies.length > 0; i++) {
    const span = random.pick(model.policies).policy.root.span;
    offsets.push(Math.min(text.length, span.offset + random.int(span.length + 1)));
  }
  return offsets;
}

async function checkHostCase(seedDocument: HostSeed, text: string, random: Random): Promise<CaseResult> {
  const failures: Failure[] = [];
  const result = { failures, host: false, policies: 0, problems: 0, fixesChecked: 0, completions: 0, hovers: 0 };
  const { syntax } = seedDocument;
  const host = await guarded(failures, 'readHost', () => readHost(syntax, text));
  if (!host) return result;
  result.host = true;
  result.policies = host.policies.length;
  for (const policy of host.policies) {
    if (!spanInside(policy.root.span, text.length)) failures.push({ check: 'a policy lies outside the text', detail: `${policy.label} ${JSON.stringify(policy.root.span)} (text length ${text.length})` });
  }
  for (const error of host.syntaxErrors) {
    if (!spanInside(error, text.length)) failures.push({ check: 'a syntax error lies outside the text', detail: `${JSON.stringify(error)} (text length ${text.length})` });
  }
  const whole = await guarded(failures, 'readHost whole', () => readHost(syntax, text, { byPieces: false }));
  const shown = (read: HostDocument | undefined) => ({
    kind: read?.kind,
    policies: read?.policies.map((p) => ({ label: p.label, policyType: p.policyType, fragment: p.fragment, root: p.root })),
    syntaxErrors: read?.syntaxErrors,
  });
  if (!isDeepStrictEqual(shown(host), shown(whole))) {
    failures.push({ check: 'read by pieces, the host differs from the whole reading', detail: `text: ${JSON.stringify(text)}` });
  }
  const document = TextDocument.create(seedDocument.uri, seedDocument.languageId, 1, text);
  const model = await guarded(failures, 'hostModel', () => hostModel(document, host));
  if (!model) return result;
  const settings = defaultSettings;

  const problems = (await guarded(failures, 'analyze', () => hostService.analyze(model, settings))) ?? [];
  result.problems = problems.length;
  for (const problem of problems) {
    if (!spanInside(problem, text.length)) failures.push({ check: `problem ${problem.ruleId} lies outside the text`, detail: `${JSON.stringify({ offset: problem.offset, length: problem.length })} (text length ${text.length})` });
  }
  for (const problem of problems) {
    const remedies = (await guarded(failures, `fixes of ${problem.ruleId}`, () => [...(problem.fix ? [problem.fix] : []), ...problem.suggestions])) ?? [];
    for (const fix of remedies as Fix[]) {
      result.fixesChecked++;
      checkFixResult(failures, `fix "${fix.title}" of ${problem.ruleId}`, syntax, text, host, fix.edits);
    }
  }
  const diagnostics = (await guarded(failures, 'validationSteps', () => finish(hostService.validationSteps(model, settings)))) ?? [];
  for (const diagnostic of diagnostics) {
    if (!rangeInside(document, diagnostic.range)) failures.push({ check: `diagnostic ${String(diagnostic.code)} range is not in the document`, detail: JSON.stringify(diagnostic.range) });
  }

  const checkActions = (what: string, actions: readonly CodeAction[]) => {
    for (const action of actions) {
      const changes = action.edit?.changes ?? {};
      for (const [uri, textEdits] of Object.entries(changes)) {
        if (uri !== document.uri) failures.push({ check: `${what} edits another document`, detail: uri });
        const edits = textEditsToEdits(document, textEdits);
        if (typeof edits === 'string') failures.push({ check: `${what} "${action.title}": bad edits`, detail: edits });
        else checkFixResult(failures, `${what} "${action.title}"`, syntax, text, host, edits);
      }
    }
  };
  // Quick fixes of every diagnostic (the light bulb), fix-all (on save), refactorings of a range inside a policy.
  const quickFixes = await guarded(failures, 'codeActions', () => hostService.codeActions(model, diagnostics, undefined, settings));
  if (quickFixes) checkActions('code action', quickFixes);
  const fixAll = await guarded(failures, 'codeActions (fix-all)', () => hostService.codeActions(model, [], [fixAllKind], settings));
  if (fixAll) checkActions('fix-all', fixAll);
  const [from, to] = [random.pick(probeOffsets(model, text, random)), random.pick(probeOffsets(model, text, random))].sort((a, b) => a - b) as [number, number];
  const range = { start: document.positionAt(from), end: document.positionAt(to) };
  const refactorings = await guarded(failures, 'codeActions (range)', () => hostService.codeActions(model, diagnostics.filter((d: Diagnostic) => d.range.start.line <= range.end.line), undefined, settings, range));
  if (refactorings) checkActions('range action', refactorings);

  for (const offset of probeOffsets(model, text, random)) {
    const position = document.positionAt(offset);
    const list = await guarded(failures, 'complete', () => hostService.complete(model, position));
    if (list) result.completions++;
    for (const item of list?.items ?? []) {
      const edit = item.textEdit;
      if (!edit) continue;
      const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
      for (const editRange of ranges) {
        if (!rangeInside(document, editRange)) failures.push({ check: 'completion edit range is not in the document', detail: `${JSON.stringify(editRange)} for "${item.label}" at offset ${offset}` });
      }
    }
    const hover = await guarded(failures, 'hover', () => hostService.hover(model, position));
    if (hover) result.hovers++;
    if (hover?.range && !rangeInside(document, hover.range)) failures.push({ check: 'hover range is not in the document', detail: `${JSON.stringify(hover.range)} at offset ${offset}` });
  }
  await guarded(failures, 'policyType', () => hostService.policyType(model, document.positionAt(random.int(text.length + 1))));
  failures.push(...checked.takeRuleFailures());
  return result;
}

// --- known failures -------------------------------------------------------------------------------------------

interface KnownHostFailure {
  readonly id: string;
  matches(failure: Failure, text: string, seedDocument: HostSeed): boolean;
}

/**
 * Failures found and reported but not fixed yet: counted instead of failing the run, so `npm test` stays green
 * while they are fixed; IAM_FUZZ_STRICT=1 fails on them too. Remove an entry when its fix lands.
 */
const knownHostFailures: readonly KnownHostFailure[] = [];

function knownHostFailureOf(failure: Failure, text: string, seedDocument: HostSeed): KnownHostFailure | undefined {
  if (process.env.IAM_FUZZ_STRICT === '1') return undefined;
  return knownHostFailures.find((known) => known.matches(failure, text, seedDocument));
}

// --- the run --------------------------------------------------------------------------------------------------

function caseInput(seeds: readonly HostSeed[], runSeed: number, index: number): { random: Random; seed: HostSeed; text: string } {
  const random = new Random(caseSeed(runSeed ^ streamSalt, index));
  const chosen = random.pick(seeds);
  return { random, seed: chosen, text: mutateHost(chosen.text, random) };
}

function findingKey(failure: Failure, seedDocument: HostSeed): string {
  return `${seedDocument.syntax}|${failure.check.replace(/"[^"]*"/g, '"…"')}|${failure.detail.split('\n').slice(0, 2).join('|').replace(/\d+/g, '#')}`;
}

function caseCount(): number {
  if (process.env.IAM_HOST_FUZZ_COUNT) return Number(process.env.IAM_HOST_FUZZ_COUNT);
  if (process.env.IAM_FUZZ_COUNT) return Math.max(1, Math.round(Number(process.env.IAM_FUZZ_COUNT) / hostCaseCost));
  return defaultCount;
}

/** A replayed case's input as a file (`{name, syntax, text}`), to minimise it or open it in an editor. */
function saveInput(seedDocument: HostSeed, text: string, index: number): string | undefined {
  try {
    const folder = join(tmpdir(), 'iam-policy-fuzz');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `host-${runSeed}-${index}.json`);
    writeFileSync(file, JSON.stringify({ name: seedDocument.name, syntax: seedDocument.syntax, text }));
    return file;
  } catch {
    return undefined;
  }
}

const runSeed = seedFromEnv(process.env.IAM_FUZZ_SEED, defaultSeed);
const only = process.env.IAM_FUZZ_CASE;

suite('fuzz: the host service on mutated infrastructure code', () => {
  const seeds = loadHostSeeds();

  test('every seed is read as a host with policies', async () => {
    for (const seedDocument of seeds) {
      await prepareHost(seedDocument.syntax);
      const host = readHost(seedDocument.syntax, seedDocument.text);
      assert.ok(host && host.policies.length > 0, `${seedDocument.name} holds policies`);
      assert.deepEqual(host.syntaxErrors, [], `${seedDocument.name} has no syntax error`);
    }
    assert.deepEqual(new Set(seeds.map((s) => readHost(s.syntax, s.text)?.kind)), new Set(['cloudformation', 'serverless', 'terraform', 'cdk']));
  });

  if (only !== undefined) {
    test(`replay host case ${only} of seed ${runSeed}`, async (t) => {
      for (const syntax of new Set(seeds.map((s) => s.syntax))) await prepareHost(syntax);
      const index = Number(only);
      const { random, seed: seedDocument, text } = caseInput(seeds, runSeed, index);
      const saved = saveInput(seedDocument, text, index);
      t.diagnostic(`from ${seedDocument.name} (${seedDocument.syntax}); saved to ${saved}; input (JSON-escaped): ${JSON.stringify(text)}`);
      const { failures } = await checkHostCase(seedDocument, text, random);
      assert.deepEqual(failures, []);
    });
    return;
  }

  const count = caseCount();
  test(`${count.toLocaleString('en-US')} mutated hosts, seed ${runSeed}`, async (t) => {
    assert.ok(Number.isInteger(count) && count > 0, 'the case count is a positive integer');
    for (const syntax of new Set(seeds.map((s) => s.syntax))) await prepareHost(syntax);
    const started = performance.now();
    const reported = new Map<string, string>();
    const known = new Map<string, number>();
    const totals = { hosts: 0, policies: 0, problems: 0, fixesChecked: 0, completions: 0, hovers: 0 };
    const bySyntax = new Map<string, number>();
    for (let index = 0; index < count; index++) {
      const { random, seed: seedDocument, text } = caseInput(seeds, runSeed, index);
      checked.label = `host case ${index}`;
      const outcome = await checkHostCase(seedDocument, text, random);
      totals.hosts += outcome.host ? 1 : 0;
      totals.policies += outcome.policies;
      totals.problems += outcome.problems;
      totals.fixesChecked += outcome.fixesChecked;
      totals.completions += outcome.completions;
      totals.hovers += outcome.hovers;
      bySyntax.set(seedDocument.syntax, (bySyntax.get(seedDocument.syntax) ?? 0) + 1);
      for (const failure of outcome.failures) {
        const knownFailure = knownHostFailureOf(failure, text, seedDocument);
        if (knownFailure) {
          known.set(knownFailure.id, (known.get(knownFailure.id) ?? 0) + 1);
          continue;
        }
        const key = findingKey(failure, seedDocument);
        if (reported.has(key)) continue;
        const input = JSON.stringify(text);
        reported.set(
          key,
          [
            `${failure.check} (case ${index}, from ${seedDocument.name}, ${seedDocument.syntax})`,
            `  replay: IAM_FUZZ_SEED=${runSeed} IAM_FUZZ_CASE=${index} node --test out/unit/robustness/hostFuzz.test.mjs`,
            `  input (${text.length} chars, JSON-escaped): ${input.length > 800 ? `${input.slice(0, 800)}...` : input}`,
            `  ${failure.detail.split('\n').join('\n  ')}`,
          ].join('\n'),
        );
      }
    }
    const seconds = (performance.now() - started) / 1_000;
    t.diagnostic(
      `${count} cases in ${seconds.toFixed(1)} s (${[...bySyntax].map(([s, n]) => `${s} ${n}`).join(', ')}): ${totals.hosts} still hosts, ` +
        `${totals.policies} policies, ${totals.problems} problems, ${totals.fixesChecked} fixes re-read, ${totals.completions} completion lists, ${totals.hovers} hovers`,
    );
    if (known.size > 0) t.diagnostic(`known failures (IAM_FUZZ_STRICT=1 to fail on them): ${[...known].map(([id, n]) => `${id} x${n}`).join(', ')}`);
    assert.ok(totals.problems > 0 && totals.fixesChecked > 0, 'the run exercised problems and their fixes');
    assert.equal(reported.size, 0, `${reported.size} distinct failure(s):\n\n${[...reported.values()].join('\n\n')}`);
  });
});
