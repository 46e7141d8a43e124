/**
 * With many files the CLI lints on worker threads too (cli/parallel.ts); the output must be the same, byte for byte
 * and in the same order, as on one thread. IAM_POLICY_LINT_WORKERS sets the number of workers (0: none), so a small
 * folder exercises them here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { repoPath } from '../support/paths';
import { runCli, workspace } from './cliProcess';

suite('CLI on several threads', () => {
  // The managed-policy sample, each under a few names and policy types, and a broken file among them.
  const files: Record<string, { text: string }> = { 'broken.iam.json': { text: '{"Statement": [ {"Effect": "Allow",' } };
  for (const name of readdirSync(repoPath('test/fixtures/managed-sample'))) {
    const text = readFileSync(repoPath('test/fixtures/managed-sample', name), 'utf8');
    const base = name.replace(/\.json$/, '');
    files[`identity/${base}.iam.json`] = { text };
    files[`scp/${base}.scp.json`] = { text };
  }
  const folder = workspace(files);

  for (const format of ['json', 'sarif', 'text']) {
    test(`--format ${format}: the same output with 0, 1 and 3 workers`, () => {
      const runs = ['0', '1', '3'].map((workers) => runCli(['--format', format, '.'], { cwd: folder, env: { IAM_POLICY_LINT_WORKERS: workers } }));
      assert.equal(runs[0]!.code, 1, runs[0]!.stderr);
      assert.ok(runs[0]!.stdout.length > 10_000);
      for (const run of runs.slice(1)) {
        assert.equal(run.code, runs[0]!.code);
        assert.equal(run.stdout, runs[0]!.stdout);
        assert.equal(run.stderr, runs[0]!.stderr);
      }
    });
  }
});
