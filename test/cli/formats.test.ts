import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../../server/src/rules/types';
import { assertOneLine, fixture, read, runCli, sarifSchemaErrors, workspace, type JsonReport } from './cliProcess';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
  properties: { messageId: string };
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
    invocations: { executionSuccessful: boolean; exitCode: number }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: SarifResult[];
  }[];
}

/** 1-based line and UTF-16 column of `needle` in `text`, as SARIF counts them. */
function sarifPosition(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} in fixture`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

interface ListedRule {
  id: string;
  severity: string;
  summary: string;
  docs: string;
}

function listedRules(cwd: string): ListedRule[] {
  return JSON.parse(runCli(['--list-rules', '--format', 'json'], { cwd }).stdout) as ListedRule[];
}

/** The start of an ANSI colour sequence. */
const escape = '\u001b';

const allFixtures = {
  'clean.iam.json': 'clean.iam.json',
  'lowercase-effect.iam.json': 'lowercase-effect.iam.json',
  'old-version.iam.json': 'old-version.iam.json',
  'astral.iam.json': 'astral.iam.json',
  'role.trust.json': 'role.trust.json',
};

suite('CLI output: text', () => {
  test('eslint-like: relative path, line:col, severity, message, rule id, summary; no colours when piped', () => {
    const folder = workspace({ 'policies/lowercase-effect.iam.json': 'lowercase-effect.iam.json', 'policies/clean.iam.json': 'clean.iam.json' });
    const run = runCli(['policies'], { cwd: folder });
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    assert.ok(!run.stdout.includes(escape), 'no ANSI escapes on a pipe');
    assert.ok(!run.stdout.includes(folder), 'paths are relative to the working folder');
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'policies/lowercase-effect.iam.json');
    const { line, column } = sarifPosition(fixture('lowercase-effect.iam.json'), '"allow"');
    assert.match(run.stdout, new RegExp(`\\n  ${line}:${column} +error +.+ +invalid-effect\\n`));
    assert.ok(!run.stdout.includes('clean.iam.json'), 'files without problems are not listed');
    assert.match(run.stdout, /✖ \d+ problems? \(\d+ errors?, \d+ warnings?(, \d+ info)?\)/);
    assert.match(run.stdout, /\n {2}(It is|All of them are|1 of them is|\d+ of them are) fixable with the `--fix` option/);
  });

  test('FORCE_COLOR turns colours on, NO_COLOR keeps them off', () => {
    const folder = workspace({ 'a.iam.json': 'lowercase-effect.iam.json' });
    assert.ok(runCli(['a.iam.json'], { cwd: folder, env: { FORCE_COLOR: '1' } }).stdout.includes(`${escape}[31m`));
    assert.ok(!runCli(['a.iam.json'], { cwd: folder, env: { NO_COLOR: '1' } }).stdout.includes(escape));
  });

  test('nothing to report prints nothing', () => {
    const folder = workspace({ 'clean.iam.json': 'clean.iam.json' });
    const run = runCli(['clean.iam.json'], { cwd: folder });
    assert.deepEqual(run, { code: 0, stdout: '', stderr: '' });
  });
});

suite('CLI output: JSON', () => {
  test('one entry per file with policy type, message ids, 0-based ranges and offsets into the text', () => {
    const folder = workspace(allFixtures);
    const run = runCli(['--format', 'json', '.'], { cwd: folder });
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['astral.iam.json', 'clean.iam.json', 'lowercase-effect.iam.json', 'old-version.iam.json', 'role.trust.json'],
    );
    const trust = report.files.find((f) => f.path === 'role.trust.json')!;
    assert.deepEqual([trust.policyType, trust.policyTypeSource], ['trust', 'file name']);
    const text = read(folder, 'lowercase-effect.iam.json');
    const problem = report.files.find((f) => f.path === 'lowercase-effect.iam.json')!.problems.find((p) => p.ruleId === 'invalid-effect')!;
    assert.equal(problem.severity, 'error');
    assert.equal(typeof problem.messageId, 'string');
    assert.equal(problem.fixable, true);
    assert.equal(text.slice(problem.offset, problem.offset + problem.length), '"allow"');
    const { line, column } = sarifPosition(text, '"allow"');
    assert.deepEqual(problem.range, { start: { line: line - 1, character: column - 1 }, end: { line: line - 1, character: column - 1 + 7 } });
    assert.equal(report.errorCount, report.files.flatMap((f) => f.problems).filter((p) => p.severity === 'error').length);
  });
});

suite('CLI output: SARIF 2.1.0', () => {
  test('the output of every fixture validates against the SARIF 2.1.0 schema', async () => {
    const folder = workspace(allFixtures);
    for (const name of Object.keys(allFixtures)) {
      const run = runCli(['--format', 'sarif', name], { cwd: folder });
      assert.deepEqual(await sarifSchemaErrors(run.stdout), [], name);
    }
    const all = runCli(['--format', 'sarif', '.'], { cwd: folder });
    assert.deepEqual(await sarifSchemaErrors(all.stdout), []);
  });

  test('the validator does reject what the schema forbids (so the check above means something)', async () => {
    const folder = workspace({ 'a.iam.json': 'lowercase-effect.iam.json' });
    const log = JSON.parse(runCli(['--format', 'sarif', 'a.iam.json'], { cwd: folder }).stdout) as SarifLog & { runs: { bogus?: number }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    log.runs[0]!.bogus = 1;
    assert.equal((await sarifSchemaErrors(JSON.stringify(log))).length, 3);
  });

  test('one rules entry per registered rule, with description, help URI and default level', () => {
    const folder = workspace({ 'clean.iam.json': 'clean.iam.json' });
    const run = runCli(['--format', 'sarif', 'clean.iam.json'], { cwd: folder });
    assert.equal(run.code, 0);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.equal(log.version, '2.1.0');
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'iam-policy-lint');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
    // Compared with the same build's --list-rules, so a registry changed since `npm run build` cannot skew it.
    const listed = listedRules(folder).sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(
      [...driver.rules].sort((a, b) => a.id.localeCompare(b.id)).map((r) => [r.id, r.shortDescription.text, r.helpUri, r.defaultConfiguration.level]),
      listed.map((r) => [r.id, r.summary, docsUrl(r.id), levels[r.severity]]),
    );
    assert.ok(listed.some((r) => r.id === 'invalid-effect'));
    assert.deepEqual(log.runs[0]!.results, []);
    assert.deepEqual(log.runs[0]!.invocations, [{ executionSuccessful: true, exitCode: 0, arguments: ['--format', 'sarif', 'clean.iam.json'], workingDirectory: { uri: `${pathToFileURL(folder).href}/` } }]);
  });

  test('results: rule index, level, relative URI with a base id, exact region, the exit code', () => {
    const folder = workspace({ 'team a/lowercase-effect.iam.json': 'lowercase-effect.iam.json' });
    const run = runCli(['--format', 'sarif', 'team a'], { cwd: folder });
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as SarifLog;
    const sarifRun = log.runs[0]!;
    assert.equal(sarifRun.invocations[0]!.exitCode, 1);
    assert.equal(sarifRun.invocations[0]!.executionSuccessful, true);
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(folder).href}/`);
    const result = sarifRun.results.find((r) => r.ruleId === 'invalid-effect')!;
    assert.equal(sarifRun.tool.driver.rules[result.ruleIndex]!.id, 'invalid-effect');
    assert.equal(result.level, 'error');
    assert.equal(typeof result.properties.messageId, 'string');
    const location = result.locations[0]!.physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'team%20a/lowercase-effect.iam.json', uriBaseId: '%SRCROOT%' });
    const { line, column } = sarifPosition(fixture('lowercase-effect.iam.json'), '"allow"');
    assert.deepEqual(location.region, { startLine: line, startColumn: column, endLine: line, endColumn: column + '"allow"'.length });
  });

  test('columns count UTF-16 code units: a character outside the BMP counts two', () => {
    const folder = workspace({ 'astral.iam.json': 'astral.iam.json' });
    const log = JSON.parse(runCli(['--format', 'sarif', 'astral.iam.json'], { cwd: folder }).stdout) as SarifLog;
    const text = fixture('astral.iam.json');
    const region = log.runs[0]!.results.find((r) => r.ruleId === 'invalid-effect')!.locations[0]!.physicalLocation.region;
    const expected = text.indexOf('"allow"') + 1;
    assert.ok([...text.slice(0, expected)].length < expected, 'the fixture has an astral character before the problem');
    assert.deepEqual(region, { startLine: 1, startColumn: expected, endLine: 1, endColumn: expected + 7 });
  });
});

suite('CLI: --version, --list-rules, --help', () => {
  const folder = workspace({});

  test('--version shows the tool version and the IAM data version and date', () => {
    const run = runCli(['--version'], { cwd: folder });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^iam-policy-lint \d+\.\d+\.\d+\nIAM data: @cloud-copilot\/iam-data \S+ \(\d{4}-\d{2}-\d{2}\)\n$/);
  });

  test('--list-rules lists every rule with its severity and summary, as text or JSON', () => {
    const text = runCli(['--list-rules'], { cwd: folder });
    assert.equal(text.code, 0);
    const json = listedRules(folder);
    assert.equal(text.stdout.trim().split('\n').length, json.length);
    for (const rule of json) {
      assert.ok(text.stdout.split('\n').some((line) => line.startsWith(`${rule.id} `) && line.includes(` ${rule.severity} `) && line.endsWith(rule.summary)), rule.id);
      assert.equal(rule.docs, docsUrl(rule.id));
    }
    for (const id of ['invalid-effect', 'json-syntax-error', 'missing-version']) assert.ok(json.some((r) => r.id === id), id);
    assert.equal(runCli(['--list-rules', '--format', 'sarif'], { cwd: folder }).code, 2);
  });

  test('--help prints the usage', () => {
    const run = runCli(['--help'], { cwd: folder });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: iam-policy-lint/);
    assert.match(run.stdout, /--stdin-filename/);
    assertOneLine(runCli(['--bogus'], { cwd: folder }).stderr);
  });
});
