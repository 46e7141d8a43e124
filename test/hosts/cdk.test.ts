import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCdk, readCdk, type CdkLanguage } from '../../server/src/hosts/cdk';
import { renderPolicy, toHostSpan, toVirtualOffset } from '../../server/src/hosts/virtualPolicy';
import type { EmbeddedPolicy, HostDocument, HostMapping, HostSequence, HostValue, JsonValue } from '../../server/src/hosts/types';
import type { Edit } from '../../server/src/rules/types';
import type { Span } from '../../server/src/policy/model';

before(async () => {
  await loadCdk('typescript');
  await loadCdk('tsx');
  await loadCdk('python');
});

// --- Helpers ----------------------------------------------------------------------------------------------------------

/** The host tree as JSON: templates with their holes as written, opaque values as `<opaque: text>`. */
function toJson(value: HostValue | undefined): JsonValue {
  if (!value) return null;
  switch (value.kind) {
    case 'mapping':
      return Object.fromEntries(value.entries.map((e) => [e.key, toJson(e.value)]));
    case 'sequence':
      return value.items.map(toJson);
    case 'scalar':
      return value.value;
    case 'template':
      return value.parts.map((p) => ('hole' in p ? p.hole : p.text)).join('');
    case 'opaque':
      return `<opaque: ${value.text}>`;
  }
}

/** The statement of a fragment (the synthetic document's only statement), or a document's root. */
function statementOf(policy: EmbeddedPolicy): HostValue {
  if (!policy.fragment) return policy.root;
  const statements = (policy.root as HostMapping).entries.find((e) => e.key === 'Statement')!.value as HostSequence;
  assert.equal(statements.items.length, 1);
  return statements.items[0]!;
}

function nodeAt(root: HostValue, path: string): HostValue {
  let node: HostValue | undefined = root;
  for (const step of path ? path.split('.') : []) {
    if (node?.kind === 'mapping') node = node.entries.find((e) => e.key === step)?.value;
    else if (node?.kind === 'sequence') node = node.items[Number(step)];
    else node = undefined;
    assert.ok(node, `no node at ${path} (step ${step})`);
  }
  return node!;
}

function spanOfText(text: string, substring: string, occurrence = 0, after?: string): Span {
  let offset = after === undefined ? -1 : text.indexOf(after) + after.length - 1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(substring, offset + 1);
    assert.ok(offset >= 0, `${JSON.stringify(substring)} (occurrence ${occurrence}) is not in the text`);
  }
  return { offset, length: substring.length };
}

const slice = (text: string, span: Span) => text.slice(span.offset, span.offset + span.length);

function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  let limit = Infinity;
  for (const edit of sorted) {
    assert.ok(edit.offset + edit.length <= limit, `edits overlap: ${JSON.stringify(edits)}`);
    out = out.slice(0, edit.offset) + edit.text + out.slice(edit.offset + edit.length);
    limit = edit.offset;
  }
  return out;
}

function read(text: string, language: CdkLanguage): HostDocument {
  const document = readCdk(text, language);
  assert.ok(document, 'the file is read as CDK code');
  assert.equal(document.kind, 'cdk');
  return document;
}

/** Where a node must be: its span is this substring; `content`: part of its value standing one for one (null: none). */
interface SpanCheck {
  readonly path: string;
  readonly span: string;
  /** The span is the first occurrence after this text. */
  readonly after?: string;
  readonly occurrence?: number;
  readonly content?: string | null;
}

function checkSpan(text: string, root: HostValue, check: SpanCheck): void {
  const node = nodeAt(root, check.path);
  assert.deepEqual(node.span, spanOfText(text, check.span, check.occurrence ?? 0, check.after), `span of ${check.path}: got ${JSON.stringify(slice(text, node.span))}`);
  if (check.content === undefined) return;
  assert.equal(node.kind, 'scalar', `${check.path} is a scalar`);
  if (node.kind !== 'scalar') return;
  if (check.content === null) {
    assert.equal(node.contentOffset, undefined, `${check.path} has no contentOffset`);
    return;
  }
  assert.ok(node.contentOffset !== undefined, `${check.path} has a contentOffset`);
  const within = String(node.value).indexOf(check.content);
  assert.ok(within >= 0, `${check.content} is in the value of ${check.path}`);
  assert.equal(text.slice(node.contentOffset + within, node.contentOffset + within + check.content.length), check.content);
}

interface ReadCase {
  readonly name: string;
  readonly language: CdkLanguage;
  readonly text: string;
  /** Each policy: its label, whether it is a fragment, and its statement's JSON (a fragment) or the document's. */
  readonly policies: readonly {
    readonly label: string;
    readonly fragment?: false;
    /** identity unless said: a statement with principals belongs to a resource-based policy. */
    readonly policyType?: 'resource';
    readonly json: JsonValue;
    readonly spans?: readonly SpanCheck[];
  }[];
}

// Non-ASCII before the statements: café (BMP), 𝄞 (two UTF-16 code units). Offsets count UTF-16 code units.
const tsComment = '// café ✓ 𝄞 — before the policy\n';
const pyComment = '# café ✓ 𝄞 — before the policy\n';

const typeScriptCases: ReadCase[] = [
  {
    name: 'a namespace import, every property, after non-ASCII text',
    language: 'typescript',
    text: `import * as iam from 'aws-cdk-lib/aws-iam';
${tsComment}const statement = new iam.PolicyStatement({
  sid: 'ReadLogs',
  effect: iam.Effect.DENY,
  actions: ['s3:PutObjet', "logs:*"],
  notActions: [],
  resources: ['*'],
  notResources: ['arn:aws:s3:::b'],
  conditions: { StringEquals: { 'aws:PrincipalTag/team': ['ops', "dev"] }, Bool: { "aws:SecureTransport": false } },
});
`,
    policies: [
      {
        label: 'PolicyStatement statement (line 3)',
        json: {
          Sid: 'ReadLogs',
          Effect: 'Deny',
          Action: ['s3:PutObjet', 'logs:*'],
          NotAction: [],
          Resource: ['*'],
          NotResource: ['arn:aws:s3:::b'],
          Condition: { StringEquals: { 'aws:PrincipalTag/team': ['ops', 'dev'] }, Bool: { 'aws:SecureTransport': false } },
        },
        spans: [
          { path: 'Sid', span: "'ReadLogs'", content: 'ReadLogs' },
          { path: 'Effect', span: 'iam.Effect.DENY', content: null },
          { path: 'Action', span: `['s3:PutObjet', "logs:*"]` },
          { path: 'Action.0', span: "'s3:PutObjet'", content: 'PutObjet' },
          { path: 'Action.1', span: '"logs:*"', content: 'logs:*' },
          { path: 'NotResource.0', span: "'arn:aws:s3:::b'", content: 'arn:aws:s3:::b' },
          { path: 'Condition.StringEquals.aws:PrincipalTag/team.1', span: '"dev"', content: 'dev' },
          { path: 'Condition.Bool.aws:SecureTransport', span: 'false', content: 'false' },
        ],
      },
    ],
  },
  {
    name: 'named imports with an alias, Effect imported by name, a default Allow',
    language: 'typescript',
    text: `import { PolicyStatement as Statement, Effect } from 'aws-cdk-lib/aws-iam';
new Statement({ effect: Effect.ALLOW, actions: ['sqs:SendMessage'] });
new Statement({ resources: ['*'] });
`,
    policies: [
      { label: 'PolicyStatement (line 2)', json: { Effect: 'Allow', Action: ['sqs:SendMessage'] }, spans: [{ path: 'Effect', span: 'Effect.ALLOW', content: null }] },
      { label: 'PolicyStatement (line 3)', json: { Effect: 'Allow', Resource: ['*'] } },
    ],
  },
  {
    name: 'aws_iam from the library, and the library namespace',
    language: 'typescript',
    text: `import * as cdk from 'aws-cdk-lib';
import { aws_iam as iam, Stack } from 'aws-cdk-lib';
new iam.PolicyStatement({ actions: ['a:B'] });
new cdk.aws_iam.PolicyStatement({ actions: ['c:D'] });
new cdk.aws_s3.PolicyStatement({ actions: ['not:IAM'] });
`,
    policies: [
      { label: 'PolicyStatement (line 3)', json: { Effect: 'Allow', Action: ['a:B'] } },
      { label: 'PolicyStatement (line 4)', json: { Effect: 'Allow', Action: ['c:D'] } },
    ],
  },
  {
    name: 'JavaScript with require (read with the typescript grammar)',
    language: 'javascript',
    text: `const iam = require('aws-cdk-lib/aws-iam');
const { aws_iam: iam2 } = require('aws-cdk-lib');
const { PolicyStatement } = require('@aws-cdk/aws-iam');
new iam.PolicyStatement({ actions: ['a:One'] });
new iam2.PolicyStatement({ actions: ['a:Two'] });
new PolicyStatement({ actions: ['a:Three'] });
`,
    policies: [
      { label: 'PolicyStatement (line 4)', json: { Effect: 'Allow', Action: ['a:One'] } },
      { label: 'PolicyStatement (line 5)', json: { Effect: 'Allow', Action: ['a:Two'] } },
      { label: 'PolicyStatement (line 6)', json: { Effect: 'Allow', Action: ['a:Three'] } },
    ],
  },
  {
    name: 'add* calls: merged into the variable in scope, on the construction itself, or a statement of their own',
    language: 'typescript',
    text: `import * as iam from 'aws-cdk-lib/aws-iam';
${tsComment}const s = new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] });
s.addActions('s3:PutObjet', 'sqs:*');
s.addNotActions('iam:*');
s.addResources(\`arn:aws:s3:::c\`);
s.addNotResources('arn:aws:s3:::d');
s.addCondition('Bool', { 'aws:SecureTransport': 'true' });
s.addConditions({ StringLike: { 's3:prefix': 'home/' } });
new iam.PolicyStatement({ actions: ['ec2:*'] }).addAllResources();
function later(s: iam.PolicyStatement) {
  s.addActions('kms:Decrypt');
}
role.grant.addCondition('x', 'y');
`,
    policies: [
      {
        label: 'PolicyStatement s (line 3)',
        json: {
          Effect: 'Allow',
          NotAction: ['iam:*'],
          NotResource: ['arn:aws:s3:::d'],
          Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c'],
          Action: ['s3:GetObject', 's3:PutObjet', 'sqs:*'],
          Condition: { Bool: { 'aws:SecureTransport': 'true' }, StringLike: { 's3:prefix': 'home/' } },
        },
        spans: [
          { path: 'Action.1', span: "'s3:PutObjet'", content: 'PutObjet' },
          { path: 'Action', span: `['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] });\ns.addActions('s3:PutObjet', 'sqs:*')` },
          { path: 'NotAction', span: "('iam:*')" },
          { path: 'Resource.1', span: '`arn:aws:s3:::c`', content: 'arn:aws:s3:::c' },
          { path: 'Condition.Bool.aws:SecureTransport', span: "'true'", content: 'true' },
        ],
      },
      { label: 'PolicyStatement (line 10)', json: { Effect: 'Allow', Action: ['ec2:*'], Resource: ['*'] }, spans: [{ path: 'Resource.0', span: 'addAllResources', content: null }] },
      // A parameter of the same name is another statement: a statement of its own; addCondition alone is not one.
      { label: 's.addActions (line 12)', json: { Effect: 'Allow', Action: ['kms:Decrypt'] }, spans: [{ path: 'Action', span: "('kms:Decrypt')" }] },
    ],
  },
  {
    name: 'values the program computes are opaque; templates keep their literal parts',
    language: 'typescript',
    text: `import * as iam from 'aws-cdk-lib/aws-iam';
new iam.PolicyStatement({
  effect: props.effect,
  actions: [...readActions, \`s3:\${verb}Object\`, \`s3:ListBucket\`, bucket.actions(), 'a\\u0041', \`\${whole}\`],
  resources: [bucket.bucketArn, bucket.bucketArn + '/*', 'arn:aws:s3:::' + name + '/*', a + b],
  conditions,
});
new iam.PolicyStatement({ ...common, actions: props.actions });
new iam.PolicyStatement(props);
`,
    policies: [
      {
        label: 'PolicyStatement (line 2)',
        json: {
          Effect: '<opaque: props.effect>',
          Action: ['<opaque: ...readActions>', 's3:${verb}Object', 's3:ListBucket', '<opaque: bucket.actions()>', 'aA', '<opaque: `${whole}`>'],
          Resource: ['<opaque: bucket.bucketArn>', 'bucket.bucketArn/*', 'arn:aws:s3:::name/*', '<opaque: a + b>'],
          Condition: '<opaque: conditions>',
        },
        spans: [
          { path: 'Action.1', span: '`s3:${verb}Object`' },
          { path: 'Action.2', span: '`s3:ListBucket`', content: 'ListBucket' },
          { path: 'Action.4', span: "'a\\u0041'", content: null },
          { path: 'Resource.2', span: "'arn:aws:s3:::' + name + '/*'" },
          { path: 'Condition', span: 'conditions', occurrence: 0 },
        ],
      },
      { label: 'PolicyStatement (line 8)', json: { Effect: '<opaque: ...common>', Action: '<opaque: props.actions>' } },
      { label: 'PolicyStatement (line 9)', json: { Effect: '<opaque: props>' } },
    ],
  },
  {
    name: 'PolicyDocument.fromJson and PolicyDocument({ statements })',
    language: 'typescript',
    text: `import { PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
${tsComment}const document = PolicyDocument.fromJson({
  Version: '2012-10-17',
  "Statement": [{ Effect: 'Allow', Action: ['s3:PutObjet'], Resource: '*', 'Count': 2, Flag: true, Nothing: null }],
});
new PolicyDocument({ statements: [new PolicyStatement({ actions: ['*'] })] });
`,
    policies: [
      {
        label: 'PolicyDocument.fromJson (line 3)',
        fragment: false,
        json: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObjet'], Resource: '*', Count: 2, Flag: true, Nothing: null }] },
        spans: [
          { path: 'Statement.0.Action.0', span: "'s3:PutObjet'", content: 'PutObjet' },
          { path: 'Statement.0.Count', span: '2', after: "'Count': ", content: '2' },
          { path: 'Version', span: "'2012-10-17'", content: '2012-10-17' },
        ],
      },
      { label: 'PolicyStatement (line 7)', json: { Effect: 'Allow', Action: ['*'] } },
    ],
  },
  {
    name: 'a syntax error elsewhere in the file: the statements that parse are still read',
    language: 'typescript',
    text: `import * as iam from 'aws-cdk-lib/aws-iam';
const broken = ) => {;
new iam.PolicyStatement({ actions: ['s3:GetObject'] });
`,
    policies: [{ label: 'PolicyStatement (line 3)', json: { Effect: 'Allow', Action: ['s3:GetObject'] } }],
  },
  {
    name: 'tsx',
    language: 'tsx',
    text: `import * as iam from 'aws-cdk-lib/aws-iam';
const view = <div className="x">{new iam.PolicyStatement({ actions: ['s3:GetObject'] }).toString()}</div>;
`,
    policies: [{ label: 'PolicyStatement (line 2)', json: { Effect: 'Allow', Action: ['s3:GetObject'] } }],
  },
];

const pythonCases: ReadCase[] = [
  {
    name: 'from aws_cdk import aws_iam as iam, every keyword, after non-ASCII text',
    language: 'python',
    text: `from aws_cdk import aws_iam as iam, Stack
${pyComment}statement = iam.PolicyStatement(
    sid="ReadLogs",
    effect=iam.Effect.DENY,
    actions=["s3:PutObjet", 'logs:*'],
    not_actions=[],
    resources=["*"],
    not_resources=["arn:aws:s3:::b"],
    conditions={"StringEquals": {"aws:PrincipalTag/team": ["ops"]}, "Bool": {"aws:SecureTransport": False}},
)
`,
    policies: [
      {
        label: 'PolicyStatement statement (line 3)',
        json: {
          Sid: 'ReadLogs',
          Effect: 'Deny',
          Action: ['s3:PutObjet', 'logs:*'],
          NotAction: [],
          Resource: ['*'],
          NotResource: ['arn:aws:s3:::b'],
          Condition: { StringEquals: { 'aws:PrincipalTag/team': ['ops'] }, Bool: { 'aws:SecureTransport': false } },
        },
        spans: [
          { path: 'Effect', span: 'iam.Effect.DENY', content: null },
          { path: 'Action.0', span: '"s3:PutObjet"', content: 'PutObjet' },
          { path: 'Action.1', span: "'logs:*'", content: 'logs:*' },
          { path: 'Condition.Bool.aws:SecureTransport', span: 'False', content: null },
        ],
      },
    ],
  },
  {
    name: 'import forms: dotted, aliased module, names, star',
    language: 'python',
    text: `import aws_cdk as cdk
import aws_cdk.aws_iam as iam2
from aws_cdk.aws_iam import PolicyStatement as PS
cdk.aws_iam.PolicyStatement(actions=["a:One"])
iam2.PolicyStatement(actions=["a:Two"])
PS(actions=["a:Three"])
other.PolicyStatement(actions=["not:IAM"])
`,
    policies: [
      { label: 'PolicyStatement (line 4)', json: { Effect: 'Allow', Action: ['a:One'] } },
      { label: 'PolicyStatement (line 5)', json: { Effect: 'Allow', Action: ['a:Two'] } },
      { label: 'PolicyStatement (line 6)', json: { Effect: 'Allow', Action: ['a:Three'] } },
    ],
  },
  {
    name: 'add_* calls in a function scope, a star import, strings of every kind',
    language: 'python',
    text: `from aws_cdk.aws_iam import *
${pyComment}def grant(bucket, verb):
    s = PolicyStatement(effect=Effect.ALLOW, actions=[f"s3:{verb}Object", r"a\\b", "a\\x41", "x" "y", u"s3:ListBucket", "arn:" + bucket])
    if bucket:
        s.add_actions("s3:PutObjet", *more)
    s.add_resources("arn:aws:s3:::b/*")
    s.add_condition("Bool", {"aws:SecureTransport": "true"})
    s.add_all_resources()
    return s
`,
    policies: [
      {
        label: 'PolicyStatement s (line 4)',
        json: {
          Effect: 'Allow',
          Action: ['s3:{verb}Object', 'a\\b', 'aA', 'xy', 's3:ListBucket', 'arn:bucket', 's3:PutObjet', '<opaque: *more>'],
          Resource: ['arn:aws:s3:::b/*', '*'],
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        },
        spans: [
          { path: 'Action.0', span: 'f"s3:{verb}Object"' },
          { path: 'Action.1', span: 'r"a\\b"', content: 'a\\b' },
          { path: 'Action.2', span: '"a\\x41"', content: null },
          { path: 'Action.4', span: 'u"s3:ListBucket"', content: 'ListBucket' },
          { path: 'Action.6', span: '"s3:PutObjet"', content: 'PutObjet' },
        ],
      },
    ],
  },
  {
    name: 'PolicyDocument.from_json, and **kwargs',
    language: 'python',
    text: `from aws_cdk import aws_iam
doc = aws_iam.PolicyDocument.from_json({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["*"], "N": None, "T": True, "C": 3}]})
aws_iam.PolicyStatement(actions=["s3:GetObject"], **extra)
`,
    policies: [
      {
        label: 'PolicyDocument.fromJson (line 2)',
        fragment: false,
        json: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['*'], N: null, T: true, C: 3 }] },
        spans: [{ path: 'Statement.0.C', span: '3', content: '3' }],
      },
      { label: 'PolicyStatement (line 3)', json: { Effect: '<opaque: **extra>', Action: ['s3:GetObject'] } },
    ],
  },
  {
    name: 'principals make a resource-policy statement: keyword, add_* methods, from_json',
    language: 'python',
    text: `from aws_cdk import aws_iam as iam
a = iam.PolicyStatement(actions=["execute-api:Invoke"], principals=[iam.AnyPrincipal()], resources=["execute-api:/*"])
b = iam.PolicyStatement(actions=["s3:GetObject"])
b.add_service_principal("logs.amazonaws.com")
b.add_any_principal()
c = iam.PolicyStatement(not_principals=[iam.ArnPrincipal("arn:aws:iam::111122223333:root")], actions=["s3:*"], effect=iam.Effect.DENY)
d = iam.PolicyStatement.from_json({"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage"})
`,
    policies: [
      {
        label: 'PolicyStatement a (line 2)',
        policyType: 'resource',
        json: { Effect: 'Allow', Principal: '<opaque: [iam.AnyPrincipal()]>', Action: ['execute-api:Invoke'], Resource: ['execute-api:/*'] },
      },
      { label: 'PolicyStatement b (line 3)', policyType: 'resource', json: { Effect: 'Allow', Action: ['s3:GetObject'], Principal: '<opaque: ("logs.amazonaws.com")>' } },
      {
        label: 'PolicyStatement c (line 6)',
        policyType: 'resource',
        json: { Effect: 'Deny', NotPrincipal: '<opaque: [iam.ArnPrincipal("arn:aws:iam::111122223333:root")]>', Action: ['s3:*'] },
      },
      {
        label: 'PolicyStatement.fromJson (line 7)',
        policyType: 'resource',
        json: { Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage' },
      },
    ],
  },
];

describe('cdk: reading statements with exact spans', () => {
  for (const c of [...typeScriptCases, ...pythonCases]) {
    test(`${c.language}: ${c.name}`, () => {
      const document = read(c.text, c.language);
      assert.deepEqual(document.syntaxErrors, []);
      assert.deepEqual(
        document.policies.map((p) => p.label),
        c.policies.map((p) => p.label),
      );
      document.policies.forEach((policy, i) => {
        const expected = c.policies[i]!;
        assert.equal(policy.policyType, expected.policyType ?? 'identity');
        assert.equal(policy.fragment ?? false, expected.fragment ?? true, `${policy.label} is ${expected.fragment === false ? 'a document' : 'a fragment'}`);
        const statement = statementOf(policy);
        assert.deepEqual(toJson(statement), expected.json);
        for (const check of expected.spans ?? []) checkSpan(c.text, statement, check);
      });
    });
  }

  test('a fragment is { Version (implied), Statement: [statement] } over the statement, with an implied Allow', () => {
    const text = `import * as iam from 'aws-cdk-lib/aws-iam';\nconst s = new iam.PolicyStatement({ actions: ['s3:GetObject'] });\n`;
    const [policy] = read(text, 'typescript').policies;
    const root = policy!.root as HostMapping;
    const construction = spanOfText(text, "new iam.PolicyStatement({ actions: ['s3:GetObject'] })");
    assert.deepEqual(root.span, construction);
    assert.deepEqual(toJson(root), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'] }] });
    const version = nodeAt(root, 'Version');
    const effect = nodeAt(root, 'Statement.0.Effect');
    for (const implied of [version, effect]) {
      assert.equal(implied.implied, true);
      assert.deepEqual(implied.span, { offset: construction.offset, length: 0 });
    }
  });

  test('files without the CDK are not CDK hosts', () => {
    assert.equal(readCdk(`import * as s3 from 'some-lib';\nnew iam.PolicyStatement({ actions: ['*'] });\n`, 'typescript'), undefined);
    assert.equal(readCdk(`// uses aws-cdk-lib elsewhere\nnew iam.PolicyStatement({ actions: ['*'] });\n`, 'typescript'), undefined);
    assert.equal(readCdk(`import boto3  # not aws_cdk\n`, 'python'), undefined);
    assert.equal(readCdk('', 'python'), undefined);
  });

  test('a CDK file whose PolicyStatement comes from elsewhere has no policies', () => {
    const document = read(`import { Stack } from 'aws-cdk-lib';\nimport { PolicyStatement } from './mine';\nnew PolicyStatement({ actions: ['*'] });\n`, 'typescript');
    assert.deepEqual(document.policies, []);
    assert.deepEqual(read(`from aws_cdk import Stack\nfrom mine import PolicyStatement\nPolicyStatement(actions=["*"])\n`, 'python').policies, []);
  });

  test('web-tree-sitter counts UTF-16 code units, as our offsets do', () => {
    const text = `import * as iam from 'aws-cdk-lib/aws-iam';\nconst 𝄞é = '𝄞'; new iam.PolicyStatement({ actions: ['𝄞s3:GetObject'] });\n`;
    const statement = statementOf(read(text, 'typescript').policies[0]!);
    checkSpan(text, statement, { path: 'Action.0', span: "'𝄞s3:GetObject'", content: 's3:GetObject' });
  });
});

describe('cdk: the states of typing give a string with its characters in place (completion)', () => {
  // `complete`: the string is written whole (no repair), so the writer may edit it.
  const cases: { name: string; language: CdkLanguage; text: string; path: string; value: string; at: string; json?: JsonValue; complete?: boolean }[] = [
    { name: 'an empty string', language: 'typescript', text: `new iam.PolicyStatement({ actions: [''] });\n`, path: 'Action.0', value: '', at: "['", complete: true },
    { name: 'unterminated at the end of the file', language: 'typescript', text: `new iam.PolicyStatement({ actions: ['s3:`, path: 'Action.0', value: 's3:', at: "['" },
    {
      name: 'unterminated, more properties on the next lines',
      language: 'typescript',
      text: `const s = new iam.PolicyStatement({\n  actions: ['s3:Get\n  resources: ['*'],\n});\n`,
      path: 'Action.0',
      value: 's3:Get',
      at: "['",
      json: { Effect: 'Allow', Action: ['s3:Get'], Resource: ['*'] },
    },
    {
      name: 'unterminated, one item a line',
      language: 'typescript',
      text: `const s = new iam.PolicyStatement({\n  actions: [\n    's3:Get\n    's3:PutObject',\n  ],\n});\n`,
      path: 'Action.0',
      value: 's3:Get',
      at: "    '",
      json: { Effect: 'Allow', Action: ['s3:Get', 's3:PutObject'] },
    },
    {
      name: 'addActions( just opened',
      language: 'typescript',
      text: `const s = new iam.PolicyStatement();\ns.addActions('\ns.addResources('*');\n`,
      path: 'Action.0',
      value: '',
      at: "('",
      json: { Effect: 'Allow', Action: [''], Resource: ['*'] },
    },
    { name: 'Python: an empty string', language: 'python', text: `iam.PolicyStatement(actions=[""])\n`, path: 'Action.0', value: '', at: '["', complete: true },
    { name: 'Python: unterminated at the end of the file', language: 'python', text: `iam.PolicyStatement(actions=["s3:`, path: 'Action.0', value: 's3:', at: '["' },
    {
      name: 'Python: unterminated, more keywords on the next lines',
      language: 'python',
      text: `s = iam.PolicyStatement(\n    actions=["s3:Get\n    resources=["*"],\n)\n`,
      path: 'Action.0',
      value: 's3:Get',
      at: '["',
      json: { Effect: 'Allow', Action: ['s3:Get'], Resource: ['*'] },
    },
    {
      name: 'Python: add_actions( just opened',
      language: 'python',
      text: `s = iam.PolicyStatement()\ns.add_actions("\nx = 1\n`,
      path: 'Action.0',
      value: '',
      at: '("',
      json: { Effect: 'Allow', Action: [''] },
    },
  ];
  for (const c of cases) {
    test(`${c.language}: ${c.name}`, () => {
      const header = c.language === 'python' ? `${pyComment}from aws_cdk import aws_iam as iam\n` : `${tsComment}import * as iam from 'aws-cdk-lib/aws-iam';\n`;
      const text = header + c.text;
      const document = read(text, c.language);
      assert.equal(document.policies.length, 1);
      const policy = document.policies[0]!;
      const statement = statementOf(policy);
      if (c.json !== undefined) assert.deepEqual(toJson(statement), c.json);
      const node = nodeAt(statement, c.path);
      assert.equal(node.kind, 'scalar');
      assert.equal(node.kind === 'scalar' && node.value, c.value);
      const contentOffset = node.kind === 'scalar' ? node.contentOffset : undefined;
      const expected = spanOfText(text, c.at, 0);
      assert.equal(contentOffset, expected.offset + expected.length);
      // The engine maps the cursor after what was typed into the rendered policy's string, and back.
      const cursor = contentOffset! + c.value.length;
      const virtual = renderPolicy(policy.root);
      const virtualOffset = toVirtualOffset(virtual, cursor);
      assert.ok(virtualOffset !== undefined, 'the cursor maps into the virtual policy');
      assert.equal(virtual.text.slice(virtualOffset - c.value.length - 1, virtualOffset), `"${c.value}`);
      assert.deepEqual(toHostSpan(virtual, { offset: virtualOffset - c.value.length, length: c.value.length }), { offset: contentOffset, length: c.value.length });
      // A string the reader had to close is never written; a whole one is.
      const edits = policy.writer.replaceValue(node, 's3:GetObject');
      if (c.complete) assert.equal(applyEdits(text, edits!), text.replace(c.at, `${c.at}s3:GetObject`));
      else assert.equal(edits, undefined);
    });
  }

  test('the cursor in an addActions call after other properties maps to its string (merged lists span both)', () => {
    const text = `import * as iam from 'aws-cdk-lib/aws-iam';\nconst s = new iam.PolicyStatement({ actions: ['a:B'], resources: ['arn:aws:s3:::x'] });\ns.addActions('s3:Get');\n`;
    const policy = read(text, 'typescript').policies[0]!;
    const virtual = renderPolicy(policy.root);
    for (const [written, value] of [
      ["'s3:Get'", 's3:Get'],
      ["'arn:aws:s3:::x'", 'arn:aws:s3:::x'],
      ["'a:B'", 'a:B'],
    ] as const) {
      const offset = text.indexOf(written) + 1 + value.length;
      const virtualOffset = toVirtualOffset(virtual, offset);
      assert.ok(virtualOffset !== undefined, written);
      assert.equal(virtual.text.slice(virtualOffset - value.length, virtualOffset), value);
    }
  });
});

describe('cdk: robustness', () => {
  test('any prefix of a CDK file reads without throwing', () => {
    const text = `import * as iam from 'aws-cdk-lib/aws-iam';\nconst s = new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['s3:GetObject', \`x\${y}\`], conditions: { A: { 'b': [1, true] } } });\ns.addActions("a:B");\niam.PolicyDocument.fromJson({ Statement: [] });\n`;
    for (let end = 0; end <= text.length; end++) readCdk(text.slice(0, end), 'typescript');
    const python = `from aws_cdk import aws_iam as iam\ns = iam.PolicyStatement(effect=iam.Effect.DENY, actions=["s3:GetObject", f"x{y}"], conditions={"A": {"b": [1, True]}})\ns.add_actions('a:B')\n`;
    for (let end = 0; end <= python.length; end++) readCdk(python.slice(0, end), 'python');
  });

  test('deep nesting and a large file', () => {
    const deep = `import * as iam from 'aws-cdk-lib/aws-iam';\nnew iam.PolicyStatement({ actions: ${'['.repeat(3000)}${']'.repeat(3000)} });\n`;
    assert.equal(read(deep, 'typescript').policies.length, 1);
    const unit = `new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: ['*'] });\n`;
    const large = `import * as iam from 'aws-cdk-lib/aws-iam';\n${unit.repeat(2000)}`;
    assert.equal(read(large, 'typescript').policies.length, 2000);
  });
});

// --- Writer -----------------------------------------------------------------------------------------------------------

interface WriterCase {
  readonly name: string;
  readonly language: CdkLanguage;
  readonly text: string;
  readonly edit: (policy: EmbeddedPolicy, statement: HostValue) => readonly Edit[] | undefined;
  /** The text after the edits; the statement read again from it must be `json`. */
  readonly output: string;
  readonly json: JsonValue;
}

const actionsOf = (statement: HostValue) => nodeAt(statement, 'Action') as HostSequence;

const writerCases: WriterCase[] = [
  {
    name: 'a typo replaced in its quote style',
    language: 'typescript',
    text: `new iam.PolicyStatement({ actions: ['s3:PutObjet', "s3:GetObjet", \`s3:ListBuckt\`] });\n`,
    edit: (policy, statement) => {
      const [a, b, c] = actionsOf(statement).items;
      return [...policy.writer.replaceValue(a!, 's3:PutObject')!, ...policy.writer.replaceValue(b!, 's3:GetObject')!, ...policy.writer.replaceValue(c!, 's3:ListBucket')!];
    },
    output: `new iam.PolicyStatement({ actions: ['s3:PutObject', "s3:GetObject", \`s3:ListBucket\`] });\n`,
    json: { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:ListBucket'] },
  },
  {
    name: 'quotes and backslashes escaped for JavaScript',
    language: 'typescript',
    text: `new iam.PolicyStatement({ actions: ['a', "b", \`c\`] });\n`,
    edit: (policy, statement) => {
      const [a, b, c] = actionsOf(statement).items;
      return [...policy.writer.replaceValue(a!, "it's \\ x")!, ...policy.writer.replaceValue(b!, 'say "hi"\n')!, ...policy.writer.replaceValue(c!, '${no} `x`')!];
    },
    output: `new iam.PolicyStatement({ actions: ['it\\'s \\\\ x', "say \\"hi\\"\\n", \`\\\${no} \\\`x\\\`\`] });\n`,
    json: { Effect: 'Allow', Action: ["it's \\ x", 'say "hi"\n', '${no} `x`'] },
  },
  {
    name: 'items added inline, at the end and before the first',
    language: 'typescript',
    text: `new iam.PolicyStatement({ actions: ["s3:GetObject"] });\n`,
    edit: (policy, statement) => [
      ...policy.writer.insertItems(actionsOf(statement), 1, ['s3:PutObject', 'sqs:*'])!,
      ...policy.writer.insertItems(actionsOf(statement), 0, ['kms:Decrypt'])!,
    ],
    output: `new iam.PolicyStatement({ actions: ["kms:Decrypt", "s3:GetObject", "s3:PutObject", "sqs:*"] });\n`,
    json: { Effect: 'Allow', Action: ['kms:Decrypt', 's3:GetObject', 's3:PutObject', 'sqs:*'] },
  },
  {
    name: 'items added to an empty list',
    language: 'typescript',
    text: `new iam.PolicyStatement({ actions: [] });\n`,
    edit: (policy, statement) => policy.writer.insertItems(actionsOf(statement), 0, ['s3:GetObject', 's3:PutObject']),
    output: `new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'] });\n`,
    json: { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'] },
  },
  {
    name: 'one item a line with a trailing comma: new lines at the same indentation',
    language: 'typescript',
    text: `new iam.PolicyStatement({\n  actions: [\n    's3:GetObject',\n    's3:PutObject',\n  ],\n});\n`,
    edit: (policy, statement) => [...policy.writer.insertItems(actionsOf(statement), 2, ['sqs:*'])!, ...policy.writer.insertItems(actionsOf(statement), 1, ['kms:Decrypt'])!],
    output: `new iam.PolicyStatement({\n  actions: [\n    's3:GetObject',\n    'kms:Decrypt',\n    's3:PutObject',\n    'sqs:*',\n  ],\n});\n`,
    json: { Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt', 's3:PutObject', 'sqs:*'] },
  },
  {
    name: 'one item a line without a trailing comma (Python, CRLF)',
    language: 'python',
    text: `iam.PolicyStatement(\r\n    actions=[\r\n        "s3:GetObject",\r\n        "s3:PutObject"\r\n    ],\r\n)\r\n`,
    edit: (policy, statement) => policy.writer.insertItems(actionsOf(statement), 2, ['sqs:*']),
    output: `iam.PolicyStatement(\r\n    actions=[\r\n        "s3:GetObject",\r\n        "s3:PutObject",\r\n        "sqs:*"\r\n    ],\r\n)\r\n`,
    json: { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'sqs:*'] },
  },
  {
    name: 'items removed: first, a run in the middle, the last',
    language: 'typescript',
    text: `new iam.PolicyStatement({ actions: ['a:A', 'b:B', 'c:C', 'd:D', 'e:E', 'f:F'] });\n`,
    edit: (policy, statement) => {
      const items = actionsOf(statement).items;
      return policy.writer.removeItems(actionsOf(statement), [items[0]!, items[2]!, items[3]!, items[5]!]);
    },
    output: `new iam.PolicyStatement({ actions: ['b:B', 'e:E'] });\n`,
    json: { Effect: 'Allow', Action: ['b:B', 'e:E'] },
  },
  {
    name: 'items removed one a line, keeping a comment and the trailing comma',
    language: 'typescript',
    text: `new iam.PolicyStatement({\n  actions: [\n    'a:A', // the first\n    'b:B',\n    'c:C',\n  ],\n});\n`,
    edit: (policy, statement) => {
      const items = actionsOf(statement).items;
      return policy.writer.removeItems(actionsOf(statement), [items[1]!, items[2]!]);
    },
    output: `new iam.PolicyStatement({\n  actions: [\n    'a:A', // the first\n  ],\n});\n`,
    json: { Effect: 'Allow', Action: ['a:A'] },
  },
  {
    name: 'all items removed',
    language: 'typescript',
    text: `new iam.PolicyStatement({ actions: [\n  'a:A',\n  'b:B',\n] });\n`,
    edit: (policy, statement) => policy.writer.removeItems(actionsOf(statement), actionsOf(statement).items),
    output: `new iam.PolicyStatement({ actions: [] });\n`,
    json: { Effect: 'Allow', Action: [] },
  },
  {
    name: 'a merged list: each item written in the list it is in',
    language: 'typescript',
    text: `const s = new iam.PolicyStatement({ actions: ['a:A', 'b:B'] });\ns.addActions('c:C', 'd:D');\n`,
    edit: (policy, statement) => {
      const sequence = actionsOf(statement);
      const [, b, c] = sequence.items;
      return [
        ...policy.writer.removeItems(sequence, [b!, c!])!,
        ...policy.writer.insertItems(sequence, 2, ['x:X'])!,
        ...policy.writer.insertItems(sequence, 4, ['z:Z'])!,
      ];
    },
    output: `const s = new iam.PolicyStatement({ actions: ['a:A'] });\ns.addActions('x:X', 'd:D', 'z:Z');\n`,
    json: { Effect: 'Allow', Action: ['a:A', 'x:X', 'd:D', 'z:Z'] },
  },
  {
    name: 'Python: add_actions arguments, quote style and escapes kept',
    language: 'python',
    text: `s = iam.PolicyStatement()\ns.add_actions('s3:PutObjet', "x")\n`,
    edit: (policy, statement) => {
      const sequence = actionsOf(statement);
      return [...policy.writer.replaceValue(sequence.items[0]!, "s3:PutObject's")!, ...policy.writer.removeItems(sequence, [sequence.items[1]!])!, ...policy.writer.insertItems(sequence, 2, ['sqs:*'])!];
    },
    output: `s = iam.PolicyStatement()\ns.add_actions('s3:PutObject\\'s', 'sqs:*')\n`,
    json: { Effect: 'Allow', Action: ["s3:PutObject's", 'sqs:*'] },
  },
  {
    name: 'fromJson: a string and a condition value replaced',
    language: 'typescript',
    text: `iam.PolicyDocument.fromJson({ Statement: [{ Action: 's3:PutObjet', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] });\n`,
    edit: (policy, statement) => [
      ...policy.writer.replaceValue(nodeAt(statement, 'Statement.0.Action'), ['s3:PutObject'])!,
      ...policy.writer.replaceValue(nodeAt(statement, 'Statement.0.Condition.Bool.aws:SecureTransport'), false)!,
    ],
    output: `iam.PolicyDocument.fromJson({ Statement: [{ Action: ['s3:PutObject'], Condition: { Bool: { 'aws:SecureTransport': false } } }] });\n`,
    json: { Statement: [{ Action: ['s3:PutObject'], Condition: { Bool: { 'aws:SecureTransport': false } } }] },
  },
];

describe('cdk writer: edits read again as the expected statement', () => {
  for (const c of writerCases) {
    test(`${c.language}: ${c.name}`, () => {
      const header = c.language === 'python' ? 'from aws_cdk import aws_iam as iam\n' : "import * as iam from 'aws-cdk-lib/aws-iam';\n";
      const text = header + c.text;
      const policy = read(text, c.language).policies[0]!;
      const edits = c.edit(policy, statementOf(policy));
      assert.ok(edits, 'the writer writes it');
      const output = applyEdits(text, edits);
      assert.equal(output, header + c.output);
      const again = read(output, c.language).policies[0]!;
      assert.deepEqual(toJson(statementOf(again)), c.json);
    });
  }
});

describe('cdk writer: what it refuses', () => {
  const text = `import * as iam from 'aws-cdk-lib/aws-iam';\nconst s = new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: [...more, \`a\${b}\`], resources: props.resources, conditions: { Bool: { k: 'v' } } });\n`;
  let policy: EmbeddedPolicy;
  let statement: HostMapping;
  before(() => {
    policy = read(text, 'typescript').policies[0]!;
    statement = statementOf(policy) as HostMapping;
  });

  test('computed values, the Effect enum, keys and entries', () => {
    const [spread, template] = actionsOf(statement).items;
    assert.equal(policy.writer.replaceValue(spread!, 'x'), undefined);
    assert.equal(policy.writer.replaceValue(template!, 'x'), undefined);
    assert.equal(policy.writer.replaceValue(nodeAt(statement, 'Effect'), 'Allow'), undefined);
    assert.equal(policy.writer.replaceValue(nodeAt(statement, 'Resource'), ['*']), undefined);
    assert.equal(policy.writer.insertEntry(statement, undefined, 'Sid', 'x'), undefined);
    assert.equal(policy.writer.removeEntries(statement, statement.entries), undefined);
    assert.equal(policy.writer.renameKey(statement, statement.entries[0]!, 'x'), undefined);
    const condition = nodeAt(statement, 'Condition.Bool') as HostMapping;
    assert.equal(policy.writer.renameKey(condition, condition.entries[0]!, 'K'), undefined);
  });

  test('values a list of strings cannot hold, and lists the reader did not build', () => {
    assert.equal(policy.writer.insertItems(actionsOf(statement), 0, [{ a: 1 }]), undefined);
    const foreign: HostSequence = { kind: 'sequence', span: { offset: 0, length: 2 }, items: [] };
    assert.equal(policy.writer.insertItems(foreign, 0, ['x']), undefined);
    assert.equal(policy.writer.removeItems(foreign, []), undefined);
  });

  test('a Python raw string that would need an escape, and a tuple', () => {
    const python = `from aws_cdk import aws_iam as iam\niam.PolicyStatement(actions=[r"s3:Get"], resources=("a", "b"))\n`;
    const p = read(python, 'python').policies[0]!;
    const s = statementOf(p);
    const raw = nodeAt(s, 'Action.0');
    assert.equal(p.writer.replaceValue(raw, 'back\\slash'), undefined);
    assert.deepEqual(p.writer.replaceValue(raw, 's3:GetObject'), [{ ...raw.span, text: 'r"s3:GetObject"' }]);
    const tuple = nodeAt(s, 'Resource') as HostSequence;
    assert.equal(p.writer.removeItems(tuple, [tuple.items[1]!]), undefined);
  });
});
