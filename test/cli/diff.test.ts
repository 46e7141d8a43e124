/**
 * `iam-policy-lint diff`: exit codes, the three formats, git:<ref> bases in a temporary repository, and policies
 * inside infrastructure code.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { assertOneLine, runCli, sarifSchemaErrors, workspace } from './cliProcess';
import { lambdaRoleTemplate } from '../support/documents';

const policy = (...statements: object[]) => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
const read = { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
const write = { Sid: 'Write', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::b/*' };

interface DiffJson {
  base: string;
  new: string;
  newAccess: { action: string; resource: string; kind: string; reason: string; statement: { path: string; sid: string | null; index: number; effect: string; range: { start: { line: number } } } }[];
  findings: { actionCount: number }[];
  newAccessCount: number;
}

function git(folder: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: folder, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

suite('cli: diff', () => {
  const folder = workspace({
    'base.json': { text: policy(read) },
    'same.json': { text: policy({ ...read, Action: ['s3:getobject'] }) },
    'wider.json': { text: policy(read, write) },
    'broken.json': { text: '{"Statement": [' },
  });

  test('no new access: exit 0', () => {
    const run = runCli(['diff', 'base.json', 'same.json'], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'same.json: no new access.\n');
    const json = JSON.parse(runCli(['diff', '--format', 'json', 'base.json', 'same.json'], { cwd: folder }).stdout) as DiffJson;
    assert.deepEqual(json.newAccess, []);
  });

  test('new access: exit 1, the granting statement and why', () => {
    const run = runCli(['diff', 'base.json', 'wider.json'], { cwd: folder });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^wider\.json\n {2}10:5 {2}new {2}statement "Write" \(#1\)\n {6}allows s3:DeleteObject, s3:PutObject\n {6}on arn:aws:s3:::b\/\*\n/);
    assert.match(run.stdout, /✖ new access: 2 actions in 1 finding/);
  });

  test('--format json: one entry per action and resource, with the statement', () => {
    const run = runCli(['diff', '--format', 'json', 'base.json', 'wider.json'], { cwd: folder });
    assert.equal(run.code, 1);
    const json = JSON.parse(run.stdout) as DiffJson;
    assert.equal(json.base, 'base.json');
    assert.deepEqual(
      json.newAccess.map((a) => [a.action, a.resource, a.kind, a.statement.sid, a.statement.index, a.statement.range.start.line]),
      [
        ['s3:DeleteObject', 'arn:aws:s3:::b/*', 'new', 'Write', 1, 9],
        ['s3:PutObject', 'arn:aws:s3:::b/*', 'new', 'Write', 1, 9],
      ],
    );
    assert.equal(json.newAccessCount, 2);
    assert.deepEqual(json.findings.map((f) => f.actionCount), [2]);
  });

  test('--format sarif: a valid log with the result on the widening statement', async () => {
    const run = runCli(['diff', '--format', 'sarif', 'base.json', 'wider.json'], { cwd: folder });
    assert.equal(run.code, 1);
    assert.deepEqual(await sarifSchemaErrors(run.stdout), []);
    const sarif = JSON.parse(run.stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    const [result] = sarif.runs[0]!.results;
    assert.equal(sarif.runs[0]!.results.length, 1);
    assert.equal(result!.ruleId, 'new-access');
    assert.match(sarif.runs[0]!.tool.driver.rules[0]!.helpUri, /docs\/policy-diff\.md$/);
    assert.equal(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'wider.json');
    assert.equal(result!.locations[0]!.physicalLocation.region.startLine, 10);
    assert.match(result!.message.text, /statement "Write" \(#1\) allows s3:DeleteObject, s3:PutObject on arn:aws:s3:::b\/\*, which base\.json did not/);
  });

  test('bad usage: exit 2 with one line', () => {
    for (const [args, message] of [
      [['diff', 'base.json'], /expected <base> and <new>, got 1 argument/],
      [['diff', '--format', 'xml', 'base.json', 'wider.json'], /--format xml: expected text, json or sarif/],
      [['diff', 'missing.json', 'wider.json'], /missing\.json: cannot read \(ENOENT\)/],
      [['diff', 'base.json', 'broken.json'], /broken\.json:1:\d+: not a valid policy/],
      [['diff', 'base.json', 'git:HEAD'], /<new> must be a file/],
      [['diff', '--nope', 'base.json', 'wider.json'], /--nope/],
    ] as const) {
      const run = runCli(args, { cwd: folder });
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(assertOneLine(run.stderr), message);
    }
  });

  test('--help prints the diff usage', () => {
    const run = runCli(['diff', '--help'], { cwd: folder });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: iam-policy-lint diff/);
  });

  test('git:<ref>: the new file against its committed version', () => {
    const repo = workspace({ 'policies/app.json': { text: policy(read) }, 'other.json': { text: policy(read) } });
    git(repo, 'init', '-q');
    git(repo, 'add', 'policies/app.json');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'tag', 'v1');
    writeFileSync(join(repo, 'policies/app.json'), policy(read, write));

    // From a subfolder, and from the top: the path is the file's, relative to the repository.
    const inside = runCli(['diff', 'git:HEAD', 'app.json'], { cwd: join(repo, 'policies') });
    assert.equal(inside.code, 1, inside.stderr);
    assert.match(inside.stdout, /statement "Write"/);
    assert.equal(runCli(['diff', '--format', 'json', 'git:v1', 'policies/app.json'], { cwd: repo }).code, 1);
    git(repo, 'commit', '-q', '-am', 'wider');
    assert.equal(runCli(['diff', 'git:HEAD', 'policies/app.json'], { cwd: repo }).code, 0, 'unchanged since HEAD');
    assert.equal(runCli(['diff', 'git:HEAD~1', 'policies/app.json'], { cwd: repo }).code, 1);

    const unknown = runCli(['diff', 'git:no-such-branch', 'policies/app.json'], { cwd: repo });
    assert.equal(unknown.code, 2);
    assert.match(assertOneLine(unknown.stderr), /git:no-such-branch: unknown revision/);
    assert.match(assertOneLine(runCli(['diff', 'git:', 'policies/app.json'], { cwd: repo }).stderr), /expected a commit, branch or tag/);
    assert.equal(runCli(['diff', 'git:--output=x', 'policies/app.json'], { cwd: repo }).code, 2);

    // A file the commit does not have: everything it allows is new.
    const added = runCli(['diff', '--format', 'json', 'git:HEAD', 'other.json'], { cwd: repo });
    assert.equal(added.code, 1);
    assert.match(assertOneLine(added.stderr), /other\.json is not in HEAD: a new file/);
    assert.deepEqual((JSON.parse(added.stdout) as DiffJson).newAccess.map((a) => a.action), ['s3:GetObject']);

    const outside = runCli(['diff', 'git:HEAD', 'base.json'], { cwd: folder });
    assert.equal(outside.code, 2);
    assert.match(assertOneLine(outside.stderr), /base\.json: not in a git repository/);
  });

  test('a CloudFormation template compares the policies it holds, located in the template', () => {
    const template = (actions: string, bucket = 'Bucket') =>
      lambdaRoleTemplate(['              - Effect: Allow', `                Action: [${actions}]`, `                Resource: !Sub "arn:aws:s3:::\${${bucket}}/*"`]);
    const repo = workspace({
      'base.yaml': { text: template('s3:GetObject') },
      'same.yaml': { text: template('s3:GetObject') },
      'new.yaml': { text: template('s3:GetObject, s3:PutObject') },
      'other.yaml': { text: template('s3:GetObject', 'OtherBucket') },
    });
    assert.equal(runCli(['diff', 'base.yaml', 'same.yaml'], { cwd: repo }).code, 0);
    // Another hole is another value: never taken as the same bucket.
    const other = runCli(['diff', 'base.yaml', 'other.yaml'], { cwd: repo });
    assert.equal(other.code, 1);
    assert.match(other.stdout, /on arn:aws:s3:::\$\{OtherBucket\}\/\*/);
    const run = runCli(['diff', '--format', 'json', 'base.yaml', 'new.yaml'], { cwd: repo });
    assert.equal(run.code, 1, run.stderr);
    const json = JSON.parse(run.stdout) as DiffJson & { newAccess: { statement: { policy?: string } }[] };
    assert.deepEqual(json.newAccess.map((a) => [a.action, a.resource, a.statement.range.start.line]), [['s3:PutObject', 'arn:aws:s3:::${Bucket}/*', 15]]);
    assert.equal(json.newAccess[0]!.statement.policy, 'Resources.Role.Properties.Policies[0].PolicyDocument');
  });
});
