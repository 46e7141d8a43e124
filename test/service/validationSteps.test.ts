/**
 * Validation in steps (what the language server slices) gives exactly what the one-call validation gives, one step
 * per rule that runs, nothing before the first step, and nothing remembered from a run that was stopped. The
 * analysis is remembered per model and options, so code actions after a validation do not run the rules again.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, type Settings } from '../../shared/settings';
import { rules } from '../../server/src/rules';
import { finish } from '../../server/src/rules/run';
import type { Rule } from '../../server/src/rules/types';
import { createPolicyService } from '../../server/src/service';
import { repoPath } from '../support/paths';
import { variedPolicy } from '../protocol/variedPolicy';

/** A service whose rules count their runs. */
function countingService() {
  const runs = new Map<string, number>();
  const counted = rules.map((rule): Rule => ({
    ...rule,
    check(context) {
      runs.set(rule.id, (runs.get(rule.id) ?? 0) + 1);
      rule.check(context);
    },
  }));
  const total = () => [...runs.values()].reduce((a, b) => a + b, 0);
  return { service: createPolicyService({ rules: counted }), runs, total };
}

const managed = repoPath('test/fixtures/managed-sample');
const documents: { name: string; text: string; uri: string }[] = [
  ...readdirSync(managed)
    .filter((name) => name.endsWith('.json'))
    .slice(0, 20)
    .map((name) => ({ name, text: readFileSync(`${managed}/${name}`, 'utf8'), uri: `file:///managed/${name}` })),
  { name: 'varied 20 KB', text: variedPolicy(20_000), uri: 'file:///varied/policy.iam.json' },
  { name: 'trust policy', text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}', uri: 'file:///t/role.trust.json' },
  { name: 'syntax error', text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow" "Action":"s3:*","Resource":"*"}', uri: 'file:///e/broken.iam.json' },
  { name: 'not a policy', text: '{"name":"x","version":"1.0.0"}', uri: 'file:///x/package.json' },
];

const settingsVariants: { name: string; settings: Settings }[] = [
  { name: 'defaults', settings: defaultSettings },
  { name: 'some rules off or re-levelled', settings: { ...defaultSettings, rules: { 'resource-mismatch': 'off', 'wildcard-resource': 'error', 'invalid-action': 'hint' } } },
];

suite('validation in steps', () => {
  test('the steps, run to the end, give exactly what validate gives (documents x settings x policy types)', () => {
    for (const document of documents) {
      for (const { name, settings } of settingsVariants) {
        for (const policyType of [undefined, 'identity', 'resource', 'scp'] as const) {
          // Two services so the second run cannot be answered from the first's memory.
          const oneCall = createPolicyService();
          const stepped = createPolicyService();
          const doc = () => TextDocument.create(document.uri, 'iam-policy', 1, document.text);
          const expected = oneCall.validate(oneCall.parse(doc(), settings), { settings, policyType });
          const actual = finish(stepped.validationSteps(stepped.parse(doc(), settings), { settings, policyType }));
          assert.deepEqual(actual, expected, `${document.name}, ${name}, ${policyType ?? 'type from the document'}`);
        }
      }
    }
  });

  test('one step per rule that runs, and no rule runs before the first step', () => {
    const { service, runs, total } = countingService();
    const model = service.parse(TextDocument.create('file:///v/p.iam.json', 'iam-policy', 1, variedPolicy(6_000)), defaultSettings);
    const steps = service.validationSteps(model, { settings: defaultSettings });
    assert.equal(total(), 0, 'creating the steps runs nothing');
    let count = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      count++;
      assert.equal(total(), count, 'each step runs exactly one rule');
    }
    assert.ok(count > 50, `${count} steps`);
    assert.ok([...runs.values()].every((n) => n === 1), 'no rule runs twice');
  });

  test('a run stopped half-way leaves nothing behind: the next validation runs every rule and matches', () => {
    const { service, total } = countingService();
    const reference = createPolicyService();
    const text = variedPolicy(10_000);
    const model = service.parse(TextDocument.create('file:///v/p.iam.json', 'iam-policy', 1, text), defaultSettings);
    const options = { settings: defaultSettings };
    const steps = service.validationSteps(model, options);
    for (let i = 0; i < 10; i++) steps.next();
    steps.return([]);
    assert.equal(total(), 10);
    const diagnostics = service.validate(model, options);
    assert.ok(total() > 20, 'the rules ran again');
    assert.deepEqual(diagnostics, reference.validate(reference.parse(TextDocument.create('file:///v/p.iam.json', 'iam-policy', 1, text), defaultSettings), options));
  });

  test('the analysis is remembered per model and options: validate then code actions run the rules once', () => {
    const { service, total } = countingService();
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}';
    const model = service.parse(TextDocument.create('file:///v/p.iam.json', 'iam-policy', 1, text), defaultSettings);
    const options = { settings: defaultSettings };
    const diagnostics = service.validate(model, options);
    const once = total();
    assert.ok(once > 0);
    const actions = service.codeActions(model, diagnostics, undefined, options);
    assert.ok(actions.some((action) => /Allow/.test(action.title)), 'the quick fix is still offered');
    assert.deepEqual(service.validate(model, { settings: defaultSettings }), diagnostics);
    assert.equal(total(), once, 'no rule ran again');
    // Other options, or another model of the same text (a new version), are analysed afresh.
    service.validate(model, { settings: { ...defaultSettings } });
    assert.equal(total(), 2 * once);
    service.validate(model, { settings: defaultSettings, policyType: 'resource' });
    assert.ok(total() > 2 * once);
    const before = total();
    service.validate(service.parse(TextDocument.create('file:///v/p.iam.json', 'iam-policy', 2, text), defaultSettings), options);
    assert.ok(total() > before);
  });

  test('a document over the size cap: one informational diagnostic, no step', () => {
    const { service, total } = countingService();
    const settings = { ...defaultSettings, maxFileSize: 10 };
    const model = service.parse(TextDocument.create('file:///v/p.iam.json', 'iam-policy', 1, '{"Version":"2012-10-17"}'), settings);
    const steps = service.validationSteps(model, { settings });
    const first = steps.next();
    assert.equal(first.done, true);
    assert.deepEqual((first.value as { code: string }[]).map((d) => d.code), ['file-too-large']);
    assert.equal(total(), 0);
  });
});
