import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { runCli, workspace, type JsonReport } from './cliProcess';

suite('CLI exit codes (product.md)', () => {
  const folder = workspace({
    'clean.iam.json': 'clean.iam.json',
    'lowercase-effect.iam.json': 'lowercase-effect.iam.json',
    'old-version.iam.json': 'old-version.iam.json',
  });

  test('0: nothing at error severity', () => {
    assert.equal(runCli(['clean.iam.json'], { cwd: folder }).code, 0);
  });

  test('1: a finding at error severity', () => {
    assert.equal(runCli(['lowercase-effect.iam.json'], { cwd: folder }).code, 1);
    assert.equal(runCli(['clean.iam.json', 'lowercase-effect.iam.json'], { cwd: folder }).code, 1);
  });

  test('warnings alone: 0 without --max-warnings, 1 only over the threshold', () => {
    const report = JSON.parse(runCli(['--format', 'json', 'old-version.iam.json'], { cwd: folder }).stdout) as JsonReport;
    assert.equal(report.errorCount, 0);
    const warnings = report.warningCount;
    assert.ok(warnings >= 1, 'old-version reports a warning');
    assert.equal(runCli(['old-version.iam.json'], { cwd: folder }).code, 0);
    assert.equal(runCli(['--max-warnings', String(warnings), 'old-version.iam.json'], { cwd: folder }).code, 0);
    const over = runCli(['--max-warnings', String(warnings - 1), 'old-version.iam.json'], { cwd: folder });
    assert.equal(over.code, 1);
    assert.match(over.stderr, /more than --max-warnings/);
    assert.ok(over.stderr.includes(`: ${warnings === 1 ? '1 warning' : `${warnings} warnings`}, more than`), 'the noun agrees with the count');
  });

  test('--quiet reports errors only, so warnings neither print nor count', () => {
    assert.deepEqual(runCli(['--quiet', '--max-warnings', '0', 'old-version.iam.json'], { cwd: folder }), { code: 0, stdout: '', stderr: '' });
    const errors = runCli(['--quiet', 'lowercase-effect.iam.json'], { cwd: folder });
    assert.equal(errors.code, 1);
    assert.doesNotMatch(errors.stdout, / warning /);
  });

  test('--rule changes what counts: an error turned off, a warning raised to error', () => {
    assert.equal(runCli(['--rule', 'invalid-effect=off', 'lowercase-effect.iam.json', '--format', 'json'], { cwd: folder }).stdout.includes('invalid-effect'), false);
    assert.equal(runCli(['--rule', 'old-version=error', 'old-version.iam.json'], { cwd: folder }).code, 1);
  });

  test('--policy-type applies to every file', () => {
    const report = JSON.parse(runCli(['--format', 'json', '--policy-type', 'scp', 'clean.iam.json'], { cwd: folder }).stdout) as JsonReport;
    assert.deepEqual([report.files[0]!.policyType, report.files[0]!.policyTypeSource], ['scp', 'explicit']);
  });

  test('2: bad usage or input (see input.test.ts for every kind)', () => {
    const run = runCli(['--format', 'xml', 'clean.iam.json'], { cwd: folder });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
  });
});
