/**
 * The client's pure parts: command ids against the manifest, the policy-type entry in the settings and in
 * .iampolicy.json, the template files.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import * as commandIds from '../../client/src/commandIds';
import {
  configGlobForFile,
  configHasPolicyType,
  configWithPolicyType,
  globForFile,
  isEmptyObjectText,
  withPolicyType,
} from '../../client/src/policyTypeSetting';
import { parseProjectConfig, policyTypeFromConfig } from '../../server/src/config/projectConfig';
import { fileNameFor, fileTemplatesOf, freeName } from '../../client/src/templateFiles';
import { matchPathGlob } from '../../shared/pathGlob';
import { defaultSettings } from '../../shared/settings';
import { policyTemplates } from '../../server/src/service/completion/policyTemplates';
import { choosePolicyType } from '../../server/src/policy/policyType';
import { repoPath } from '../support/paths';
import { marksOf, resourceTemplate, unfilledPlaceholders } from '../../client/src/accessPlan';
import { checkAccess } from '../../server/src/service/accessCheck';
import { documentOf } from '../support/documents';
import { parsePolicy } from '../../server/src/policy/parse';
import { modelOf } from '../support/service';

const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { commands: { command: string; title: string; category: string }[]; menus: Record<string, { command: string }[]> };
};

suite('client commands', () => {
  test('every command the client registers is declared in the manifest, and only those', () => {
    const declared: string[] = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(declared, (Object.values(commandIds) as string[]).sort());
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'IAM Policy');
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(declared.includes(entry.command), `${menu}: ${entry.command}`);
    }
  });

  test('the policy-type entry matches the file the way the server matches globs, and only that file', () => {
    const glob = globForFile('policies/app[1].json', '/work/project/policies/app[1].json');
    assert.equal(glob, '**/policies/app\\[1\\].json');
    // The options the server reads the setting with (policy/policyType.ts).
    const options = { matchBase: true, ignoreCase: true };
    assert.ok(matchPathGlob(glob, '/work/project/policies/app[1].json', options));
    assert.ok(!matchPathGlob(glob, '/work/project/policies/app1.json', options));
    assert.equal(globForFile(undefined, '/tmp/a*.json'), '/tmp/a\\*.json');
    // And the server's own choice honours it.
    const model = modelOf('{"Statement": []}', 'file:///work/project/policies/app%5B1%5D.json');
    assert.deepEqual(choosePolicyType(model.document.uri, model, { policyTypes: { '*.json': 'resource', [glob]: 'scp' } }).type, 'resource');
    const written = withPolicyType({ '*.json': 'resource' }, glob, 'scp');
    assert.deepEqual(Object.keys(written), [glob, '*.json'], 'the file entry goes first, so it wins');
    assert.deepEqual(choosePolicyType(model.document.uri, model, { policyTypes: written as typeof defaultSettings.policyTypes }), { type: 'scp', source: 'setting' });
    assert.deepEqual(withPolicyType(written, glob, undefined), { '*.json': 'resource' });
  });

  test('the .iampolicy.json entry names the file from the config folder, and the server reads it so', () => {
    const glob = configGlobForFile('policies/app[1].json');
    assert.equal(glob, './policies/app\\[1\\].json');
    const text = configWithPolicyType(undefined, glob, 'scp')!;
    assert.equal(text, `{\n  "policyTypes": {\n    "./policies/app\\\\[1\\\\].json": "scp"\n  }\n}\n`);
    const { config, problems } = parseProjectConfig(text, new Set());
    assert.deepEqual(problems, []);
    const file = { path: '/p/.iampolicy.json', folder: '/p', config, problems };
    assert.equal(policyTypeFromConfig(file, '/p/policies/app[1].json'), 'scp');
    assert.equal(policyTypeFromConfig(file, '/p/policies/app1.json'), undefined);
    // A file at the top gets `./`: without it the glob would match the name in every folder below.
    const top = configWithPolicyType(undefined, configGlobForFile('deploy.json'), 'rcp')!;
    const topFile = { path: '/p/.iampolicy.json', folder: '/p', config: parseProjectConfig(top, new Set()).config, problems: [] };
    assert.equal(policyTypeFromConfig(topFile, '/p/deploy.json'), 'rcp');
    assert.equal(policyTypeFromConfig(topFile, '/p/sub/deploy.json'), undefined);
    for (const name of ['x{a,b}.json', 'p\\q{,}.json', '[!a]{x,y}*.json']) {
      const entry = configWithPolicyType(undefined, configGlobForFile(`policies/${name}`), 'scp')!;
      const parsed = parseProjectConfig(entry, new Set());
      assert.deepEqual(parsed.problems, [], name);
      assert.equal(policyTypeFromConfig({ path: '/p/.iampolicy.json', folder: '/p', ...parsed }, `/p/policies/${name}`), 'scp', name);
    }
  });

  test('the .iampolicy.json entry goes first, keeps the rest of the file and its indentation, and goes away whole', () => {
    const text = '{\n    "rules": { "old-version": "off" },\n    "policyTypes": { "org/*.json": "scp" },\n    "ignore": ["build"]\n}\n';
    const added = configWithPolicyType(text, './a.json', 'rcp')!;
    assert.deepEqual(JSON.parse(added), { rules: { 'old-version': 'off' }, policyTypes: { './a.json': 'rcp', 'org/*.json': 'scp' }, ignore: ['build'] });
    assert.deepEqual(Object.keys(JSON.parse(added)), ['rules', 'policyTypes', 'ignore'], 'keys keep their places');
    assert.match(added, /^\{\n {4}"rules"/);
    assert.ok(configHasPolicyType(added, './a.json'));
    const removed = configWithPolicyType(added, './a.json', undefined)!;
    assert.deepEqual(JSON.parse(removed), JSON.parse(text));
    assert.ok(!configHasPolicyType(removed, './a.json'));
    // Nothing to change: the same text, so the caller writes nothing.
    assert.equal(configWithPolicyType(text, './b.json', undefined), text);
    assert.equal(configWithPolicyType(undefined, './b.json', undefined), undefined);
    // The last entry of the last key: the file would be `{}`, so the answer is to delete it.
    assert.equal(configWithPolicyType('{"policyTypes": {"./a.json": "scp"}}', './a.json', undefined), undefined);
    assert.deepEqual(JSON.parse(configWithPolicyType('{"$schema": "x", "policyTypes": {"./a.json": "scp"}}', './a.json', undefined)!), { $schema: 'x' });
    // A file that is not a config object is not rewritten.
    assert.throws(() => configWithPolicyType('{"policyTypes": ', './a.json', 'scp'), SyntaxError);
    assert.throws(() => configWithPolicyType('[]', './a.json', 'scp'), SyntaxError);
    assert.throws(() => configWithPolicyType('{"policyTypes": []}', './a.json', 'scp'), SyntaxError);
    assert.equal(configHasPolicyType('{', './a.json'), false);
    // CRLF files stay CRLF.
    assert.match(configWithPolicyType('{\r\n  "rules": {}\r\n}\r\n', './a.json', 'scp')!, /^\{\r\n {2}"rules": \{\},\r\n/);
  });

  test('only a settings file holding nothing but {} counts as empty', () => {
    assert.ok(isEmptyObjectText('{}'));
    assert.ok(isEmptyObjectText('{\n}\n'));
    assert.ok(!isEmptyObjectText('{ "editor.tabSize": 2 }'));
    assert.ok(!isEmptyObjectText('{\n  // keep me\n}'));
    assert.ok(!isEmptyObjectText(''));
  });

  test('the policy-type entry escapes every glob character of a file name, braces included', () => {
    // minimatch's escape left `{a,b}` as braces: the entry for `{a,b}.json` matched a.json and b.json, not itself.
    const options = { matchBase: true, ignoreCase: true };
    for (const name of ['x{a,b}.json', 'x{1}[2]*?.json', 'p\\q{,}.json', '[!a]{x,y}*.json']) {
      const relative = `policies/${name}`;
      const absolute = `/work/project/${relative}`;
      for (const glob of [globForFile(relative, absolute), globForFile(undefined, absolute)]) {
        assert.ok(matchPathGlob(glob, absolute, options), `${glob} matches ${absolute}`);
        for (const other of ['xa.json', 'xb.json', 'x{1}[2]ab.json', 'x12ab.json', 'p\\q.json', 'b{x,y}.json', '[!a]x.json']) {
          if (other !== name) assert.ok(!matchPathGlob(glob, `/work/project/policies/${other}`, options), `${glob} does not match ${other}`);
        }
      }
    }
  });

  test('templates: the snippet file\'s file templates, named so the server reads their policy type', () => {
    const templates = fileTemplatesOf(readFileSync(repoPath('snippets', 'iam-policy.code-snippets'), 'utf8'));
    assert.deepEqual(templates.map((t) => t.name), policyTemplates.map((t) => t.name));
    for (const template of templates) {
      const expected = policyTemplates.find((t) => t.name === template.name)!.policyType;
      const uri = `untitled:${fileNameFor(template)}`;
      // Content decides for the untitled identity and trust ones: fill the body's tab stops crudely, keeping defaults.
      const text = template.body.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '').replace(/\\\$/g, '$');
      assert.equal(choosePolicyType(uri, modelOf(text, uri), defaultSettings).type, expected, template.name);
    }
    assert.equal(freeName('a.trust.json', new Set(['a.trust.json', 'a-2.trust.json'])), 'a-3.trust.json');
  });

  test('check access: the resource box starts from the action\'s ARN format and refuses unfilled placeholders', () => {
    assert.equal(resourceTemplate(['arn:${Partition}:s3:::${BucketName}/${ObjectName}', 'arn:${Partition}:s3:${Region}:x']), 'arn:aws:s3:::${BucketName}/${ObjectName}');
    assert.equal(resourceTemplate([]), '*');
    assert.deepEqual(unfilledPlaceholders('arn:aws:s3:::${BucketName}/${ObjectName}'), ['BucketName', 'ObjectName']);
    assert.deepEqual(unfilledPlaceholders('arn:aws:s3:::b/home/${aws:username}/*'), [], 'a policy variable is no placeholder');
  });

  test('check access: the answer\'s marks (deciding statements, others that apply, failed conditions) and the focus', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Sid: 'Office', Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
        { Sid: 'Tls', Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
      ],
    }, null, 2);
    const document = documentOf(text);
    const sources = [{ model: parsePolicy(document), type: 'identity' as const, name: 'policy.iam.json', toFileSpan: (span: { offset: number; length: number }) => span }];
    const allowed = marksOf(checkAccess(document, sources, { uri: document.uri, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: [['aws:SourceIp', '203.0.113.4']] }));
    // The Deny's condition did not hold either: that is why it did not apply.
    assert.deepEqual(allowed.marks.map((m) => m.kind), ['decidingAllow', 'failedCondition', 'failedCondition']);
    assert.match(allowed.marks[1]!.hover, /"Office".*NotIpAddress aws:SourceIp did not hold \(the value does not match\)/);
    assert.match(allowed.marks[2]!.hover, /Bool aws:SecureTransport did not hold \(the key is not in the request\)/);
    assert.equal(document.offsetAt(allowed.focus!.start), text.indexOf('{\n      "Sid": "Read"'));
    const denied = marksOf(checkAccess(document, sources, { uri: document.uri, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: [['aws:SourceIp', '198.51.100.1'], ['aws:SecureTransport', 'true']] }));
    assert.deepEqual(denied.marks.map((m) => m.kind), ['decidingDeny', 'applies', 'applies']);
    assert.match(denied.marks[0]!.hover, /^Deny statement 1 "Office" \(identity\) decides: Explicitly denied/);
    const none = marksOf(checkAccess(document, sources, { uri: document.uri, action: 'ec2:RunInstances', resource: '*' }));
    assert.deepEqual(none, { marks: [], focus: undefined });
  });
});
