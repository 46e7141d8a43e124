/**
 * The CI conventions (issue #18): the GitHub Action's entry script run as GitHub runs it (inputs in INPUT_*
 * variables, outputs appended to the GITHUB_OUTPUT file) on a temporary folder, the action's manifest, and the
 * pre-commit hook's manifest and the npm package it installs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { repoPath } from '../support/paths';
import { read, sarifSchemaErrors, workspace } from './cliProcess';

const entryScript = repoPath('scripts/action/run.mjs');

const clean = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }] }\n';
/** One error (invalid-effect). */
const broken = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }] }\n';
/** Warnings only (a wildcard action on every resource), no error. */
const broad = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "*" }] }\n';

interface ActionRun {
  readonly code: number | null;
  readonly log: string;
  /** What the step wrote to GITHUB_OUTPUT, as name -> value. */
  readonly outputs: Record<string, string>;
}

/** Runs the entry script in `folder` (the workspace) with the inputs GitHub would set, named as GitHub names them. */
function runAction(folder: string, inputs: Record<string, string>): ActionRun {
  // GitHub gives each step a file of its own.
  const outputFile = join(folder, '.github-output');
  rmSync(outputFile, { force: true });
  const env: Record<string, string | undefined> = { ...process.env, GITHUB_WORKSPACE: folder, GITHUB_OUTPUT: outputFile, GITHUB_ACTION_PATH: repoPath() };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [entryScript], { cwd: folder, env, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  const outputs: Record<string, string> = {};
  if (existsSync(outputFile)) {
    for (const line of readFileSync(outputFile, 'utf8').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return { code: result.status, log: result.stdout + result.stderr, outputs };
}

suite('GitHub Action (action.yml, scripts/action/run.mjs)', () => {
  const folder = workspace({
    'policies/s3-read.json': { text: clean },
    'policies/deploy.json': { text: broken },
    'roles/broad.json': { text: broad },
    'package.json': { text: '{ "name": "infra" }' },
  });

  test('defaults: lints the workspace, text in the log, fails on errors', () => {
    const run = runAction(folder, {});
    assert.equal(run.code, 1, run.log);
    assert.match(run.log, /policies\/deploy\.json/);
    assert.match(run.log, /invalid-effect/);
    assert.doesNotMatch(run.log, /package\.json/);
    assert.deepEqual(run.outputs, { 'exit-code': '1' });
  });

  test('sarif: true writes a valid SARIF file for the upload step and names it in the outputs', async () => {
    const run = runAction(folder, { paths: 'policies', sarif: 'true', 'sarif-file': 'out/../results.sarif' });
    assert.equal(run.code, 1, run.log);
    assert.match(run.log, /invalid-effect/, 'the log still has the text report');
    assert.equal(run.outputs['sarif-file'], join(folder, 'results.sarif'));
    const sarif = read(folder, 'results.sarif');
    assert.deepEqual(await sarifSchemaErrors(sarif), []);
    const results = (JSON.parse(sarif) as { runs: { results: { ruleId: string }[] }[] }).runs[0]!.results;
    assert.ok(results.some((result) => result.ruleId === 'invalid-effect'));
  });

  test('fail-level: warning fails on warnings, none never fails on findings', () => {
    assert.equal(runAction(folder, { paths: 'roles', 'fail-level': 'error' }).code, 0, 'warnings alone pass at fail-level error');
    assert.equal(runAction(folder, { paths: 'roles', 'fail-level': 'warning' }).code, 1);
    const none = runAction(folder, { paths: 'policies', 'fail-level': 'none' });
    assert.equal(none.code, 0, none.log);
    assert.deepEqual(none.outputs, { 'exit-code': '1' }, 'the linter’s own status stays visible');
  });

  test('paths on several lines, a format, more options; the flags reach the CLI', () => {
    const run = runAction(folder, { paths: 'policies/s3-read.json\nroles\n', format: 'json', args: '--rule wildcard-action=error --quiet' });
    assert.equal(run.code, 1);
    const report = JSON.parse(run.log) as { files: { path: string; problems: { ruleId: string }[] }[] };
    assert.deepEqual(
      report.files.map((file) => [file.path, file.problems.map((problem) => problem.ruleId)]),
      [
        ['policies/s3-read.json', []],
        ['roles/broad.json', ['wildcard-action']],
      ],
    );
  });

  test('bad inputs: exit 2 with an error annotation; no SARIF written', () => {
    const badLevel = runAction(folder, { 'fail-level': 'sometimes' });
    assert.equal(badLevel.code, 2);
    assert.match(badLevel.log, /^::error title=iam-policy-lint::fail-level sometimes: expected error, warning, none$/m);
    const missing = runAction(folder, { paths: 'nowhere', sarif: 'true', 'sarif-file': 'missing.sarif' });
    assert.equal(missing.code, 2);
    assert.match(missing.log, /nowhere: no such file or folder/);
    assert.equal(existsSync(join(folder, 'missing.sarif')), false);
    assert.deepEqual(missing.outputs, { 'exit-code': '2' });
  });

  test("action.yml: a composite action whose steps pass every input to the entry script and upload the script's SARIF", () => {
    const action = parseYaml(readFileSync(repoPath('action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      runs: { using: string; steps: { id?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
    };
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'fail-level', 'format', 'paths', 'sarif', 'sarif-file']);
    const lint = action.runs.steps.find((step) => step.id === 'lint')!;
    assert.match(lint.run!, /scripts\/action\/run\.mjs/);
    for (const name of Object.keys(action.inputs)) {
      assert.equal(lint.env![`INPUT_${name.toUpperCase().replaceAll('-', '_')}`], `\${{ inputs.${name} }}`, name);
    }
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.equal(upload.with!.sarif_file, '${{ steps.lint.outputs.sarif-file }}');
  });
});

suite('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parseYaml(readFileSync(repoPath('.pre-commit-hooks.yaml'), 'utf8')) as {
    id: string;
    entry: string;
    args?: string[];
    language: string;
    files: string;
  }[];
  const packageJson = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

  test('one node hook whose entry is the package’s bin', () => {
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.equal(hook!.id, 'iam-policy-lint');
    assert.equal(hook!.language, 'node');
    assert.ok(packageJson.bin[hook!.entry], `${hook!.entry} is in package.json "bin"`);
    assert.deepEqual(hook!.args, ['--only-policy-files']);
  });

  test('its files pattern (a Python regex, searched) takes policies, templates and Terraform, not other files', () => {
    const files = new RegExp(hooks[0]!.files);
    for (const path of ['policies/s3-read.json', 'a.iam.json', 'template.yaml', 'serverless.yml', 'stack.template', 'main.tf']) assert.ok(files.test(path), path);
    for (const path of ['README.md', 'src/app.ts', 'main.tf.bak', 'notes.txt']) assert.ok(!files.test(path), path);
  });

  test('npm pack (how pre-commit installs a node hook) builds the CLI first and ships it with its grammars', () => {
    assert.match(packageJson.scripts.prepack ?? '', /esbuild\.mjs/);
    // --ignore-scripts: the test build has made dist/ already; packing must not rebuild it under the other tests.
    const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoPath(), encoding: 'utf8', timeout: 120_000 });
    assert.equal(result.status, 0, result.stderr);
    const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
    const shipped = pack!.files.map((file) => file.path);
    assert.ok(shipped.includes(packageJson.bin['iam-policy-lint']!.replace(/^\.\//, '')), shipped.join(', '));
    assert.ok(shipped.includes('dist/wasm/tree-sitter-terraform.wasm'));
    assert.deepEqual(
      shipped.filter((path) => !/^(dist\/cli\.js|dist\/wasm\/.*\.wasm|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(path)),
      [],
      'nothing but the CLI and what it loads',
    );
  });
});
