import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { assertOneLine, fixture, runCli, workspace, type JsonReport } from './cliProcess';

function lint(args: string[], cwd: string): { code: number | null; report: JsonReport; stderr: string } {
  const run = runCli(['--format', 'json', ...args], { cwd });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

function severityOf(report: JsonReport, path: string, ruleId: string): string | undefined {
  return report.files.find((f) => f.path === path)?.problems.find((p) => p.ruleId === ruleId)?.severity;
}

suite('CLI config file (.iampolicy.json)', () => {
  test('rule severities apply; --rule on the command line wins', () => {
    const folder = workspace({ 'a.iam.json': 'lowercase-effect.iam.json', '.iampolicy.json': { text: '{"rules": {"invalid-effect": "warning"}}' } });
    assert.equal(severityOf(lint(['a.iam.json'], folder).report, 'a.iam.json', 'invalid-effect'), 'warning');
    const overridden = lint(['--rule', 'invalid-effect=error', 'a.iam.json'], folder);
    assert.equal(severityOf(overridden.report, 'a.iam.json', 'invalid-effect'), 'error');
    assert.equal(overridden.code, 1);
  });

  test('neverAllow: a grant of a listed action is an error, in plain policies and in templates, also on worker threads', () => {
    const config = '{"neverAllow": {"actions": ["iam:CreateAccessKey"]}}';
    const granting = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "*"}]}';
    const template = ['Resources:', '  P:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', '        Version: "2012-10-17"', '        Statement:', '          - Effect: Allow', '            Action: iam:CreateAccessKey', '            Resource: "*"', ''].join('\n');
    const folder = workspace({ '.iampolicy.json': { text: config }, 'a.iam.json': { text: granting }, 'stack.yaml': { text: template }, 'other/b.iam.json': { text: granting.replace('CreateAccessKey', 'ListUsers') } });
    for (const env of [{}, { IAM_POLICY_LINT_WORKERS: '2' }] as Record<string, string>[]) {
      const run = runCli(['--format', 'json', 'a.iam.json', 'stack.yaml', 'other/b.iam.json'], { cwd: folder, env });
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.equal(run.code, 1);
      assert.equal(severityOf(report, 'a.iam.json', 'never-allowed-access'), 'error');
      assert.equal(severityOf(report, 'stack.yaml', 'never-allowed-access'), 'error');
      assert.equal(severityOf(report, 'other/b.iam.json', 'never-allowed-access'), undefined);
    }
    const invalid = runCli(['a.iam.json'], { cwd: workspace({ '.iampolicy.json': { text: '{"neverAllow": {"actions": ["CreateAccessKey"]}}' }, 'a.iam.json': { text: granting } }) });
    assert.equal(invalid.code, 2);
    assert.match(assertOneLine(invalid.stderr), /\.iampolicy\.json:1:\d+: neverAllow\.actions\[0\]: expected an action pattern/);
  });

  test('"off" turns a rule off', () => {
    const folder = workspace({ 'a.iam.json': 'lowercase-effect.iam.json', '.iampolicy.json': { text: '{"rules": {"invalid-effect": "off"}}' } });
    assert.equal(severityOf(lint(['a.iam.json'], folder).report, 'a.iam.json', 'invalid-effect'), undefined);
  });

  test('the nearest config wins, found by walking up from each file', () => {
    const folder = workspace({
      '.iampolicy.json': { text: '{"rules": {"invalid-effect": "off"}}' },
      'a.iam.json': 'lowercase-effect.iam.json',
      'team/.iampolicy.json': { text: '{"rules": {"invalid-effect": "hint"}}' },
      'team/deep/b.iam.json': 'lowercase-effect.iam.json',
    });
    const { report } = lint(['.'], folder);
    assert.equal(severityOf(report, 'a.iam.json', 'invalid-effect'), undefined);
    assert.equal(severityOf(report, 'team/deep/b.iam.json', 'invalid-effect'), 'hint');
    const fromSubfolder = lint(['deep'], `${folder}/team`);
    assert.equal(severityOf(fromSubfolder.report, 'deep/b.iam.json', 'invalid-effect'), 'hint');
  });

  test('policy-type globs and extra file patterns, relative to the config folder', () => {
    const folder = workspace({
      '.iampolicy.json': { text: JSON.stringify({ policyTypes: { 'org/*.json': 'scp' }, filePatterns: ['org/*.json'] }) },
      'org/deny.json': 'clean.iam.json',
      'org/notes.txt': { text: 'not a policy' },
      'other/deny.json': 'clean.iam.json',
    });
    const { report } = lint(['.'], folder);
    assert.deepEqual(
      report.files.map((f) => [f.path, f.policyType, f.policyTypeSource]),
      [
        ['org/deny.json', 'scp', 'setting'],
        ['other/deny.json', 'identity', 'default'],
      ],
      'org/deny.json is picked up and typed; other/deny.json matches no pattern but looks like a policy, as in the editor',
    );
    assert.equal(lint(['--policy-type', 'rcp', 'org/deny.json'], folder).report.files[0]!.policyType, 'rcp', 'the flag wins');
  });

  test('ignored paths are skipped in folders and globs; a named ignored file is reported on stderr', () => {
    const folder = workspace({
      '.iampolicy.json': { text: '{"ignore": ["build", "**/*.generated.iam.json"]}' },
      'ok.iam.json': 'clean.iam.json',
      'build/a.iam.json': 'lowercase-effect.iam.json',
      'src/b.generated.iam.json': 'lowercase-effect.iam.json',
    });
    const all = lint(['.'], folder);
    assert.deepEqual(all.report.files.map((f) => f.path), ['ok.iam.json']);
    assert.equal(all.code, 0);
    assert.deepEqual(lint(['**/*.json'], folder).report.files.map((f) => f.path), ['ok.iam.json']);
    const named = lint(['build/a.iam.json'], folder);
    assert.equal(named.code, 0);
    assert.deepEqual(named.report.files, []);
    assert.match(named.stderr, /build\/a\.iam\.json: ignored by \.iampolicy\.json/);
    const onlyIgnored = runCli(['build'], { cwd: folder });
    assert.equal(onlyIgnored.code, 2);
    assert.match(assertOneLine(onlyIgnored.stderr), /^iam-policy-lint: build: no policy files found .*1 ignored by \.iampolicy\.json/);
  });

  test('standard input uses the config of --stdin-filename, or of the working folder', () => {
    const folder = workspace({ '.iampolicy.json': { text: '{"rules": {"invalid-effect": "info"}, "policyTypes": {"trust/*.json": "trust"}}' } });
    const input = fixture('lowercase-effect.iam.json');
    const unnamed = JSON.parse(runCli(['--format', 'json', '-'], { cwd: folder, input }).stdout) as JsonReport;
    assert.equal(severityOf(unnamed, '<stdin>', 'invalid-effect'), 'info');
    const named = JSON.parse(runCli(['--format', 'json', '-', '--stdin-filename', 'trust/role.json'], { cwd: folder, input }).stdout) as JsonReport;
    assert.equal(named.files[0]!.policyType, 'trust');
  });

  const invalidConfigs: [string, string, RegExp][] = [
    ['unknown key', '{\n  "extends": "base"\n}', /\.iampolicy\.json:2:3: extends: unknown key/],
    ['bad severity', '{"rules": {"invalid-effect": "loud"}}', /\.iampolicy\.json:1:30: rules\.invalid-effect: expected one of error, warning, info, hint, off/],
    ['unknown rule', '{"rules": {"no-such-rule": "error"}}', /rules\.no-such-rule: unknown rule "no-such-rule"/],
    ['bad policy type', '{"policyTypes": {"*.json": "admin"}}', /policyTypes\["\*\.json"\]: expected one of identity, /],
    ['bad glob list', '{"ignore": "build"}', /ignore: expected an array of globs/],
    ['absolute glob', '{"filePatterns": ["/etc/*.json"]}', /filePatterns\[0\]: expected a glob relative to/],
    ['malformed JSON', '{"rules": {', /\.iampolicy\.json:\d+:\d+: \(syntax\): /],
    ['comments', '// settings\n{}', /\(syntax\): comments are not allowed/],
    ['not an object', '[]', /\(root\): expected a JSON object/],
    ['several problems', '{"a": 1, "b": 2}', /a: unknown key .*\(and 1 more\)$/],
  ];
  for (const [what, text, message] of invalidConfigs) {
    test(`an invalid config is exit 2 naming the file and the key: ${what}`, () => {
      const folder = workspace({ '.iampolicy.json': { text }, 'a.iam.json': 'clean.iam.json' });
      const run = runCli(['a.iam.json'], { cwd: folder });
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(assertOneLine(run.stderr), message);
    });
  }

  test('a config that is not valid UTF-8 is exit 2', () => {
    const folder = workspace({ '.iampolicy.json': { bytes: Uint8Array.from([0x7b, 0xff, 0x7d]) }, 'a.iam.json': 'clean.iam.json' });
    const run = runCli(['a.iam.json'], { cwd: folder });
    assert.equal(run.code, 2);
    assert.match(assertOneLine(run.stderr), /\.iampolicy\.json: not valid UTF-8/);
  });
});
