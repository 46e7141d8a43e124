/** `iam-policy-lint simulate` (product.md, "Offline access evaluation"), run as a process on the built dist/cli.js. */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { assertOneLine, runCli, workspace } from './cliProcess';
import { lambdaRoleTemplate, readItemStatement } from '../support/documents';

const identity = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
      { Sid: 'TaggedOnly', Effect: 'Allow', Action: 's3:PutObjectTagging', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } } },
    ],
  },
  null,
  2,
);
const boundary = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:PutObjectTagging'], Resource: '*' }] }, null, 2);
const denySecrets = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::reports/secret/*' }] }, null, 2);
const bucketPolicy = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Sid: 'Ana', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/ana' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }] },
  null,
  2,
);
const template = lambdaRoleTemplate(readItemStatement);

/** The 0-based line of the first line of the identity policy that holds the text. */
const lineOf = (text: string) => identity.split('\n').findIndex((line) => line.includes(text));

const folder = workspace({
  'app.iam.json': { text: identity },
  'app.boundary.json': { text: boundary },
  'deny.iam.json': { text: denySecrets },
  'bucket-policy.json': { text: bucketPolicy },
  'template.yaml': { text: template },
  'broken.iam.json': { text: '{ "Statement": [' },
  'org/root.scp.json': { text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) },
  'org/admin.iam.json': { text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' }] }) },
});

interface SimulateJson {
  decision: string;
  request: { action: string; resource: string; principal: string | null; context: Record<string, string[]> };
  statements: { path: string; policy?: string; sid: string | null; index: number; effect: string; policyType: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  matched: unknown[];
  failedConditions: { statement: { sid: string }; operator: string; key: string; reason: string; detail: string; range: { start: { line: number } } }[];
  reasons: string[];
  notes: string[];
}

function simulate(args: string[]): { code: number | null; json: SimulateJson; stderr: string } {
  const run = runCli(['simulate', '--format', 'json', ...args], { cwd: folder });
  return { code: run.code, json: JSON.parse(run.stdout) as SimulateJson, stderr: run.stderr };
}

suite('CLI simulate', () => {
  test('allowed: exit 0, the deciding statement with path, sid, index, effect and range', () => {
    const { code, json } = simulate(['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q1.pdf', '--context', 'aws:SourceIp=203.0.113.9', 'app.iam.json']);
    assert.equal(code, 0);
    assert.equal(json.decision, 'allowed');
    assert.deepEqual(json.statements.map((s) => [s.path, s.sid, s.index, s.effect, s.range.start]), [['app.iam.json', 'ReadReports', 0, 'Allow', { line: 3, character: 4 }]]);
    assert.deepEqual(json.request.context, { 'aws:SourceIp': ['203.0.113.9'] });
  });

  test('implicitDeny: exit 1, with the condition that failed and why', () => {
    const { code, json } = simulate(['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q1.pdf', '--context', 'aws:SourceIp=198.51.100.1', 'app.iam.json']);
    assert.equal(code, 1);
    assert.equal(json.decision, 'implicitDeny');
    assert.deepEqual(json.statements, []);
    assert.deepEqual(json.failedConditions.map((f) => [f.statement.sid, f.operator, f.key, f.reason, f.range.start.line]), [['ReadReports', 'IpAddress', 'aws:SourceIp', 'valueMismatch', lineOf('"aws:SourceIp"')]]);
  });

  test('a missing key is named as missing', () => {
    const { json } = simulate(['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q1.pdf', 'app.iam.json']);
    assert.equal(json.failedConditions[0]!.reason, 'keyMissing');
  });

  test('explicitDeny: exit 1, the Deny named, across files', () => {
    const { code, json } = simulate(['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/secret/k', '--context', 'aws:SourceIp=203.0.113.9', 'app.iam.json', 'deny.iam.json']);
    assert.equal(code, 1);
    assert.equal(json.decision, 'explicitDeny');
    assert.deepEqual(json.statements.map((s) => [s.path, s.sid]), [['deny.iam.json', 'NoSecrets']]);
    assert.equal(json.matched.length, 2);
  });

  test('a repeated --context key is multivalued (ForAllValues)', () => {
    const args = ['--action', 's3:PutObjectTagging', '--resource', 'arn:aws:s3:::reports/k', 'app.iam.json'];
    assert.equal(simulate([...args, '--context', 'aws:TagKeys=team', '--context', 'aws:TagKeys=cost']).json.decision, 'allowed');
    const extra = simulate([...args, '--context', 'aws:TagKeys=team', '--context', 'aws:TagKeys=owner']);
    assert.equal(extra.json.decision, 'implicitDeny');
    assert.deepEqual(extra.json.request.context, { 'aws:TagKeys': ['team', 'owner'] });
  });

  test('policy types from file names: a boundary caps', () => {
    const args = ['--action', 's3:PutObjectTagging', '--resource', '*', 'app.iam.json', 'app.boundary.json'];
    assert.equal(simulate(args).json.decision, 'allowed');
    const capped = simulate(['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/k', '--context', 'aws:SourceIp=203.0.113.9', 'app.iam.json', 'app.boundary.json']);
    assert.equal(capped.json.decision, 'allowed');
    assert.deepEqual(capped.json.statements.map((s) => s.policyType), ['identity', 'permissions-boundary']);
    // --policy-type overrides: read as a boundary, the identity policy grants nothing.
    assert.equal(simulate(['--policy-type', 'permissions-boundary', '--action', 's3:PutObjectTagging', '--resource', '*', 'app.iam.json']).json.decision, 'implicitDeny');
  });

  test('a bucket policy alone allows the principal it names, within one account', () => {
    const args = ['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::shared/x', 'bucket-policy.json'];
    const ana = simulate([...args, '--principal', 'arn:aws:iam::111122223333:user/ana']);
    assert.equal(ana.code, 0);
    assert.deepEqual(ana.json.statements.map((s) => [s.policyType, s.sid]), [['resource', 'Ana']]);
    assert.equal(simulate([...args, '--principal', 'arn:aws:iam::111122223333:user/bob']).json.decision, 'implicitDeny');
    assert.equal(simulate(args).json.decision, 'implicitDeny');
  });

  test('policies inside a template count, with their host positions', () => {
    const read = simulate(['--action', 'dynamodb:GetItem', '--resource', 'arn:aws:dynamodb:us-east-1:111122223333:table/t', 'template.yaml']);
    assert.equal(read.json.decision, 'allowed');
    assert.equal(read.json.statements[0]!.sid, 'Read');
    assert.equal(read.json.statements[0]!.range.start.line, 15);
    assert.ok(read.json.statements[0]!.policy?.includes('Policies'));
    const assume = simulate(['--action', 'sts:AssumeRole', '--resource', 'arn:aws:iam::111122223333:role/r', '--principal', 'lambda.amazonaws.com', 'template.yaml']);
    assert.equal(assume.json.decision, 'allowed');
    assert.equal(assume.json.statements[0]!.policyType, 'trust');
  });

  test('text output names the decision, the statements and the failed conditions with file:line:column', () => {
    const run = runCli(['simulate', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q1.pdf', '--context', 'aws:SourceIp=198.51.100.1', 'app.iam.json'], { cwd: folder });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^implicitDeny: s3:GetObject on arn:aws:s3:::reports\/q1\.pdf/);
    assert.ok(run.stdout.includes(`app.iam.json:${lineOf('"aws:SourceIp"') + 1}:`), run.stdout);
    assert.match(run.stdout, /\d+:\d+ +Allow statement 0 "ReadReports" \(identity\): IpAddress aws:SourceIp/);
  });

  test('2: bad usage, one line on stderr and nothing on stdout', () => {
    const cases: [string[], RegExp][] = [
      [['--resource', '*', 'app.iam.json'], /--action is required/],
      [['--action', 's3:GetObject', 'app.iam.json'], /--resource is required/],
      [['--action', 's3:Get*', '--resource', '*', 'app.iam.json'], /no wildcards/],
      [['--action', 's3:GetObject', '--resource', '*'], /no policy files/],
      [['--action', 's3:GetObject', '--resource', '*', '--context', 'novalue', 'app.iam.json'], /expected <key>=<value>/],
      [['--action', 's3:GetObject', '--resource', '*', '--format', 'sarif', 'app.iam.json'], /text or json/],
      [['--action', 's3:GetObject', '--resource', '*', '--policy-type', 'nope', 'app.iam.json'], /--policy-type nope/],
      [['--action', 's3:GetObject', '--resource', '*', 'missing.json'], /missing\.json: no such file or folder/],
      [['--action', 's3:GetObject', '--resource', '*', '-'], /standard input/],
      [['--action', 's3:GetObject', '--resource', '*', '--bogus', 'app.iam.json'], /bogus/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(['simulate', ...args], { cwd: folder });
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(assertOneLine(run.stderr), message);
    }
  });

  test('a config that cannot be read stops the run as it stops linting (exit 2)', () => {
    const broken = workspace({ '.iampolicy.json': { bytes: Uint8Array.from([0x7b, 0xff, 0x7d]) }, 'app.iam.json': { text: identity } });
    const run = runCli(['simulate', '--action', 's3:GetObject', '--resource', '*', 'app.iam.json'], { cwd: broken });
    assert.equal(run.code, 2);
    assert.match(assertOneLine(run.stderr), /\.iampolicy\.json: not valid UTF-8/);
  });

  test('an action unknown to the IAM data is a warning, evaluated as written', () => {
    const run = runCli(['simulate', '--action', 's3:GetObjekt', '--resource', '*', 'app.iam.json'], { cwd: folder });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /s3:GetObjekt: not an action of the IAM data/);
  });

  test('a broken policy is warned about and read as far as it goes', () => {
    const run = runCli(['simulate', '--action', 's3:GetObject', '--resource', '*', 'broken.iam.json'], { cwd: folder });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /broken\.iam\.json: JSON syntax errors/);
  });

  test('a folder gives its policy files, each with its type (an SCP caps the identity policy beside it)', () => {
    const s3 = simulate(['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::b/k', 'org']);
    assert.equal(s3.json.decision, 'allowed');
    assert.deepEqual(s3.json.statements.map((s) => [s.path, s.policyType]), [['org/root.scp.json', 'scp'], ['org/admin.iam.json', 'identity']]);
    assert.equal(simulate(['--action', 'ec2:RunInstances', '--resource', '*', 'org']).json.decision, 'implicitDeny');
  });

  test('--help prints the simulate usage', () => {
    const run = runCli(['simulate', '--help'], { cwd: folder });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: iam-policy-lint simulate/);
  });
});
