/**
 * Properties of the "new access" analysis over generated policies (seeded: set IAM_DIFF_SEED to replay a run).
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { diffPolicies } from '../../server/src/access/diff';
import { modelOf, service } from '../support/service';
import { Random } from '../robustness/random';

const seed = Number(process.env.IAM_DIFF_SEED ?? 20261207);
const runs = Number(process.env.IAM_DIFF_COUNT ?? 60);

/** A seeded generator of numbers in [0, 1): the fuzz tests' (test/robustness/random.ts). */
function random(seedValue: number): () => number {
  const generator = new Random(seedValue);
  return () => generator.next();
}

const actionPool = ['s3:GetObject', 's3:Put*', 's3:*', 's3:Get*Tagging', 'sqs:SendMessage', 'sqs:*', 'ec2:Describe*', 'iam:PassRole', 'iam:Get*', 'dynamodb:Query'];
const resourcePool = ['*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b*', 'arn:aws:s3:::b', 'arn:aws:s3:::b/?x*', 'arn:aws:s3:::b/${aws:username}/*', 'arn:aws:sqs:*:111122223333:q*', 'arn:aws:iam::111122223333:role/app-*'];
const conditionPool: Record<string, unknown>[] = [
  { StringEquals: { 'aws:SourceVpc': 'vpc-1' } },
  { StringLike: { 'aws:PrincipalTag/team': ['data-*', 'ops'] } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } },
  { NumericLessThan: { 's3:max-keys': '10' } },
  { StringEqualsIfExists: { 'aws:RequestedRegion': ['eu-west-1', 'eu-west-2'] } },
];
/** Actions no generated statement can name (other services), for "an added grant is reported". */
const outsiders = ['kms:Decrypt', 'lambda:InvokeFunction', 'sns:Publish', 'logs:PutLogEvents', 'ssm:GetParameter'];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function some<T>(next: () => number, list: readonly T[], most: number): T[] {
  const count = 1 + Math.floor(next() * most);
  return [...new Set(Array.from({ length: count }, () => pick(next, list)))];
}

function statement(next: () => number, effect = next() < 0.8 ? 'Allow' : 'Deny'): Record<string, unknown> {
  const s: Record<string, unknown> = { Effect: effect };
  const actions = some(next, actionPool, 3);
  if (next() < 0.1) s.NotAction = actions;
  else s.Action = actions.length === 1 && next() < 0.5 ? actions[0] : actions;
  const resources = some(next, resourcePool, 3);
  if (next() < 0.1) s.NotResource = resources.filter((r) => r !== '*').length > 0 ? resources.filter((r) => r !== '*') : ['arn:aws:s3:::x'];
  else s.Resource = resources;
  if (next() < 0.4) s.Condition = pick(next, conditionPool);
  return s;
}

function policy(statements: readonly Record<string, unknown>[], indent = 2): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, indent);
}

function diff(base: string, next: string) {
  return diffPolicies([modelOf(base, 'file:///base.json')], [modelOf(next, 'file:///new.json')], service.catalog).newAccess;
}

function generated(index: number): { next: () => number; statements: Record<string, unknown>[] } {
  const next = random(seed + index);
  const count = 1 + Math.floor(next() * 5);
  return { next, statements: Array.from({ length: count }, () => statement(next)) };
}

const shapes = (found: ReturnType<typeof diff>) => found.map((f) => `${f.kind} ${f.actions.slice(0, 3).join(',')}${f.actions.length > 3 ? '…' : ''} @ ${f.resource}: ${f.reason}`);

suite(`policy diff: properties (seed ${seed}, ${runs} policies)`, () => {
  test('a policy allows nothing new over itself, however it is laid out or ordered', () => {
    for (let i = 0; i < runs; i++) {
      const { next, statements } = generated(i);
      const shuffled = [...statements].sort(() => next() - 0.5);
      assert.deepEqual(shapes(diff(policy(statements), policy(statements))), [], `seed ${seed + i}: ${policy(statements)}`);
      assert.deepEqual(shapes(diff(policy(statements), policy(shuffled, 0))), [], `seed ${seed + i} shuffled: ${policy(statements)}`);
    }
  });

  test('removing an Allow statement allows nothing new', () => {
    for (let i = 0; i < runs; i++) {
      const { next, statements } = generated(i);
      const allows = statements.map((s, index) => (s.Effect === 'Allow' ? index : -1)).filter((index) => index >= 0);
      if (allows.length === 0) continue;
      const removed = pick(next, allows);
      const smaller = statements.filter((_, index) => index !== removed);
      assert.deepEqual(shapes(diff(policy(statements), policy(smaller))), [], `seed ${seed + i}: removed #${removed} of ${policy(statements)}`);
    }
  });

  test('adding a Deny statement allows nothing new', () => {
    for (let i = 0; i < runs; i++) {
      const { next, statements } = generated(i);
      const more = [...statements, statement(next, 'Deny')];
      assert.deepEqual(shapes(diff(policy(statements), policy(more))), [], `seed ${seed + i}: ${policy(more)}`);
    }
  });

  test('removing the only Deny under an Allow of everything reports new access', () => {
    for (let i = 0; i < runs; i++) {
      const { next, statements } = generated(i);
      const denied = { Effect: 'Deny', Action: pick(next, actionPool), Resource: pick(next, resourcePool) };
      const base = [{ Effect: 'Allow', Action: '*', Resource: '*' }, ...statements.filter((s) => s.Effect === 'Allow'), denied];
      const found = diff(policy(base), policy(base.slice(0, -1)));
      assert.ok(found.length > 0, `seed ${seed + i}: removing ${JSON.stringify(denied)} from ${policy(base)}`);
    }
  });

  test('adding an Allow of an action nothing else grants reports that action as new', () => {
    for (let i = 0; i < runs; i++) {
      const { next, statements } = generated(i);
      const action = pick(next, outsiders);
      const notActions = statements.some((s) => s.NotAction !== undefined);
      if (notActions) continue; // a NotAction grant may give it already, a NotAction Deny take it away
      const added = { Effect: 'Allow', Action: action, Resource: pick(next, resourcePool) };
      const found = diff(policy(statements), policy([...statements, added]));
      const reported = found.filter((f) => f.actions.includes(service.catalog.findAction(action)!.fullName));
      assert.equal(reported.length, 1, `seed ${seed + i}: ${shapes(found).join('\n')}`);
      assert.equal(reported[0]!.kind, 'new');
      assert.equal(reported[0]!.statement.index, statements.length);
    }
  });
});
