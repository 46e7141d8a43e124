import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { fixture, read, runCli, workspace, type JsonReport } from './cliProcess';

const fixedEffect = fixture('lowercase-effect.iam.json').replace('"allow"', '"Allow"');

suite('CLI --fix', () => {
  test('applies the safe fixes in place; a second run changes nothing', () => {
    const folder = workspace({ 'policies/a.iam.json': 'lowercase-effect.iam.json', 'policies/clean.iam.json': 'clean.iam.json' });
    const first = runCli(['--fix', 'policies'], { cwd: folder });
    assert.equal(first.stderr, '');
    assert.equal(read(folder, 'policies/a.iam.json'), fixedEffect);
    assert.equal(read(folder, 'policies/clean.iam.json'), fixture('clean.iam.json'));
    assert.match(first.stdout, /Fixed 1 file\./);
    assert.doesNotMatch(first.stdout, /invalid-effect/, 'the fixed problem is not reported');

    const before = readFileSync(join(folder, 'policies/a.iam.json'));
    const second = runCli(['--fix', 'policies'], { cwd: folder });
    assert.deepEqual(readFileSync(join(folder, 'policies/a.iam.json')), before);
    assert.doesNotMatch(second.stdout, /Fixed/);
    assert.equal(second.code, first.code);
    assert.deepEqual(readdirSync(join(folder, 'policies')).sort(), ['a.iam.json', 'clean.iam.json'], 'no temporary files left');
  });

  test('keeps a byte order mark and the file mode', () => {
    const folder = workspace({ 'bom.iam.json': { text: `\ufeff${fixture('lowercase-effect.iam.json')}` } });
    chmodSync(join(folder, 'bom.iam.json'), 0o640);
    runCli(['--fix', 'bom.iam.json'], { cwd: folder });
    assert.equal(read(folder, 'bom.iam.json'), `\ufeff${fixedEffect}`);
    assert.equal(statSync(join(folder, 'bom.iam.json')).mode & 0o777, 0o640);
  });

  test('the exit code reflects what is left after fixing', () => {
    const folder = workspace({ 'a.iam.json': 'lowercase-effect.iam.json' });
    const before = runCli(['--format', 'json', 'a.iam.json'], { cwd: folder });
    assert.equal(before.code, 1);
    const fixed = runCli(['--fix', '--format', 'json', 'a.iam.json'], { cwd: folder });
    const report = JSON.parse(fixed.stdout) as JsonReport;
    assert.equal(report.files[0]!.fixed, true);
    assert.equal(fixed.code, report.errorCount > 0 ? 1 : 0);
    assert.equal(report.files[0]!.output, undefined, 'the fixed text is in the file, not in the report');
  });

  test('--fix-dry-run reports the fixed text and writes nothing', () => {
    const folder = workspace({ 'a.iam.json': 'lowercase-effect.iam.json' });
    const run = runCli(['--fix-dry-run', '--format', 'json', 'a.iam.json'], { cwd: folder });
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.files[0]!.fixed, true);
    assert.equal(report.files[0]!.output, fixedEffect);
    assert.equal(read(folder, 'a.iam.json'), fixture('lowercase-effect.iam.json'));
  });

  test('bad input anywhere stops the run before any file is written', () => {
    const folder = workspace({
      'policies/a.iam.json': 'lowercase-effect.iam.json',
      'policies/z.iam.json': { bytes: Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    });
    const run = runCli(['--fix', 'policies'], { cwd: folder });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /policies\/z\.iam\.json: not valid UTF-8/);
    assert.equal(read(folder, 'policies/a.iam.json'), fixture('lowercase-effect.iam.json'));
  });

  test('an invalid config stops the run before any file is written', () => {
    const folder = workspace({ 'a.iam.json': 'lowercase-effect.iam.json', 'sub/b.iam.json': 'lowercase-effect.iam.json' });
    writeFileSync(join(folder, 'sub/.iampolicy.json'), '{"rules": {"invalid-effect": "loud"}}');
    const run = runCli(['--fix', 'a.iam.json', 'sub'], { cwd: folder });
    assert.equal(run.code, 2);
    assert.equal(read(folder, 'a.iam.json'), fixture('lowercase-effect.iam.json'));
    assert.equal(read(folder, 'sub/b.iam.json'), fixture('lowercase-effect.iam.json'));
  });
});
