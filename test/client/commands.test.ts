/** The client's pure parts: command ids against the manifest, the policy-type setting entry, the template files. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { minimatch } from 'minimatch';
import * as commandIds from '../../client/src/commandIds';
import { globForFile, withPolicyType } from '../../client/src/policyTypeSetting';
import { fileNameFor, fileTemplatesOf, freeName } from '../../client/src/templateFiles';
import { defaultSettings } from '../../shared/settings';
import { policyTemplates } from '../../server/src/service/completion/policyTemplates';
import { choosePolicyType } from '../../server/src/policy/policyType';
import { repoPath } from '../support/paths';
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
    const options = { dot: true, matchBase: false, nocase: true };
    assert.ok(minimatch('/work/project/policies/app[1].json', glob, options));
    assert.ok(!minimatch('/work/project/policies/app1.json', glob, options));
    assert.equal(globForFile(undefined, '/tmp/a*.json'), '/tmp/a\\*.json');
    // And the server's own choice honours it.
    const model = modelOf('{"Statement": []}', 'file:///work/project/policies/app%5B1%5D.json');
    assert.deepEqual(choosePolicyType(model.document.uri, model, { policyTypes: { '*.json': 'resource', [glob]: 'scp' } }).type, 'resource');
    const written = withPolicyType({ '*.json': 'resource' }, glob, 'scp');
    assert.deepEqual(Object.keys(written), [glob, '*.json'], 'the file entry goes first, so it wins');
    assert.deepEqual(choosePolicyType(model.document.uri, model, { policyTypes: written as typeof defaultSettings.policyTypes }), { type: 'scp', source: 'setting' });
    assert.deepEqual(withPolicyType(written, glob, undefined), { '*.json': 'resource' });
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
});
