import assert from 'node:assert/strict';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { defaultSettings, type Settings } from '../../shared/settings';
import {
  configFileName,
  configSearchFolders,
  createProjectConfigLookup,
  isIgnoredBy,
  matchesExtraFilePattern,
  parseProjectConfig,
  policyTypeFromConfig,
  settingsForFile,
  type ProjectConfigFile,
} from '../../server/src/config/projectConfig';
import { choosePolicyType } from '../../server/src/policy/policyType';
import { parsePolicy } from '../../server/src/policy/parse';
import { TextDocument } from 'vscode-languageserver-textdocument';

const knownRules = new Set(['invalid-effect', 'missing-version', 'old-version']);
const root = join('/', 'repo');

function configFile(config: Partial<ProjectConfigFile['config']>, folder = root): ProjectConfigFile {
  return {
    path: join(folder, configFileName),
    folder,
    config: { rules: {}, policyTypes: {}, filePatterns: [], ignore: [], ...config },
    problems: [],
  };
}

suite('project config: parsing and validation', () => {
  test('a complete, valid file', () => {
    const { config, problems } = parseProjectConfig(
      JSON.stringify({
        $schema: 'https://example.com/schema.json',
        rules: { 'invalid-effect': 'warning', 'old-version': 'off' },
        policyTypes: { 'trust/*.json': 'trust', '*.bucket.json': 'resource' },
        filePatterns: ['policies/**/*.json'],
        ignore: ['build', 'vendor/**'],
      }),
      knownRules,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'invalid-effect': 'warning', 'old-version': 'off' },
      policyTypes: { 'trust/*.json': 'trust', '*.bucket.json': 'resource' },
      filePatterns: ['policies/**/*.json'],
      ignore: ['build', 'vendor/**'],
    });
  });

  test('an empty object is valid and changes nothing', () => {
    assert.deepEqual(parseProjectConfig('{}', knownRules), { config: { rules: {}, policyTypes: {}, filePatterns: [], ignore: [] }, problems: [] });
  });

  test('each problem names its key and points at it; valid entries are kept', () => {
    const text = `{
  "rules": { "invalid-effect": "loud", "no-such-rule": "error", "old-version": "warning" },
  "policyTypes": { "a/*.json": "admin", "/abs/*.json": "trust", "b\\\\sub.json": "scp", "../up/*.json": "scp", "ok/*.json": "scp" },
  "filePatterns": "x.json",
  "ignore": ["", 3, "fine/**"],
  "extends": "base"
}`;
    const { config, problems } = parseProjectConfig(text, knownRules);
    assert.deepEqual(
      problems.map((p) => p.key),
      [
        'rules.invalid-effect',
        'rules.no-such-rule',
        'policyTypes["a/*.json"]',
        'policyTypes["/abs/*.json"]',
        'policyTypes["b\\\\sub.json"]',
        'policyTypes["../up/*.json"]',
        'filePatterns',
        'ignore[0]',
        'ignore[1]',
        'extends',
      ],
    );
    for (const problem of problems) assert.ok(problem.length > 0 && problem.offset > 0, problem.key);
    assert.equal(text.slice(problems[0]!.offset, problems[0]!.offset + problems[0]!.length), '"loud"');
    assert.equal(text.slice(problems.at(-1)!.offset, problems.at(-1)!.offset + problems.at(-1)!.length), '"extends"');
    assert.match(problems[1]!.message, /unknown rule "no-such-rule"/);
    assert.deepEqual(config, { rules: { 'old-version': 'warning' }, policyTypes: { 'ok/*.json': 'scp' }, filePatterns: [], ignore: ['fine/**'] });
  });

  test('malformed JSON, comments, duplicate keys and a non-object root are problems', () => {
    assert.equal(parseProjectConfig('{"rules": {', knownRules).problems[0]!.key, '(syntax)');
    assert.equal(parseProjectConfig('{"rules": {},}', knownRules).problems[0]!.key, '(syntax)');
    assert.match(parseProjectConfig('// note\n{}', knownRules).problems[0]!.message, /comments/);
    assert.ok(parseProjectConfig('{"rules": {}, "rules": {}}', knownRules).problems.length > 0);
    for (const text of ['', '[]', '"rules"', '42']) {
      const { problems } = parseProjectConfig(text, knownRules);
      assert.equal(problems.length, 1, text);
      assert.equal(problems[0]!.key, '(root)', text);
    }
  });

  test('never throws on arbitrary text', () => {
    for (const text of ['{', '}', '{"rules": [1, 2]}', '{"policyTypes": null}', '{"ignore": [[]]}', '\u0000', '{"rules": {"invalid-effect": {}}}']) {
      assert.doesNotThrow(() => parseProjectConfig(text, knownRules), text);
    }
  });
});

suite('project config: paths and globs', () => {
  test('globs are relative to the config folder; a glob without "/" matches a name at any depth', () => {
    const file = configFile({ ignore: ['build', 'generated/**/*.json'], filePatterns: ['policies/*.json', '*.perm.json'] });
    assert.equal(isIgnoredBy(file, join(root, 'build', 'a.iam.json')), true);
    assert.equal(isIgnoredBy(file, join(root, 'x', 'build', 'deep', 'a.iam.json')), true);
    assert.equal(isIgnoredBy(file, join(root, 'build')), true);
    assert.equal(isIgnoredBy(file, join(root, 'generated', 'a', 'b.json')), true);
    assert.equal(isIgnoredBy(file, join(root, 'src', 'a.iam.json')), false);
    assert.equal(isIgnoredBy(file, join('/', 'elsewhere', 'build', 'a.json')), false, 'outside the config folder');
    assert.equal(matchesExtraFilePattern(file, join(root, 'policies', 'a.json')), true);
    assert.equal(matchesExtraFilePattern(file, join(root, 'other', 'policies', 'a.json')), false);
    assert.equal(matchesExtraFilePattern(file, join(root, 'deep', 'x.perm.json')), true);
    assert.equal(isIgnoredBy(undefined, join(root, 'build', 'a.json')), false);
  });

  test('a leading "./" anchors a glob at the config folder', () => {
    const file = configFile({ policyTypes: { './deploy.json': 'scp', './org/*.json': 'rcp' }, ignore: ['./build/'] });
    assert.equal(policyTypeFromConfig(file, join(root, 'deploy.json')), 'scp');
    assert.equal(policyTypeFromConfig(file, join(root, 'sub', 'deploy.json')), undefined, 'not a deploy.json below');
    assert.equal(policyTypeFromConfig(file, join(root, 'org', 'a.json')), 'rcp');
    assert.equal(isIgnoredBy(file, join(root, 'build', 'a.json')), true);
    assert.equal(isIgnoredBy(file, join(root, 'x', 'build', 'a.json')), false);
    assert.deepEqual(parseProjectConfig('{"policyTypes": {"./a.json": "scp"}, "ignore": ["./build/"]}', knownRules).problems, []);
  });

  test('"\\" escapes a glob character, so a file name with one is named exactly; any other "\\" is a problem', () => {
    const text = JSON.stringify({ policyTypes: { './app\\[1\\].json': 'scp', './x\\{a,b\\}\\*.json': 'rcp', 'a\\b.json': 'scp', 'trailing\\': 'scp' } });
    const { config, problems } = parseProjectConfig(text, knownRules);
    assert.deepEqual(problems.map((p) => p.key), ['policyTypes["a\\\\b.json"]', 'policyTypes["trailing\\\\"]']);
    for (const problem of problems) assert.match(problem.message, /folder separator/);
    const file = configFile({ policyTypes: config.policyTypes });
    assert.equal(policyTypeFromConfig(file, join(root, 'app[1].json')), 'scp');
    assert.equal(policyTypeFromConfig(file, join(root, 'app1.json')), undefined);
    assert.equal(policyTypeFromConfig(file, join(root, 'x{a,b}*.json')), 'rcp');
    assert.equal(policyTypeFromConfig(file, join(root, 'xa*.json')), undefined);
  });

  test('a trailing slash marks a folder glob', () => {
    const file = configFile({ ignore: ['out/'] });
    assert.equal(isIgnoredBy(file, join(root, 'out', 'a.iam.json')), true);
  });

  test('globs read like settings globs: extglobs are plain characters, dot files match, braces and sets work (K14)', () => {
    // minimatch read `+(a|aa)...` as an extglob (seconds on a 30-character name); the settings' matcher reads it as
    // plain characters, so the answer is immediate and the file named by the glob is the one that matches.
    const file = configFile({
      policyTypes: { '+(a|aa)+(a|aa)+(a|aa)b': 'trust', '+(a|aa)b.json': 'trust', '{scp,org}/[a-c]*.json': 'scp', '*.json': 'identity' },
      ignore: ['@(x|y)', '.hidden'],
      filePatterns: ['**/*.perm'],
    });
    assert.equal(policyTypeFromConfig(file, join(root, '+(a|aa)b.json')), 'trust');
    assert.equal(policyTypeFromConfig(file, join(root, 'aab.json')), 'identity');
    assert.equal(policyTypeFromConfig(file, join(root, `${'a'.repeat(30)}.json`)), 'identity');
    assert.equal(policyTypeFromConfig(file, join(root, 'a'.repeat(40))), undefined);
    assert.equal(policyTypeFromConfig(file, join(root, 'org', 'b1.json')), 'scp');
    assert.equal(policyTypeFromConfig(file, join(root, 'org', 'd1.json')), 'identity');
    assert.equal(policyTypeFromConfig(file, join(root, 'deep', '.dot.json')), 'identity', 'dot files included');
    assert.equal(isIgnoredBy(file, join(root, 'x', 'p.json')), false);
    assert.equal(isIgnoredBy(file, join(root, '@(x|y)', 'p.json')), true);
    assert.equal(isIgnoredBy(file, join(root, 'a', '.hidden', 'p.json')), true);
    assert.equal(matchesExtraFilePattern(file, join(root, '.config', 'a.perm')), true);
    assert.equal(matchesExtraFilePattern(file, join(root, 'a.perm')), true);
  });

  test('the first matching policy-type glob wins', () => {
    const file = configFile({ policyTypes: { 'org/scp/*.json': 'scp', 'org/**': 'rcp' } });
    assert.equal(policyTypeFromConfig(file, join(root, 'org', 'scp', 'deny.json')), 'scp');
    assert.equal(policyTypeFromConfig(file, join(root, 'org', 'other.json')), 'rcp');
    assert.equal(policyTypeFromConfig(file, join(root, 'team', 'x.json')), undefined);
  });

  test('the search goes from the file folder up to the root', () => {
    assert.deepEqual(configSearchFolders(join('/', 'a', 'b', 'c.json')), [join('/', 'a', 'b'), join('/', 'a'), '/']);
  });

  test('the lookup finds the nearest file, reads each folder once and can be cleared', () => {
    const reads: string[] = [];
    const files = new Map([
      [join(root, configFileName), '{"rules": {"old-version": "off"}}'],
      [join(root, 'team', configFileName), '{"rules": {"invalid-effect": "hint"}}'],
    ]);
    const lookup = createProjectConfigLookup((path) => {
      reads.push(path);
      return files.get(path);
    }, knownRules);
    assert.deepEqual(lookup.forPath(join(root, 'team', 'sub', 'a.json'))?.config.rules, { 'invalid-effect': 'hint' });
    assert.deepEqual(lookup.forPath(join(root, 'other', 'a.json'))?.config.rules, { 'old-version': 'off' });
    assert.equal(lookup.forPath(join('/', 'elsewhere', 'a.json')), undefined);
    const before = reads.length;
    lookup.forPath(join(root, 'team', 'sub', 'b.json'));
    assert.equal(reads.length, before, 'cached per folder');
    lookup.clear();
    lookup.forPath(join(root, 'team', 'sub', 'b.json'));
    assert.ok(reads.length > before, 'read again after clear()');
  });
});

suite('project config: merged under editor or command-line settings', () => {
  const path = join(root, 'trust', 'role.json');
  const document = TextDocument.create('file:///repo/trust/role.json', 'iam-policy', 1, '{"Version":"2012-10-17","Statement":[]}');
  const model = parsePolicy(document);

  test('without a config the settings are unchanged', () => {
    assert.equal(settingsForFile(defaultSettings, undefined, path), defaultSettings);
  });

  test('rule severities: the config fills in, the base settings win', () => {
    const file = configFile({ rules: { 'invalid-effect': 'warning', 'old-version': 'off' } });
    const base: Settings = { ...defaultSettings, rules: { 'invalid-effect': 'error' } };
    assert.deepEqual(settingsForFile(base, file, path).rules, { 'invalid-effect': 'error', 'old-version': 'off' });
  });

  test("policy type: the config's glob applies when no base glob matches", () => {
    const file = configFile({ policyTypes: { 'trust/*.json': 'trust' } });
    const settings = settingsForFile(defaultSettings, file, path);
    assert.deepEqual(choosePolicyType(document.uri, model, settings), { type: 'trust', source: 'setting' });
    const other = settingsForFile(defaultSettings, file, join(root, 'identity', 'role.json'));
    assert.deepEqual(other.policyTypes, {});
  });

  test('policy type: a matching base glob wins over the config', () => {
    const file = configFile({ policyTypes: { 'trust/*.json': 'trust' } });
    const base: Settings = { ...defaultSettings, policyTypes: { '**/trust/*.json': 'resource' } };
    const settings = settingsForFile(base, file, path);
    assert.deepEqual(choosePolicyType(document.uri, model, settings), { type: 'resource', source: 'setting' });
  });

  test('an explicit choice still wins over both', () => {
    const file = configFile({ policyTypes: { 'trust/*.json': 'trust' } });
    assert.equal(choosePolicyType(document.uri, model, settingsForFile(defaultSettings, file, path), 'scp').type, 'scp');
  });

  test('an ignored file gets no diagnostics; validate.enable=false in the base stays off', () => {
    const file = configFile({ ignore: ['trust'] });
    assert.equal(settingsForFile(defaultSettings, file, path).validate.enable, false);
    assert.equal(settingsForFile(defaultSettings, file, join(root, 'x.json')).validate.enable, true);
    const off: Settings = { ...defaultSettings, validate: { enable: false } };
    assert.equal(settingsForFile(off, configFile({}), path).validate.enable, false);
  });

  test('the size cap comes from the base settings', () => {
    const base: Settings = { ...defaultSettings, maxFileSize: 10 };
    assert.equal(settingsForFile(base, configFile({}), path).maxFileSize, 10);
  });
});

suite('project config: neverAllow', () => {
  test('actions, and optionally resources, reach the settings of every file under it', () => {
    const text = '{"neverAllow": {"actions": ["iam:CreateAccessKey", "s3:Delete*", "*"], "resources": ["arn:aws:s3:::backups/*", "*"]}}';
    const { config, problems } = parseProjectConfig(text, knownRules);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.neverAllow, { actions: ['iam:CreateAccessKey', 's3:Delete*', '*'], resources: ['arn:aws:s3:::backups/*', '*'] });
    const file = { ...configFile({}), config };
    assert.deepEqual(settingsForFile(defaultSettings, file, join(root, 'a.json')).neverAllow, config.neverAllow);
    assert.equal(settingsForFile(defaultSettings, configFile({}), join(root, 'a.json')).neverAllow, undefined);
    assert.deepEqual(parseProjectConfig('{"neverAllow": {"actions": ["sts:AssumeRole"]}}', knownRules).config.neverAllow, { actions: ['sts:AssumeRole'] });
  });

  test('each problem is located by its key', () => {
    const cases: [string, string, RegExp][] = [
      ['{"neverAllow": ["iam:*"]}', 'neverAllow', /expected an object with "actions"/],
      ['{"neverAllow": {}}', 'neverAllow', /expected "actions"/],
      ['{"neverAllow": {"actions": []}}', 'neverAllow.actions', /non-empty array of action patterns/],
      ['{"neverAllow": {"actions": ["iam:PassRole", "PassRole"]}}', 'neverAllow.actions[1]', /an action pattern such as/],
      ['{"neverAllow": {"actions": ["iam:PassRole", 3]}}', 'neverAllow.actions[1]', /expected a string, found a number/],
      ['{"neverAllow": {"actions": ["iam:PassRole"], "resources": ["backups"]}}', 'neverAllow.resources[0]', /an ARN pattern/],
      ['{"neverAllow": {"actions": ["iam:PassRole"], "principals": []}}', 'neverAllow.principals', /unknown key \(expected actions, resources\)/],
    ];
    for (const [text, key, message] of cases) {
      const { config, problems } = parseProjectConfig(text, knownRules);
      assert.equal(problems.length, 1, text);
      assert.equal(problems[0]!.key, key, text);
      assert.match(problems[0]!.message, message, text);
      assert.ok(problems[0]!.length > 0, text);
      if (key !== 'neverAllow.principals') assert.equal(config.neverAllow, undefined, `${text}: a list with a bad entry is not used`);
    }
  });
});
