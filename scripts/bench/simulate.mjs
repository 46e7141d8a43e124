// Offline access evaluation (issue #17, point 5, the simulate half): one request evaluated against a 6 KB policy set,
// warm. Two sets: a 6 KB identity policy, and a 6 KB CloudFormation template whose role trust policy, inline
// policies and bucket policy are evaluated together. Three requests in turn (allowed, implicitly denied with failed
// conditions, explicitly denied). Measured twice: through the shipped server's iamPolicy/checkAccess request (what
// "Check access…" sends: the round trip), and the evaluator alone in-process (evaluateAccess from the bundle
// esbuild.mjs --bench builds, as `simulate` runs it once the files are read). Figures: medians, budget < 5 ms.
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { median, quantile } from './statistics.mjs';
import { failedRow, row } from './table.mjs';
import { benchBundle } from './benchBundle.mjs';

const budgetMs = 5;
const targetBytes = 6_000;
const services = ['s3', 'dynamodb', 'sqs', 'sns', 'logs', 'kms', 'ec2', 'lambda'];
const verbs = ['Get', 'Put', 'Delete', 'List', 'Describe', 'Update', 'Create', 'Tag'];

/** Deterministic statements: actions, ARNs and conditions of every common shape; `count` of them and two fixed ones. */
function statements(count) {
  const list = [];
  for (let i = 0; i < count; i++) {
    const service = services[i % services.length];
    const statement = {
      Sid: `S${i}`,
      Effect: i % 7 === 6 ? 'Deny' : 'Allow',
      Action: [`${service}:${verbs[i % verbs.length]}*`, `${service}:${verbs[(i + 3) % verbs.length]}Item${i}`],
      Resource: [`arn:aws:${service}:us-east-1:111122223333:thing/${i}/*`, `arn:aws:${service}:*:111122223333:other-${i}`],
    };
    if (i % 3 === 0) statement.Condition = { StringEquals: { 'aws:PrincipalTag/team': ['blue', `t${i}`] }, IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } };
    if (i % 5 === 0) statement.Condition = { 'ForAllValues:StringLike': { 'aws:TagKeys': ['env', 'cost-*'] }, DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } };
    list.push(statement);
  }
  list.push({ Sid: 'Reports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } });
  list.push({ Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::reports/secret/*' });
  return list;
}

/** The largest text `build(count)` makes within the target size (as written: two-space indentation). */
function largestWithin(build) {
  let count = 1;
  while (build(count + 1).length <= targetBytes) count++;
  return build(count);
}

function identityPolicy(count) {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements(count) }, null, 2);
}

/** A template: the role's trust policy, its inline policies (the statements split in two) and a bucket policy. */
function template(count) {
  const all = statements(count);
  const half = Math.ceil(all.length / 2);
  const document = (list) => ({ Version: '2012-10-17', Statement: list });
  const body = {
    Resources: {
      AppRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: document([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
          Policies: [
            { PolicyName: 'first', PolicyDocument: document(all.slice(0, half)) },
            { PolicyName: 'second', PolicyDocument: document(all.slice(half)) },
          ],
        },
      },
      ReportsPolicy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: 'reports',
          PolicyDocument: document([{ Sid: 'Auditors', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/auditor' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }]),
        },
      },
    },
  };
  return JSON.stringify(body, null, 2);
}

const requests = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q1.csv', context: [['aws:SecureTransport', 'true']] },
  { action: 'dynamodb:GetItem', resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/t', context: [['aws:SourceIp', '192.0.2.1'], ['aws:TagKeys', 'env'], ['aws:TagKeys', 'owner']] },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/secret/k', principal: 'arn:aws:sts::111122223333:assumed-role/auditor/s', context: [['aws:SecureTransport', 'true']] },
];

/** evaluateAccess alone on the set's policies (read once, as simulate reads its files), one request at a time. */
function timeInProcess(bundle, set, count) {
  const sources = bundle.policySources({ uri: set.uri, path: set.uri.slice('file://'.length), text: set.text, name: set.uri }, bundle.defaultSettings);
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    bundle.evaluateAccess(sources, bundle.createRequest(requests[i % requests.length]));
    times.push(performance.now() - started);
  }
  return { times, policies: sources.length };
}

async function timeRequests(server, uri, count) {
  const times = [];
  const decisions = new Set();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const result = await server.request('iamPolicy/checkAccess', { uri, ...requests[i % requests.length] });
    times.push(performance.now() - started);
    if (!result) throw new Error(`${uri}: the server answered null`);
    decisions.add(result.decision);
  }
  return { times, decisions };
}

export async function measureSimulate(context) {
  const sets = [
    { name: 'simulate, 6 KB identity policy', uri: 'file:///bench/simulate.iam.json', languageId: 'iam-policy', text: largestWithin(identityPolicy) },
    { name: 'simulate, 6 KB template (trust, 2 inline, bucket policy)', uri: 'file:///bench/simulate-stack.json', languageId: 'json', text: largestWithin(template) },
  ];
  const server = await startServer({ serverJs: join(context.bundles, 'server.js'), pull: true, nodeArgs: context.serverArgs('simulate') });
  const rows = [];
  const details = {};
  try {
    for (const set of sets) {
      try {
        await server.notify('textDocument/didOpen', { textDocument: { uri: set.uri, languageId: set.languageId, version: 1, text: set.text } });
        await server.request('textDocument/diagnostic', { textDocument: { uri: set.uri } });
        await timeRequests(server, set.uri, context.quick ? 30 : 100); // warm-up: the catalogue, the JIT
        const { times, decisions } = await timeRequests(server, set.uri, context.quick ? 60 : 600);
        const p95 = quantile(times, 0.95);
        rows.push(row('simulate', `${set.name}, server round trip`, { value: median(times), unit: 'ms', digits: 2, budget: { below: budgetMs }, detail: `p95 ${p95.toFixed(2)} ms, ${(set.text.length / 1e3).toFixed(1)} KB, ${times.length} requests (${[...decisions].sort().join(', ')})` }));
        details[set.name] = { bytes: set.text.length, medianMs: median(times), p95Ms: p95, requests: times.length, decisions: [...decisions].sort() };
      } catch (error) {
        rows.push(failedRow('simulate', set.name, error));
      }
    }
  } finally {
    await server.stop();
  }
  try {
    const bundle = benchBundle(context);
    for (const set of sets) {
      timeInProcess(bundle, set, 2000); // warm-up
      const { times, policies } = timeInProcess(bundle, set, context.quick ? 2000 : 20000);
      const name = `${set.name}, evaluator in-process`;
      rows.push(row('simulate', name, { value: median(times) * 1000, unit: 'µs', digits: 0, budget: { below: budgetMs * 1000 }, detail: `p95 ${(quantile(times, 0.95) * 1000).toFixed(0)} µs, ${policies} ${policies === 1 ? 'policy' : 'policies'}, ${times.length} requests` }));
      details[name] = { medianMs: median(times), p95Ms: quantile(times, 0.95), requests: times.length, policies };
    }
  } catch (error) {
    rows.push(failedRow('simulate', 'evaluator in-process', error));
  }
  return { rows, details };
}
