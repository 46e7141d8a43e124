/**
 * Properties of the decision over random policy sets and requests (seeded; IAM_ACCESS_SEED=<n> replays another run):
 * adding a Deny statement never turns a request that was not allowed into an allowed one (it never widens), and
 * removing a condition from an Allow statement never turns an allowed request into a denied one (it never narrows).
 * Each property also counts the cases where the change did make a difference, so a generator that never exercises
 * it fails the test instead of passing vacuously.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { PolicyType } from '../../shared/settings';
import type { PolicyInput } from '../../server/src/access/evaluate';
import type { RequestInput } from '../../server/src/access/request';
import { Random, seedFromEnv } from '../robustness/random';
import { decide, policyOf } from './support';

const seed = seedFromEnv(process.env.IAM_ACCESS_SEED, 17);
const CASES = 400;
const REQUESTS = 24;

const ACCOUNT = '111122223333';
const USER = `arn:aws:iam::${ACCOUNT}:user/ana`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/s`;
const OTHER_USER = 'arn:aws:iam::444455556666:user/bob';

const actions = ['s3:GetObject', 's3:PutObject', 's3:Get*', 's3:*', 'S3:getobject', 'ec2:RunInstances', 'ec2:*', '*', 'iam:PassRole', 'iam:Pass*'];
const resources = ['*', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a?c', 'arn:aws:s3:::other/*', 'arn:aws:ec2:*', 'arn:aws:s3:::bucket/${aws:username}/*', `arn:aws:iam::${ACCOUNT}:role/*`];
const conditions: object[] = [
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } },
  { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } },
  { NotIpAddress: { 'aws:SourceIp': '10.1.0.0/16' } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
  { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'a*' } },
  { NumericLessThan: { 's3:max-keys': '10' } },
  { StringLikeIfExists: { 'ec2:InstanceType': 't3.*' } },
  { Null: { 'aws:TokenIssueTime': 'true' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
  { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:*` } },
];
const principals: object[] = [{ Principal: '*' }, { Principal: { AWS: USER } }, { Principal: { AWS: ACCOUNT } }, { Principal: { AWS: ROLE } }, { NotPrincipal: { AWS: OTHER_USER } }];

type Json = Record<string, unknown>;

function randomConditionBlock(random: Random): Json {
  const block: Json = {};
  const count = 1 + random.int(2);
  for (let i = 0; i < count; i++) Object.assign(block, random.pick(conditions));
  return block;
}

function randomStatement(random: Random, type: PolicyType, effect: 'Allow' | 'Deny'): Json {
  const statement: Json = { Effect: effect };
  const actionList = [random.pick(actions), ...(random.chance(0.3) ? [random.pick(actions)] : [])];
  statement[random.chance(0.15) ? 'NotAction' : 'Action'] = actionList;
  statement[random.chance(0.1) ? 'NotResource' : 'Resource'] = random.pick(resources);
  if (type === 'resource') Object.assign(statement, random.pick(principals));
  if (random.chance(0.5)) statement.Condition = randomConditionBlock(random);
  return statement;
}

interface PolicyShape {
  readonly type: PolicyType;
  readonly statements: Json[];
}

function randomSet(random: Random): PolicyShape[] {
  const shapes: PolicyShape[] = [];
  const add = (type: PolicyType, allowBias: number) => {
    const count = 1 + random.int(3);
    shapes.push({ type, statements: Array.from({ length: count }, () => randomStatement(random, type, random.chance(allowBias) ? 'Allow' : 'Deny')) });
  };
  add('identity', 0.85);
  if (random.chance(0.3)) add('permissions-boundary', 0.9);
  if (random.chance(0.25)) add('scp', 0.9);
  if (random.chance(0.4)) add('resource', 0.85);
  if (random.chance(0.15)) add('session', 0.9);
  return shapes;
}

function randomRequest(random: Random): RequestInput {
  const context: [string, string | string[]][] = [];
  if (random.chance(0.5)) context.push(['aws:PrincipalTag/team', random.pick(['blue', 'red', 'green'])]);
  if (random.chance(0.6)) context.push(['aws:SourceIp', random.pick(['10.1.2.3', '10.2.0.1', '192.0.2.1', '2001:db8::5'])]);
  if (random.chance(0.5)) context.push(['aws:TagKeys', random.pick([[], ['a'], ['a', 'b'], ['a', 'c'], ['c']])]);
  if (random.chance(0.5)) context.push(['s3:max-keys', random.pick(['5', '10', '50'])]);
  if (random.chance(0.3)) context.push(['ec2:InstanceType', random.pick(['t3.micro', 'm5.large'])]);
  if (random.chance(0.3)) context.push(['aws:TokenIssueTime', '2024-01-01T00:00:00Z']);
  if (random.chance(0.6)) context.push(['aws:SecureTransport', random.pick(['true', 'false'])]);
  if (random.chance(0.5)) context.push(['aws:CurrentTime', random.pick(['2025-06-01T00:00:00Z', '2031-01-01T00:00:00Z'])]);
  return {
    action: random.pick(['s3:GetObject', 's3:PutObject', 'ec2:RunInstances', 'iam:PassRole', 's3:ListBucket']),
    resource: random.pick(['arn:aws:s3:::bucket/abc', 'arn:aws:s3:::bucket/ana/x', 'arn:aws:s3:::other/x', `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`, ROLE]),
    principal: random.pick([USER, SESSION, OTHER_USER, undefined]),
    context,
  };
}

function inputsOf(shapes: readonly PolicyShape[]): PolicyInput[] {
  return shapes.map((shape, i) => policyOf({ Version: '2012-10-17', Statement: shape.statements }, shape.type, `p${i}.json`));
}

function clone(shapes: readonly PolicyShape[]): PolicyShape[] {
  return JSON.parse(JSON.stringify(shapes)) as PolicyShape[];
}

suite(`access properties (seed ${seed}; IAM_ACCESS_SEED replays)`, () => {
  test('adding a Deny statement never widens', () => {
    let changed = 0;
    let allowedSeen = 0;
    for (let index = 0; index < CASES; index++) {
      const random = new Random(seed * 1_000_003 + index);
      const before = randomSet(random);
      const after = clone(before);
      const target = after[random.int(after.length)]!;
      target.statements.splice(random.int(target.statements.length + 1), 0, randomStatement(random, target.type, 'Deny'));
      const beforeInputs = inputsOf(before);
      const afterInputs = inputsOf(after);
      for (let r = 0; r < REQUESTS; r++) {
        const request = randomRequest(random);
        const was = decide(beforeInputs, request).decision;
        const now = decide(afterInputs, request).decision;
        if (was === 'allowed') allowedSeen++;
        if (was !== now) changed++;
        assert.ok(was === 'allowed' || now !== 'allowed', `case ${index}: ${JSON.stringify(request)} was ${was}, is ${now} after adding a Deny\n${JSON.stringify(after)}`);
        if (was === 'explicitDeny') assert.equal(now, 'explicitDeny', `case ${index}: an explicit deny was lost`);
      }
    }
    assert.ok(allowedSeen > CASES, `only ${allowedSeen} allowed requests: the generator is too narrow`);
    assert.ok(changed > 20, `adding a Deny changed only ${changed} decisions: the property is barely exercised`);
  });

  test('removing a condition from an Allow statement never narrows', () => {
    let changed = 0;
    let tried = 0;
    for (let index = 0; index < CASES; index++) {
      const random = new Random(seed * 1_000_003 + index + 0x5151);
      const before = randomSet(random);
      const candidates = before.flatMap((shape, p) => shape.statements.map((s, i) => [p, i, s] as const)).filter(([, , s]) => s.Effect === 'Allow' && s.Condition);
      if (candidates.length === 0) continue;
      tried++;
      const [p, i] = random.pick(candidates);
      const after = clone(before);
      const statement = after[p]!.statements[i]!;
      const operators = Object.keys(statement.Condition as Json);
      // Either the whole Condition or one operator block.
      if (operators.length === 1 || random.chance(0.5)) delete statement.Condition;
      else delete (statement.Condition as Json)[random.pick(operators)];
      const beforeInputs = inputsOf(before);
      const afterInputs = inputsOf(after);
      for (let r = 0; r < REQUESTS; r++) {
        const request = randomRequest(random);
        const was = decide(beforeInputs, request).decision;
        const now = decide(afterInputs, request).decision;
        if (was !== now) changed++;
        assert.ok(was !== 'allowed' || now === 'allowed', `case ${index}: ${JSON.stringify(request)} was allowed, is ${now} after removing a condition\n${JSON.stringify(after)}`);
      }
    }
    assert.ok(tried > CASES / 4, `only ${tried} cases had an Allow with a condition`);
    assert.ok(changed > 20, `removing a condition changed only ${changed} decisions: the property is barely exercised`);
  });
});
