/**
 * The decision over policy types (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html), statement
 * matching (Action/NotAction, Resource/NotResource, Principal/NotPrincipal) and the reasons the answer carries.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import type { PolicyInput } from '../../server/src/access/evaluate';
import { repoPath } from '../support/paths';
import { decide, policyOf, statements } from './support';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const USER = `arn:aws:iam::${ACCOUNT}:user/ana`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/run-1`;
const OTHER_USER = `arn:aws:iam::${OTHER}:user/bob`;
const TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`;
const READ = { action: 'dynamodb:GetItem', resource: TABLE, principal: USER };
const REPOSITORY = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/app`;

const allow = (action: string | string[] = 'dynamodb:GetItem', resource: string | string[] = TABLE, extra: object = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
const deny = (action: string | string[] = 'dynamodb:GetItem', resource: string | string[] = TABLE, extra: object = {}) => ({ Effect: 'Deny', Action: action, Resource: resource, ...extra });
const identity = (...list: object[]) => policyOf(statements(...list), 'identity');
const of = (type: PolicyInput['type'], name: string, ...list: object[]) => policyOf(statements(...list), type, name);

suite('policy types combined', () => {
  const rows: [name: string, policies: PolicyInput[], request: Parameters<typeof decide>[1], decision: string][] = [
    ['an identity policy that allows', [identity(allow())], READ, 'allowed'],
    ['no policy at all', [], READ, 'implicitDeny'],
    ['an identity policy about another action', [identity(allow('dynamodb:PutItem'))], READ, 'implicitDeny'],
    // Permissions boundaries cap identity policies.
    ['a boundary that allows the action', [identity(allow()), of('permissions-boundary', 'b.json', allow('dynamodb:*', '*'))], READ, 'allowed'],
    ['a boundary that does not', [identity(allow()), of('permissions-boundary', 'b.json', allow('s3:*', '*'))], READ, 'implicitDeny'],
    ['a boundary alone grants nothing', [of('permissions-boundary', 'b.json', allow('*', '*'))], READ, 'implicitDeny'],
    // SCPs cap: every level must allow.
    ['an SCP that allows', [identity(allow()), of('scp', 'root.scp.json', allow('*', '*'))], READ, 'allowed'],
    ['an SCP that does not', [identity(allow()), of('scp', 'root.scp.json', allow('s3:*', '*'))], READ, 'implicitDeny'],
    ['two SCP levels, one without an allow', [identity(allow()), of('scp', 'root.scp.json', allow('*', '*')), of('scp', 'ou.scp.json', allow('s3:*', '*'))], READ, 'implicitDeny'],
    ['an SCP alone grants nothing', [of('scp', 'root.scp.json', allow('*', '*'))], READ, 'implicitDeny'],
    ['an RCP that does not allow', [identity(allow()), of('rcp', 'r.rcp.json', { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' })], READ, 'implicitDeny'],
    ['an RCP that allows', [identity(allow()), of('rcp', 'r.rcp.json', { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })], READ, 'allowed'],
    // Session policies cap too.
    ['a session policy that does not allow', [identity(allow()), of('session', 's.json', allow('s3:*', '*'))], { ...READ, principal: SESSION }, 'implicitDeny'],
    ['a session policy that allows', [identity(allow()), of('session', 's.json', allow('dynamodb:Get*', '*'))], { ...READ, principal: SESSION }, 'allowed'],
    // A resource policy in the same account can allow alone.
    ['a resource policy naming the user, same account, no identity policy', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: USER } }))], READ, 'allowed'],
    ['... and not capped by a boundary', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: USER } })), of('permissions-boundary', 'b.json', allow('s3:*', '*'))], READ, 'allowed'],
    ['a resource policy naming the role, asked by its session', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: ROLE } }))], { ...READ, principal: SESSION }, 'allowed'],
    ['... capped by the role\'s boundary', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: ROLE } })), of('permissions-boundary', 'b.json', allow('s3:*', '*'))], { ...READ, principal: SESSION }, 'implicitDeny'],
    ['a resource policy naming the session itself is not capped', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: SESSION } })), of('permissions-boundary', 'b.json', allow('s3:*', '*'))], { ...READ, principal: SESSION }, 'allowed'],
    ['a resource policy naming the account needs an identity policy', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }))], READ, 'implicitDeny'],
    ['... which allows', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: ACCOUNT } })), identity(allow())], READ, 'allowed'],
    ['a resource policy for another principal', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/eve` } }))], READ, 'implicitDeny'],
    ['a resource policy with Principal "*"', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: '*' }))], READ, 'allowed'],
    ['a resource policy with Principal "*", no principal given', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: '*' } }))], { action: READ.action, resource: TABLE }, 'allowed'],
    ['a resource policy naming a user, no principal given', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: USER } }))], { action: READ.action, resource: TABLE }, 'implicitDeny'],
    // Across accounts both sides must allow.
    ['cross-account: resource policy alone', [of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: OTHER_USER } }))], { ...READ, principal: OTHER_USER }, 'implicitDeny'],
    ['cross-account: identity policy alone', [identity(allow())], { ...READ, principal: OTHER_USER }, 'implicitDeny'],
    ['cross-account: both', [identity(allow()), of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: OTHER } }))], { ...READ, principal: OTHER_USER }, 'allowed'],
    ['cross-account: both, capped by the caller\'s boundary', [identity(allow()), of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: OTHER_USER } })), of('permissions-boundary', 'b.json', allow('s3:*', '*'))], { ...READ, principal: OTHER_USER }, 'implicitDeny'],
    // A trust policy is the role's resource policy: no Resource element.
    ['a trust policy that lets a service assume the role', [of('trust', 'r.trust.json', { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })], { action: 'sts:AssumeRole', resource: ROLE, principal: 'lambda.amazonaws.com' }, 'allowed'],
    ['a trust policy, another service', [of('trust', 'r.trust.json', { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })], { action: 'sts:AssumeRole', resource: ROLE, principal: 'ec2.amazonaws.com' }, 'implicitDeny'],
    // An ECR repository policy has no Resource element either: it is about its repository.
    ['an ECR repository policy that lets a user pull', [of('resource', 'repo.resource.json', { Effect: 'Allow', Principal: { AWS: USER }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] })], { action: 'ecr:BatchGetImage', resource: REPOSITORY, principal: USER }, 'allowed'],
    ['an ECR repository policy that denies', [identity(allow('ecr:*', '*')), of('resource', 'repo.resource.json', { Effect: 'Deny', Principal: '*', Action: 'ecr:*' })], { action: 'ecr:BatchGetImage', resource: REPOSITORY, principal: USER }, 'explicitDeny'],
    ['a resource policy of another service without Resource applies to nothing', [of('resource', 't.resource.json', { Effect: 'Allow', Principal: { AWS: USER }, Action: 'dynamodb:GetItem' })], READ, 'implicitDeny'],
  ];
  for (const [name, policies, request, decision] of rows) test(`${name}: ${decision}`, () => assert.equal(decide(policies, request).decision, decision));

  const denyIn: [string, PolicyInput][] = [
    ['identity', identity(deny())],
    ['resource', of('resource', 't.resource.json', deny(undefined, undefined, { Principal: '*' }))],
    ['permissions-boundary', of('permissions-boundary', 'b.json', deny())],
    ['session', of('session', 's.json', deny())],
    ['scp', of('scp', 'x.scp.json', deny())],
    ['rcp', of('rcp', 'x.rcp.json', deny(undefined, undefined, { Principal: '*' }))],
  ];
  for (const [type, policy] of denyIn) {
    test(`an explicit deny in a policy of type ${type} wins over every allow`, () => {
      const everything = [identity(allow()), of('resource', 'o.resource.json', allow(undefined, undefined, { Principal: { AWS: USER } })), policy];
      const result = decide(everything, READ);
      assert.equal(result.decision, 'explicitDeny');
      assert.deepEqual(result.statements.map((s) => [s.policyType, s.effect]), [[type, 'Deny']]);
    });
  }
});

suite('statement elements', () => {
  const rows: [name: string, statement: object, request: Partial<typeof READ>, decision: string][] = [
    ['action names ignore case', allow('DynamoDB:getitem'), {}, 'allowed'],
    ['action wildcards', allow('dynamodb:Get*'), {}, 'allowed'],
    ['action ?', allow('dynamodb:GetIte?'), {}, 'allowed'],
    ['action "*"', allow('*'), {}, 'allowed'],
    ['another service', allow('dynamo:*'), {}, 'implicitDeny'],
    ['NotAction leaves the action out', { Effect: 'Allow', NotAction: 'dynamodb:Get*', Resource: '*' }, {}, 'implicitDeny'],
    ['NotAction covers other actions', { Effect: 'Allow', NotAction: 's3:*', Resource: '*' }, {}, 'allowed'],
    ['resource ARNs are case-sensitive', allow(undefined, TABLE.replace('orders', 'Orders')), {}, 'implicitDeny'],
    ['resource wildcards span colons and slashes', allow(undefined, 'arn:aws:dynamodb:*'), {}, 'allowed'],
    ['resource ?', allow(undefined, TABLE.replace('orders', 'order?')), {}, 'allowed'],
    ['NotResource leaves the resource out', { Effect: 'Allow', Action: '*', NotResource: TABLE }, {}, 'implicitDeny'],
    ['NotResource covers other resources', { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::*' }, {}, 'allowed'],
    ['no Resource in an identity policy matches nothing', { Effect: 'Allow', Action: '*' }, {}, 'implicitDeny'],
    ['an Effect other than Allow or Deny is ignored', { Effect: 'allow', Action: '*', Resource: '*' }, {}, 'implicitDeny'],
    ['a variable in Resource', allow(undefined, 'arn:aws:dynamodb:us-east-1:*:table/${aws:username}-*'), { resource: TABLE.replace('orders', 'ana-orders') }, 'allowed'],
    ['a variable in Resource, another user', allow(undefined, 'arn:aws:dynamodb:us-east-1:*:table/${aws:username}-*'), { resource: TABLE.replace('orders', 'bob-orders') }, 'implicitDeny'],
    ['a variable in Resource, no user name (a role session)', allow(undefined, 'arn:aws:dynamodb:us-east-1:*:table/${aws:username}-*'), { resource: TABLE.replace('orders', 'ana-orders'), principal: SESSION }, 'implicitDeny'],
    ['a variable with a default in Resource', allow(undefined, "arn:aws:dynamodb:us-east-1:*:table/${aws:PrincipalTag/team, 'shared'}"), { resource: TABLE.replace('orders', 'shared') }, 'allowed'],
    ['${*} in Resource is a literal star', allow(undefined, 'arn:aws:dynamodb:us-east-1:*:table/${*}'), {}, 'implicitDeny'],
  ];
  for (const [name, statement, request, decision] of rows) {
    test(`${name}: ${decision}`, () => assert.equal(decide([identity(statement)], { ...READ, ...request }).decision, decision));
  }

  test('NotPrincipal in a resource policy: everyone but the named', () => {
    const policy = of('resource', 't.resource.json', { Effect: 'Deny', NotPrincipal: { AWS: USER }, Action: '*', Resource: '*' }, allow(undefined, undefined, { Principal: '*' }));
    assert.equal(decide([policy], READ).decision, 'allowed');
    assert.equal(decide([policy], { ...READ, principal: `arn:aws:iam::${ACCOUNT}:user/eve` }).decision, 'explicitDeny');
  });
  test('a role ARN with a path names its sessions', () => {
    const policy = of('resource', 't.resource.json', allow(undefined, undefined, { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/team/app` } }));
    assert.equal(decide([policy], { ...READ, principal: SESSION }).decision, 'allowed');
  });
});

suite('reasons', () => {
  const text = JSON.stringify(
    statements(
      { Sid: 'ReadFromOffice', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: TABLE, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, Bool: { 'aws:SecureTransport': 'true' } } },
      { Sid: 'Other', Effect: 'Allow', Action: 's3:*', Resource: '*' },
    ),
    null,
    2,
  );
  const policy = policyOf(text, 'identity', 'p.json');

  test('a statement whose conditions fail is reported with each failing key and why', () => {
    const result = decide([policy], { ...READ, context: [['aws:SourceIp', '192.0.2.1']] });
    assert.equal(result.decision, 'implicitDeny');
    assert.deepEqual(result.statements, []);
    assert.deepEqual(
      result.failedConditions.map((f) => [f.statement.sid, f.operator, f.key, f.reason]),
      [
        ['ReadFromOffice', 'IpAddress', 'aws:SourceIp', 'valueMismatch'],
        ['ReadFromOffice', 'Bool', 'aws:SecureTransport', 'keyMissing'],
      ],
    );
    const first = result.failedConditions[0]!;
    assert.equal(text.slice(first.offset, first.offset + first.length), '"aws:SourceIp": "203.0.113.0/24"');
  });

  test('the deciding statements carry policy, index, sid, effect and their span', () => {
    const result = decide([policy], { ...READ, context: [['aws:SourceIp', '203.0.113.5'], ['aws:SecureTransport', 'true']] });
    assert.equal(result.decision, 'allowed');
    assert.equal(result.statements.length, 1);
    const statement = result.statements[0]!;
    assert.deepEqual([statement.name, statement.index, statement.sid, statement.effect, statement.policyType], ['p.json', 0, 'ReadFromOffice', 'Allow', 'identity']);
    assert.ok(text.slice(statement.offset, statement.offset + statement.length).startsWith('{\n      "Sid": "ReadFromOffice"'));
    assert.ok(result.reasons.join(' ').includes('ReadFromOffice'));
  });

  test('every statement that applied is listed, also when a deny decides', () => {
    const withDeny = policyOf(statements(allow(), deny('dynamodb:*', '*')), 'identity', 'q.json');
    const result = decide([withDeny], READ);
    assert.equal(result.decision, 'explicitDeny');
    assert.deepEqual(result.matched.map((s) => s.effect), ['Allow', 'Deny']);
    assert.deepEqual(result.statements.map((s) => s.index), [1]);
  });

  test('unknown accounts are noted as an assumption', () => {
    const result = decide([of('resource', 'b.resource.json', allow('s3:GetObject', 'arn:aws:s3:::b/*', { Principal: { AWS: USER } }))], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: USER });
    assert.equal(result.decision, 'allowed');
    assert.ok(result.notes.some((n) => n.includes('account')));
  });
});

suite('robustness', () => {
  const odd: [string, string][] = [
    ['broken JSON', '{ "Statement": [ { "Effect": "Allow", "Action": "s3:*", "Resource": '],
    ['values of the wrong types', JSON.stringify(statements({ Effect: 'Allow', Action: [1, null, {}], Resource: [true], Condition: { StringEquals: { k: [null, { a: 1 }, ['x']] }, Bool: 'x', IpAddress: { 'aws:SourceIp': 'not-a-cidr/99' } } }))],
    ['Principal as a list and NotPrincipal as a number', JSON.stringify(statements({ Effect: 'Deny', Principal: ['*'], NotPrincipal: 3, Action: '*', Resource: '*' }))],
    ['a Condition that is a string', JSON.stringify(statements({ Effect: 'Allow', Action: '*', Resource: '*', Condition: 'x' }))],
    ['variables that never close', JSON.stringify(statements({ Effect: 'Allow', Action: '*', Resource: 'arn:${aws:username', Condition: { StringLike: { k: '${${${' } } }))],
    ['a statement that is an array', '{"Version":"2012-10-17","Statement":[[1,2],"x",null]}'],
    ['no policy at all', '[]'],
  ];
  for (const [name, text] of odd) {
    test(`${name}: an answer, no exception`, () => {
      for (const type of ['identity', 'resource', 'trust', 'scp', 'rcp', 'permissions-boundary', 'session'] as const) {
        const result = decide([policyOf(text, type)], { ...READ, context: [['k', 'v'], ['aws:SourceIp', '::1']] });
        assert.ok(['allowed', 'explicitDeny', 'implicitDeny'].includes(result.decision));
      }
    });
  }

  test('the AWS managed policy sample: every policy, several requests, an answer each', () => {
    const folder = repoPath('test/fixtures/managed-sample');
    const policies = readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => policyOf(readFileSync(join(folder, f), 'utf8'), 'identity', f));
    assert.ok(policies.length > 10);
    let allowed = 0;
    for (const request of [READ, { action: 'iam:PassRole', resource: ROLE }, { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }, { action: 'ec2:RunInstances', resource: '*' }]) {
      for (const policy of policies) if (decide([policy], request).decision === 'allowed') allowed++;
    }
    assert.ok(allowed > 0);
  });
});
