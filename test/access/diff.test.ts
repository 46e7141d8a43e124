/**
 * The "new access" analysis on tables of base / new policy pairs: what each change allows that the base did not.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { diffPolicies, summariseActions, type NewAccess } from '../../server/src/access/diff';
import { policiesOfText } from '../../server/src/access/diffInput';
import { modelOf, service } from '../support/service';

type StatementJson = Record<string, unknown>;

export function policyText(...statements: StatementJson[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

export function diffTexts(base: string, next: string): readonly NewAccess[] {
  return diffPolicies([modelOf(base, 'file:///base.json')], [modelOf(next, 'file:///new.json')], service.catalog).newAccess;
}

function diff(base: StatementJson[], next: StatementJson[]) {
  return diffTexts(policyText(...base), policyText(...next));
}

/** The findings as `kind action@resource` lines, actions one per line, sorted: easy to compare in a table. */
function lines(found: readonly NewAccess[]): string[] {
  return found.flatMap((f) => f.actions.map((a) => `${f.kind} ${a}@${f.resource}`)).sort();
}

const allow = (Action: unknown, Resource: unknown = '*', extra: StatementJson = {}): StatementJson => ({ Effect: 'Allow', Action, Resource, ...extra });
const deny = (Action: unknown, Resource: unknown = '*', extra: StatementJson = {}): StatementJson => ({ Effect: 'Deny', Action, Resource, ...extra });

const bucket = 'arn:aws:s3:::b';
const sqsActions = service.catalog.actionsOf(service.catalog.findService('sqs')!).map((a) => a.fullName);

interface Case {
  readonly name: string;
  readonly base: StatementJson[];
  readonly next: StatementJson[];
  /** `kind action@resource` lines; empty: no new access. */
  readonly expected: string[];
}

const cases: Case[] = [
  { name: 'identical', base: [allow('s3:GetObject', `${bucket}/*`)], next: [allow('s3:GetObject', `${bucket}/*`)], expected: [] },
  {
    name: 'reordered and split statements, other case in actions',
    base: [allow(['s3:GetObject', 's3:PutObject'], [`${bucket}/a/*`, `${bucket}/b/*`]), allow('sqs:SendMessage')],
    next: [allow('SQS:sendmessage'), allow('s3:putobject', [`${bucket}/b/*`, `${bucket}/a/*`]), allow('s3:GetObject', [`${bucket}/a/*`, `${bucket}/b/*`])],
    expected: [],
  },
  { name: 'narrowed resource', base: [allow('s3:GetObject', `${bucket}/*`)], next: [allow('s3:GetObject', `${bucket}/logs/*`)], expected: [] },
  { name: 'narrowed actions', base: [allow('s3:Get*', `${bucket}/*`)], next: [allow('s3:GetObject', `${bucket}/*`)], expected: [] },
  {
    name: 'Action widened by a wildcard',
    base: [allow('sqs:DeleteMessage', 'arn:aws:sqs:*:*:q')],
    next: [allow('sqs:Delete*', 'arn:aws:sqs:*:*:q')],
    expected: ['new sqs:DeleteQueue@arn:aws:sqs:*:*:q'],
  },
  { name: 'an action added', base: [allow('sqs:SendMessage')], next: [allow(['sqs:SendMessage', 'sqs:DeleteQueue'])], expected: ['new sqs:DeleteQueue@*'] },
  {
    name: 'NotAction widened: it excludes less',
    base: [{ Effect: 'Allow', NotAction: ['iam:*', 'sqs:*'], Resource: '*' }],
    next: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }],
    expected: sqsActions.map((a) => `new ${a}@*`),
  },
  { name: 'NotAction within a base Action "*"', base: [allow('*')], next: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }], expected: [] },
  { name: 'NotAction within a base NotAction that excludes more', base: [{ Effect: 'Allow', NotAction: ['iam:*', 'sts:*'], Resource: '*' }], next: [{ Effect: 'Allow', NotAction: ['iam:*', 'sts:*', 's3:*'], Resource: '*' }], expected: [] },
  { name: 'Resource widened', base: [allow('s3:GetObject', `${bucket}/logs/*`)], next: [allow('s3:GetObject', `${bucket}/*`)], expected: ['new s3:GetObject@arn:aws:s3:::b/*'] },
  { name: 'union of base resources covers', base: [allow('s3:ListBucket', [`${bucket}a`, `${bucket}b`]), allow('s3:ListBucket', `${bucket}c*`)], next: [allow('s3:ListBucket', `${bucket}[abc]`.replace('[abc]', '?'))], expected: ['new s3:ListBucket@arn:aws:s3:::b?'] },
  { name: 'b/* and b are not b*', base: [allow('s3:GetObject', [bucket, `${bucket}/*`])], next: [allow('s3:GetObject', `${bucket}*`)], expected: ['new s3:GetObject@arn:aws:s3:::b*'] },
  { name: 'b and b?* together cover b*, neither alone does', base: [allow('s3:GetObject', bucket), allow('s3:GetObject', `${bucket}?*`)], next: [allow('s3:GetObject', `${bucket}*`)], expected: [] },
  { name: 'b* covers b/* and b', base: [allow('s3:GetObject', `${bucket}*`)], next: [allow('s3:GetObject', [bucket, `${bucket}/*`])], expected: [] },
  { name: 'b/x* and b/* together cover b/*', base: [allow('s3:GetObject', [`${bucket}/x*`, `${bucket}/*`])], next: [allow('s3:GetObject', `${bucket}/*x`)], expected: [] },
  { name: 'question marks: ?? within *', base: [allow('s3:GetObject', `${bucket}/*`)], next: [allow('s3:GetObject', `${bucket}/??`)], expected: [] },
  { name: 'resources are case-sensitive', base: [allow('s3:GetObject', `${bucket}/Logs/*`)], next: [allow('s3:GetObject', `${bucket}/logs/*`)], expected: ['new s3:GetObject@arn:aws:s3:::b/logs/*'] },
  { name: 'NotResource in the base takes in a disjoint Resource', base: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: `${bucket}/secret/*` }], next: [allow('s3:GetObject', `${bucket}/public/*`)], expected: [] },
  { name: 'NotResource in the base does not take in an overlapping Resource', base: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: `${bucket}/secret/*` }], next: [allow('s3:GetObject', `${bucket}/*`)], expected: ['new s3:GetObject@arn:aws:s3:::b/*'] },
  { name: 'NotResource in the new policy', base: [allow('s3:GetObject', `${bucket}/*`)], next: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: `${bucket}/secret/*` }], expected: ['new s3:GetObject@*'] },
  { name: 'policy variables: the same variable compares', base: [allow('s3:GetObject', `${bucket}/\${aws:username}/*`)], next: [allow('s3:GetObject', `${bucket}/\${aws:username}/docs/*`)], expected: [] },
  { name: 'policy variables: another variable does not', base: [allow('s3:GetObject', `${bucket}/\${aws:username}/*`)], next: [allow('s3:GetObject', `${bucket}/\${aws:userid}/*`)], expected: ['new s3:GetObject@arn:aws:s3:::b/${aws:userid}/*'] },
  {
    name: 'condition removed',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })],
    next: [allow('s3:GetObject', `${bucket}/*`)],
    expected: ['new s3:GetObject@arn:aws:s3:::b/*'],
  },
  {
    name: 'condition added',
    base: [allow('s3:GetObject', `${bucket}/*`)],
    next: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })],
    expected: [],
  },
  {
    name: 'condition values added (StringEquals)',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })],
    next: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } } })],
    expected: ['new s3:GetObject@arn:aws:s3:::b/*'],
  },
  {
    name: 'condition values removed',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } } })],
    next: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-2' } } })],
    expected: [],
  },
  {
    name: 'StringEquals within a base StringLike',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringLike: { 'aws:PrincipalTag/team': 'data-*' } } })],
    next: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:principaltag/team': ['data-eng', 'data-ops'] } } })],
    expected: [],
  },
  {
    name: 'StringLike widened past the base StringEquals',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data-eng' } } })],
    next: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringLike: { 'aws:PrincipalTag/team': 'data-*' } } })],
    expected: ['new s3:GetObject@arn:aws:s3:::b/*'],
  },
  {
    name: 'operators the comparison cannot relate: may widen',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } } })],
    next: [allow('s3:GetObject', `${bucket}/*`, { Condition: { NumericLessThan: { 'aws:PrincipalTag/team': '3' } } })],
    expected: ['may widen s3:GetObject@arn:aws:s3:::b/*'],
  },
  {
    name: 'numeric bound tightened / loosened',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { NumericLessThanEquals: { 's3:max-keys': '100' } } })],
    next: [allow('s3:GetObject', `${bucket}/a/*`, { Condition: { NumericLessThan: { 's3:max-keys': '50' } } }), allow('s3:GetObject', `${bucket}/b/*`, { Condition: { NumericLessThan: { 's3:max-keys': '500' } } })],
    expected: ['new s3:GetObject@arn:aws:s3:::b/b/*'],
  },
  {
    name: 'IP range within the base range',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })],
    next: [allow('s3:GetObject', `${bucket}/a/*`, { Condition: { IpAddress: { 'aws:SourceIp': '10.1.0.0/16' } } }), allow('s3:GetObject', `${bucket}/b/*`, { Condition: { IpAddress: { 'aws:SourceIp': '192.168.0.0/16' } } })],
    expected: ['new s3:GetObject@arn:aws:s3:::b/b/*'],
  },
  {
    name: 'IfExists added to a condition',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })],
    next: [allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } } })],
    expected: ['new s3:GetObject@arn:aws:s3:::b/*'],
  },
  {
    name: 'Bool: same value',
    base: [allow('s3:GetObject', `${bucket}/*`, { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })],
    next: [allow('s3:GetObject', `${bucket}/*`, { Condition: { Bool: { 'aws:SecureTransport': true } } })],
    expected: [],
  },
  { name: 'Deny removed', base: [allow('s3:*', `${bucket}/*`), deny('s3:DeleteObject', `${bucket}/*`)], next: [allow('s3:*', `${bucket}/*`)], expected: ['new s3:DeleteObject@arn:aws:s3:::b/*'] },
  { name: 'Deny narrowed', base: [allow('s3:*', `${bucket}/*`), deny('s3:DeleteObject', `${bucket}/*`)], next: [allow('s3:*', `${bucket}/*`), deny('s3:DeleteObject', `${bucket}/keep/*`)], expected: ['new s3:DeleteObject@arn:aws:s3:::b/*'] },
  { name: 'Deny kept in another shape', base: [allow('s3:*', `${bucket}/*`), deny('s3:DeleteObject', `${bucket}/*`)], next: [allow('s3:*', `${bucket}/*`), deny(['s3:DeleteObject', 's3:PutObject'], `${bucket}*`)], expected: [] },
  { name: 'Deny added', base: [allow('s3:*', `${bucket}/*`)], next: [allow('s3:*', `${bucket}/*`), deny('s3:Delete*', '*')], expected: [] },
  { name: 'a new Deny takes away what a widened Allow adds', base: [allow('s3:GetObject', `${bucket}/*`)], next: [allow('s3:GetObject*', `${bucket}/*`), deny('s3:GetObject?*', `${bucket}/*`)], expected: [] },
  {
    name: 'a conditional Deny removed: may widen',
    base: [allow('s3:*', `${bucket}/*`), deny('s3:DeleteObject', `${bucket}/*`, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })],
    next: [allow('s3:*', `${bucket}/*`)],
    expected: ['may widen s3:DeleteObject@arn:aws:s3:::b/*'],
  },
  {
    name: 'principals: one added',
    base: [allow('s3:GetObject', `${bucket}/*`, { Principal: { AWS: '111122223333' } })],
    next: [allow('s3:GetObject', `${bucket}/*`, { Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] } })],
    expected: ['new s3:GetObject@arn:aws:s3:::b/*'],
  },
  {
    name: 'principals: narrowed from everyone',
    base: [allow('s3:GetObject', `${bucket}/*`, { Principal: '*' })],
    next: [allow('s3:GetObject', `${bucket}/*`, { Principal: { AWS: 'arn:aws:iam::111122223333:root' } })],
    expected: [],
  },
  { name: 'an action outside the catalogue, covered by a base wildcard', base: [allow('s3:*')], next: [allow('s3:MadeUpAction')], expected: [] },
  { name: 'an action outside the catalogue, new', base: [allow('s3:GetObject')], next: [allow('s3:MadeUpAction')], expected: ['new s3:MadeUpAction@*'] },
];

suite('policy diff: tables', () => {
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(lines(diff(c.base, c.next)), [...c.expected].sort());
    });
  }

  test('each finding names the granting statement and a reason', () => {
    const [found] = diff([allow('s3:GetObject', `${bucket}/*`, { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })], [{ Sid: 'Read', ...allow('s3:GetObject', `${bucket}/*`) }]);
    assert.ok(found);
    assert.equal(found.statement.sid, 'Read');
    assert.equal(found.statement.index, 0);
    assert.match(found.reason, /StringEquals aws:SourceVpc "vpc-1"/);
    const [resource] = diff([allow('s3:GetObject', `${bucket}/logs/*`)], [allow('s3:GetObject', `${bucket}/*`)]);
    assert.match(resource!.reason, /no base statement allows it on "arn:aws:s3:::b\/.*"/);
  });

  test('"*" is summarised by service', () => {
    const found = diff([allow('s3:GetObject')], [allow('*')]);
    const actions = found.flatMap((f) => f.actions);
    assert.ok(actions.length > 10_000);
    const summary = summariseActions(actions, service.catalog);
    assert.ok(summary.includes(`sqs:* (all ${service.catalog.actionsOf(service.catalog.findService('sqs')!).length} actions)`), summary.slice(0, 5).join('\n'));
    assert.ok(summary.some((line) => line.startsWith('s3: ')), 's3 without GetObject is not all of s3');
  });

  test('a base made of several policies counts as one', () => {
    const found = diffPolicies(
      [modelOf(policyText(allow('s3:GetObject', `${bucket}/*`)), 'file:///a.json'), modelOf(policyText(allow('s3:PutObject', `${bucket}/*`)), 'file:///b.json')],
      [modelOf(policyText(allow(['s3:GetObject', 's3:PutObject'], `${bucket}/*`)), 'file:///new.json')],
      service.catalog,
    );
    assert.deepEqual(found.newAccess, []);
  });
});

suite('policy diff: policies inside infrastructure code', () => {
  const template = (condition: string, principal = '!GetAtt AppRole.Arn') =>
    [
      'Resources:',
      '  BucketPolicy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: !Ref Bucket',
      '      PolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      `            Principal: { AWS: ${principal} }`,
      '            Action: s3:GetObject',
      '            Resource: !Sub "arn:aws:s3:::${Bucket}/*"',
      `            Condition: { StringEquals: { "aws:SourceVpc": ${condition} } }`,
      '',
    ].join('\n');
  const diffTemplates = (base: string, next: string) => {
    const read = (text: string, uri: string) => policiesOfText('/work/stack.yaml', uri, text, 'stack.yaml');
    const a = read(base, 'file:///base.yaml');
    const b = read(next, 'file:///new.yaml');
    return diffPolicies(a.models, b.models, service.catalog, { hostValue: (model, node) => a.hostValue(model, node) ?? b.hostValue(model, node) }).newAccess;
  };

  test('the same template compares equal; another hole or reference is another value', () => {
    assert.deepEqual(diffTemplates(template('!Sub "vpc-${Suffix}"'), template('!Sub "vpc-${Suffix}"')), []);
    assert.deepEqual(lines(diffTemplates(template('!Sub "vpc-${Suffix}"'), template('!Sub "vpc-${Other}"'))), ['new s3:GetObject@arn:aws:s3:::${Bucket}/*']);
    assert.deepEqual(lines(diffTemplates(template('!Ref VpcA'), template('!Ref VpcB'))), ['may widen s3:GetObject@arn:aws:s3:::${Bucket}/*']);
    assert.deepEqual(lines(diffTemplates(template('"vpc-1"'), template('"vpc-1"', '!GetAtt OtherRole.Arn'))), ['new s3:GetObject@arn:aws:s3:::${Bucket}/*']);
    assert.deepEqual(lines(diffTemplates(template('"vpc-1"', '!Sub "arn:aws:iam::${AWS::AccountId}:role/a"'), template('"vpc-1"', '!Sub "arn:aws:iam::${Other}:role/a"'))), ['new s3:GetObject@arn:aws:s3:::${Bucket}/*']);
  });
});

suite('policy diff: pathological patterns', () => {
  test('patterns no search can finish in time end as "may widen", not as a hang', () => {
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pattern = (length: number) => Array.from({ length }, () => 'ab*?'[Math.floor(next() * 4)]).join('');
    const found = diff([allow('s3:GetObject', Array.from({ length: 20 }, () => pattern(20)))], [allow('s3:GetObject', Array.from({ length: 3 }, () => pattern(20)))]);
    assert.ok(found.length > 0);
    for (const f of found) {
      assert.equal(f.kind, 'may widen');
      assert.match(f.reason, /too complex to compare/);
    }
  });
});

suite('policy diff: several policies in one file', () => {
  test('findings of two policies with the same URI and statement index stay apart', () => {
    const uri = 'file:///stack.yaml';
    const next = [modelOf(policyText(allow('sqs:DeleteQueue')), uri), modelOf(policyText(allow('sns:DeleteTopic')), uri)];
    const found = diffPolicies([], next, service.catalog).newAccess;
    assert.deepEqual(
      found.map((f) => [f.statement.model === next[0] ? 'first' : 'second', f.actions.join(',')]),
      [
        ['first', 'sqs:DeleteQueue'],
        ['second', 'sns:DeleteTopic'],
      ],
    );
  });
});
