import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { HostMapping, HostSequence, HostTemplate, HostValue, JsonValue } from '../../server/src/hosts/types';
import { readServerless } from '../../server/src/hosts/serverless';
import { readYaml } from '../../server/src/hosts/yaml';
import { hostToJson, spanOf, textAt } from './yamlSupport';

const v3 = `service: shop
frameworkVersion: '3'
provider:
  name: aws
  runtime: nodejs20.x
  iamManagedPolicies:
    - arn:aws:iam::aws:policy/ReadOnlyAccess
  iam:
    role:
      permissionsBoundary: arn:aws:iam::123456789012:policy/boundary
      managedPolicies:
        - arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess
      statements:
        - Effect: Allow
          Action:
            - s3:GetObjet
          Resource: arn:aws:s3:::\${self:custom.bucket}/*
functions:
  hello:
    handler: h.hello
    iamRoleStatements:
      - Effect: Allow
        Action: dynamodb:GetItem
        Resource: '*'
  other:
    handler: h.other
resources:
  Resources:
    Queue:
      Type: AWS::SQS::Queue
`;

const v2 = `service: legacy
provider:
  name: aws
  iamRoleStatements:
    - Effect: "Allow"
      Action: ["sqs:SendMessage"]
      Resource: "*"
`;

suite('readServerless: which files', () => {
  const table: [string, string, number | undefined][] = [
    ['v3 provider.iam.role.statements and a per-function list', v3, 2],
    ['v2 provider.iamRoleStatements', v2, 1],
    ['no provider.name, but a service with functions', 'service: x\nprovider:\n  runtime: nodejs20.x\nfunctions:\n  f:\n    handler: h\n', 0],
    ['no service, but provider.iam', 'provider:\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: "*"\n          Resource: "*"\n', 1],
    ['another cloud', 'service: x\nprovider:\n  name: azure\n  iamRoleStatements: []\n', undefined],
    ['a GitHub workflow', 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n', undefined],
    ['a Kubernetes manifest', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n---\napiVersion: v1\nkind: Service\n', undefined],
    ['a CloudFormation template', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  R:\n    Type: AWS::IAM::Role\n', undefined],
    ['a provider that is not a mapping', 'service: x\nprovider: aws\n', undefined],
    ['not YAML at all', '{{{', undefined],
  ];
  for (const [name, text, count] of table) {
    test(name, () => {
      const host = readServerless(text);
      assert.equal(host?.policies.length, count);
      if (host) assert.equal(host.kind, 'serverless');
    });
  }
});

suite('readServerless: the policies', () => {
  test('v3: labels, types, the synthetic root and its spans', () => {
    const host = readServerless(v3)!;
    assert.deepEqual(host.policies.map((p) => [p.label, p.policyType]), [
      ['provider.iam.role.statements', 'identity'],
      ['functions.hello.iamRoleStatements', 'identity'],
    ]);
    const [role, hello] = host.policies;
    assert.deepEqual(hostToJson(role.root), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObjet'], Resource: 'arn:aws:s3:::<${self:custom.bucket}>/*' }],
    });
    assert.deepEqual(hostToJson(hello.root), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }] });
    const root = role.root as HostMapping;
    const statement = root.entries[1];
    assert.equal(root.entries[0].value?.implied, true);
    assert.deepEqual(root.entries[0].value?.span, { offset: root.span.offset, length: 0 });
    assert.deepEqual(statement.keySpan, spanOf(v3, 'statements'));
    assert.deepEqual(root.span, statement.value!.span);
    assert.ok(textAt(v3, root.span).startsWith('- Effect: Allow'));
    assert.ok(textAt(v3, root.span).endsWith('/*'));
    const action = ((statement.value as HostSequence).items[0] as HostMapping).entries[1].value as HostSequence;
    const typo = action.items[0];
    assert.equal(typo.kind === 'scalar' ? typo.contentOffset : undefined, spanOf(v3, 's3:GetObjet').offset);
  });

  test('v2: the list as written', () => {
    const host = readServerless(v2)!;
    assert.equal(host.policies[0].label, 'provider.iamRoleStatements');
    assert.deepEqual(hostToJson(host.policies[0].root), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: '*' }] });
  });

  test('CRLF: the same policies at the right offsets', () => {
    const text = v3.replace(/\n/g, '\r\n');
    const root = readServerless(text)!.policies[0].root as HostMapping;
    assert.deepEqual(root.entries[1].keySpan, spanOf(text, 'statements'));
    const seq = root.entries[1].value as HostSequence;
    assert.deepEqual(((seq.items[0] as HostMapping).entries[0].value)!.span, spanOf(text, 'Allow'));
  });

  test('syntax errors: reported, and what parses is still read', () => {
    const text = 'service: x\nprovider:\n  name: aws\n  iamRoleStatements:\n    - Effect: Allow\n      Action: [s3:GetObject\n      Resource: "*"\n';
    const host = readServerless(text)!;
    assert.ok(host.syntaxErrors.length > 0);
    assert.equal(host.policies.length, 1);
  });

  test('a read given in: its errors are used, no second parse needed', () => {
    const read = readYaml(v2);
    assert.equal(readServerless(v2, read)?.policies.length, 1);
    assert.equal(readServerless(v2, read.documents)?.policies.length, 1);
  });
});

/** Resource values and what they read as: a string (literal), `<opaque ...>`, or a template with its holes. */
const variables: [string, JsonValue | string, 'scalar' | 'opaque' | 'template'][] = [
  ['${self:custom.bucketArn}', '<opaque ${self:custom.bucketArn}>', 'opaque'],
  ['${opt:stage}', '<opaque ${opt:stage}>', 'opaque'],
  ['${env:TABLE_ARN}', '<opaque ${env:TABLE_ARN}>', 'opaque'],
  ['${ssm:/app/arn}', '<opaque ${ssm:/app/arn}>', 'opaque'],
  ['${cf:stack.Output}', '<opaque ${cf:stack.Output}>', 'opaque'],
  ['${cf.us-east-1:stack.Output}', '<opaque ${cf.us-east-1:stack.Output}>', 'opaque'],
  ['${sls:stage}', '<opaque ${sls:stage}>', 'opaque'],
  ['${param:arn}', '<opaque ${param:arn}>', 'opaque'],
  ['${file(./iam.yml):arn}', '<opaque ${file(./iam.yml):arn}>', 'opaque'],
  ['${s3:bucket/key}', '<opaque ${s3:bucket/key}>', 'opaque'],
  ["${opt:stage, 'dev'}", "<opaque ${opt:stage, 'dev'}>", 'opaque'],
  ['${self:custom.${opt:stage}.arn}', '<opaque ${self:custom.${opt:stage}.arn}>', 'opaque'],
  ['arn:aws:s3:::${self:custom.bucket}/*', 'arn:aws:s3:::<${self:custom.bucket}>/*', 'template'],
  ['arn:aws:dynamodb:${aws:region}:${aws:accountId}:table/t', 'arn:aws:dynamodb:<${aws:region}>:<${aws:accountId}>:table/t', 'template'],
  ['${self:custom.a}${self:custom.b}', '<opaque ${self:custom.a}${self:custom.b}>', 'opaque'],
  // IAM policy variables are the policy's own text.
  ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/${aws:username}/*', 'scalar'],
  ['arn:aws:s3:::${aws:PrincipalTag/team}-data', 'arn:aws:s3:::${aws:PrincipalTag/team}-data', 'scalar'],
  ['${aws:regionX}', '${aws:regionX}', 'scalar'],
  ['${AWS::Region}', '${AWS::Region}', 'scalar'],
];

function policyRoot(text: string): HostMapping {
  const host = readServerless(text);
  assert.ok(host && host.policies.length === 1);
  return host.policies[0].root as HostMapping;
}

const statementOf = (root: HostMapping): HostMapping => (root.entries[1].value as HostSequence).items[0] as HostMapping;
const valueAt = (m: HostMapping, key: string): HostValue => m.entries.find((e) => e.key === key)!.value!;

suite('readServerless: variables', () => {
  for (const [written, expected, kind] of variables) {
    for (const quote of ['', "'"]) {
      if (quote === '' && written.includes("'")) continue;
      const literal = quote === "'" ? `'${written.replace(/'/g, "''")}'` : written;
      test(`${literal} in Resource`, () => {
        const text = `service: s\nprovider:\n  name: aws\n  iamRoleStatements:\n    - Effect: Allow\n      Action: s3:GetObject\n      Resource: ${literal}\n`;
        const value = valueAt(statementOf(policyRoot(text)), 'Resource');
        assert.equal(value.kind, kind);
        assert.equal(hostToJson(value), expected);
        assert.deepEqual(value.span, spanOf(text, literal));
        if (value.kind === 'template' && !written.includes("'")) {
          for (const part of value.parts) {
            if ('hole' in part) assert.equal(textAt(text, part.span), part.hole);
            else assert.equal(text.slice(part.contentOffset, part.contentOffset! + part.text.length), part.text);
          }
        }
      });
    }
  }

  test('in every position: Action list items, Condition values, Principal, whole statements', () => {
    const text = [
      'service: s',
      'provider:',
      '  name: aws',
      '  iam:',
      '    role:',
      '      statements:',
      '        - Effect: ${self:custom.effect}',
      '          Action:',
      '            - ${self:custom.action}',
      '            - s3:${self:custom.verb}',
      '          Resource: "*"',
      '          Condition:',
      '            StringEquals:',
      '              aws:SourceAccount: ${aws:accountId}',
      '        - ${file(./extra.yml):statement}',
      '',
    ].join('\n');
    assert.deepEqual(hostToJson(policyRoot(text)), {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: '<opaque ${self:custom.effect}>',
          Action: ['<opaque ${self:custom.action}>', 's3:<${self:custom.verb}>'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': '<opaque ${aws:accountId}>' } },
        },
        '<opaque ${file(./extra.yml):statement}>',
      ],
    });
    const verb = (valueAt(statementOf(policyRoot(text)), 'Action') as HostSequence).items[1] as HostTemplate;
    assert.deepEqual(verb.parts[1], { hole: '${self:custom.verb}', span: spanOf(text, '${self:custom.verb}') });
  });

  test('a double-quoted value with escapes: holes fall back to the whole value', () => {
    const text = 'service: s\nprovider:\n  name: aws\n  iamRoleStatements:\n    - Resource: "a\\u0062:${self:custom.x}"\n';
    const value = valueAt(statementOf(policyRoot(text)), 'Resource') as HostTemplate;
    assert.equal(value.kind, 'template');
    assert.deepEqual(value.parts[1], { hole: '${self:custom.x}', span: spanOf(text, '"a\\u0062:${self:custom.x}"') });
    assert.equal((value.parts[0] as { contentOffset?: number }).contentOffset, undefined);
  });
});

suite('readServerless: CloudFormation intrinsics inside statements', () => {
  test('!Ref, Fn::GetAtt, Fn::Join and !Sub are read as the CloudFormation host reads them', () => {
    const text = [
      'service: s',
      'provider:',
      '  name: aws',
      '  iamRoleStatements:',
      '    - Effect: Allow',
      '      Action: sqs:SendMessage',
      '      Resource:',
      '        - !Ref Queue',
      '        - Fn::GetAtt: [Queue, Arn]',
      '        - Fn::Join: ["", ["arn:aws:s3:::", "${self:custom.bucket}", "/*"]]',
      '        - !Sub "arn:${AWS::Partition}:s3:::${self:custom.bucket}/*"',
      '',
    ].join('\n');
    const resources = valueAt(statementOf(policyRoot(text)), 'Resource') as HostSequence;
    assert.deepEqual(resources.items.map((v) => v.kind), ['opaque', 'opaque', 'template', 'template']);
    for (const item of resources.items) assert.equal(item.kind === 'template' || item.kind === 'opaque', true);
    const sub = resources.items[3] as HostTemplate;
    assert.ok(sub.parts.some((p) => 'text' in p && p.text.includes(':s3:::')));
    assert.ok(sub.parts.some((p) => 'hole' in p && p.hole.includes('self:custom.bucket')));
  });
});

function apply(text: string, edits: readonly { offset: number; length: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
  return out;
}

suite('readServerless: writing', () => {
  test('edits inside the statements go to the YAML writer', () => {
    const policy = readServerless(v3)!.policies[0];
    const statement = statementOf(policy.root as HostMapping);
    const action = valueAt(statement, 'Action') as HostSequence;
    const out = apply(v3, policy.writer.replaceValue(action.items[0], 's3:GetObject')!);
    assert.deepEqual(hostToJson(readServerless(out)!.policies[0].root), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::<${self:custom.bucket}>/*' }],
    });
    const added = apply(v3, policy.writer.insertEntry(statement, undefined, 'Sid', 'Read')!);
    const reread = hostToJson(statementOf(readServerless(added)!.policies[0].root as HostMapping)) as { [key: string]: JsonValue };
    assert.equal(reread.Sid, 'Read');
  });

  test('a new statement appended to the list, and a template rebuilt by the variables still written', () => {
    const policy = readServerless(v2)!.policies[0];
    const list = (policy.root as HostMapping).entries[1].value as HostSequence;
    const out = apply(v2, policy.writer.insertItems(list, 1, [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }])!);
    assert.deepEqual(hostToJson((readServerless(out)!.policies[0].root as HostMapping).entries[1].value), [
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', Resource: '*' },
    ]);
    const role = readServerless(v3)!.policies[0];
    const resource = valueAt(statementOf(role.root as HostMapping), 'Resource');
    assert.equal(resource.kind, 'template');
    const fixed = apply(v3, role.writer.replaceValue(resource, 'arn:aws:s3:::b/*')!);
    assert.match(fixed, /Resource: arn:aws:s3:::b\/\*\n/);
  });

  test('the synthetic root is refused; the implied Version too', () => {
    const policy = readServerless(v3)!.policies[0];
    const root = policy.root as HostMapping;
    assert.equal(policy.writer.insertEntry(root, undefined, 'Id', 'x'), undefined);
    assert.equal(policy.writer.removeEntries(root, [root.entries[0]]), undefined);
    assert.equal(policy.writer.renameKey(root, root.entries[1], 'NotStatement'), undefined);
    assert.equal(policy.writer.replaceValue(root, {}), undefined);
    assert.equal(policy.writer.replaceValue(root.entries[0].value!, '2008-10-17'), undefined);
  });
});
