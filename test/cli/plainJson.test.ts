/**
 * Folders of plainly named JSON policies (issue #18): `s3-read.json` and `deploy.json` are found by the editor's own
 * test (a top-level Statement, or a known Version), while the other JSON a repository holds is passed over without
 * a finding. A file named on the command line is linted as a policy whatever it holds, as before.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { looksLikePolicyText, parsePolicy } from '../../server/src/policy/parse';
import { assertOneLine, runCli, workspace, type JsonReport } from './cliProcess';

const s3Read = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }]
}
`;
const deploy = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "allow", "Action": "cloudformation:CreateStack", "Resource": "*" }]
}
`;

/** JSON a repository holds that is no policy; none of it may be linted or reported. */
const otherJson: Record<string, { text: string }> = {
  'package.json': { text: '{ "name": "infra", "version": "1.0.0", "scripts": { "test": "node --test" } }\n' },
  'package-lock.json': { text: '{ "name": "infra", "version": "1.0.0", "lockfileVersion": 3, "packages": { "": { "name": "infra" } } }\n' },
  'tsconfig.json': { text: '{\n  // comments and trailing commas, as tsc allows\n  "compilerOptions": { "strict": true, },\n}\n' },
  '.vscode/settings.json': { text: '{ "iamPolicy.filePatterns": ["policies/**/*.json"], "editor.formatOnSave": true }\n' },
  'schemas/policy.schema.json': {
    text: '{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": { "Version": { "type": "string" }, "Statement": { "type": "array" } } }\n',
  },
  'data/versions.json': { text: '[{ "Version": "2012-10-17" }]\n' },
  'empty.json': { text: '' },
};

function report(run: { stdout: string }): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

suite('CLI folder search: plain .json policies', () => {
  test('a folder of plainly named policies is linted; other JSON is left alone', () => {
    const folder = workspace({
      ...otherJson,
      'policies/s3-read.json': { text: s3Read },
      'policies/deploy.json': { text: deploy },
      'policies/drafts/started.json': { text: '{ "Statement": [ { "Effect": "Allow",' },
      'node_modules/dep/policy.json': { text: deploy },
    });
    const run = runCli(['--format', 'json', '.'], { cwd: folder });
    const files = report(run).files;
    assert.deepEqual(
      files.map((f) => f.path),
      ['policies/deploy.json', 'policies/drafts/started.json', 'policies/s3-read.json'],
      'the policies, and a policy being written (broken JSON with a Statement); nothing from node_modules',
    );
    assert.deepEqual(files.find((f) => f.path === 'policies/s3-read.json')!.problems, []);
    assert.ok(files.find((f) => f.path === 'policies/deploy.json')!.problems.some((p) => p.ruleId === 'invalid-effect'));
    assert.equal(run.code, 1, 'the findings count as in any policy file');
  });

  test('the issue: `iam-policy-lint policies/` with s3-read.json and deploy.json', () => {
    const folder = workspace({ 'policies/s3-read.json': { text: s3Read }, 'policies/deploy.json': { text: deploy } });
    const run = runCli(['policies/'], { cwd: folder });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /policies\/deploy\.json/);
    assert.match(run.stdout, /invalid-effect/);
  });

  test('a folder with only other JSON still has no policy files', () => {
    const folder = workspace(otherJson);
    const run = runCli(['.'], { cwd: folder });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(assertOneLine(run.stderr), /no policy files found .*JSON that looks like a policy/);
  });

  test('a JSON file named on the command line is linted as a policy, as before', () => {
    const folder = workspace(otherJson);
    const run = runCli(['--format', 'json', 'package.json'], { cwd: folder });
    assert.deepEqual(
      report(run).files.map((f) => [f.path, f.problems.map((p) => p.ruleId)]),
      [['package.json', ['not-a-policy']]],
    );
  });

  test('--only-policy-files skips named files a folder search would pass over (pre-commit names every staged file)', () => {
    const folder = workspace({ ...otherJson, 's3-read.json': { text: s3Read }, 'deploy.json': { text: deploy }, 'role.trust.json': { text: '{}' } });
    const named = ['package.json', 'tsconfig.json', '.vscode/settings.json', 's3-read.json', 'deploy.json', 'role.trust.json'];
    const run = runCli(['--format', 'json', '--only-policy-files', ...named], { cwd: folder });
    assert.deepEqual(
      report(run).files.map((f) => f.path),
      ['s3-read.json', 'deploy.json', 'role.trust.json'],
      'policies by content, and a policy by its name even while it is empty',
    );
    const nothing = runCli(['--only-policy-files', 'package.json', 'tsconfig.json'], { cwd: folder });
    assert.deepEqual([nothing.code, nothing.stdout, nothing.stderr], [0, '', '']);
  });

  test("the config file's ignore applies to JSON found by content; filePatterns still add files", () => {
    const folder = workspace({
      '.iampolicy.json': { text: JSON.stringify({ ignore: ['legacy'], filePatterns: ['org/*.json'] }) },
      'legacy/old.json': { text: deploy },
      'org/empty.json': { text: '{}' },
      'roles/deploy.json': { text: deploy },
    });
    const run = runCli(['--format', 'json', '.'], { cwd: folder });
    assert.deepEqual(
      report(run).files.map((f) => f.path),
      ['org/empty.json', 'roles/deploy.json'],
      'legacy/ is ignored; org/empty.json is no policy by content but the config names it',
    );
  });

  test("the folder search's test is the editor's", () => {
    const texts = [
      s3Read,
      deploy,
      '{"Statement": []}',
      '{"Version": "2012-10-17"}',
      '{"Version": "2020-01-01"}',
      '{"version": "2012-10-17", "statement": []}',
      '{"St\\u0061tement": []}',
      '{"Id": "x"}',
      '{"Statement": [',
      '[{"Statement": []}]',
      ...Object.values(otherJson).map((file) => file.text),
    ];
    for (const text of texts) {
      const editor = parsePolicy(TextDocument.create('file:///x.json', 'json', 1, text)).looksLikePolicy;
      assert.equal(looksLikePolicyText(text), editor, text);
    }
  });
});
