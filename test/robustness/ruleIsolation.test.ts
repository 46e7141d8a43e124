/**
 * A rule that throws is isolated (issue #9), wherever the rules run: validation, quick fixes and fix-all. The others
 * still report and fix, and the service's log names the failing rule once. (test/service/validate.test.ts has the
 * basic case; these are the variations.)
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../shared/settings';
import { rules } from '../../server/src/rules';
import { defineRule, type Rule, type RuleContext } from '../../server/src/rules/types';
import { createPolicyService } from '../../server/src/service';
import { fixAllKind } from '../../server/src/service/codeActions';

const options = { settings: defaultSettings };
/** invalid-effect (with a safe fix) and invalid-policy-element (with a rename) on a policy that parses. */
const text = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Actions":"s3:GetObject","Resource":"*"}]}';

function failing(id: string, check: (context: RuleContext) => void, extra: Partial<Rule> = {}): Rule {
  return defineRule({ id, severity: 'error', summary: 'Fails on purpose.', messages: { found: 'found' }, check, ...extra });
}

function serviceWith(extra: readonly Rule[]) {
  const logged: string[] = [];
  const service = createPolicyService({ rules: [...extra, ...rules], log: (message) => logged.push(message) });
  const run = async (documentText: string, version = 1) => {
    const model = service.parse(TextDocument.create('file:///isolation/policy.iam.json', 'iam-policy', version, documentText), defaultSettings);
    const diagnostics = service.validate(model, options);
    const quickFixes = service.codeActions(model, diagnostics, undefined, options);
    const fixAll = service.codeActions(model, diagnostics, [fixAllKind], options);
    await service.complete(model, { line: 0, character: 40 });
    await service.hover(model, { line: 0, character: 3 }, options);
    service.documentSymbols(model);
    return { codes: diagnostics.map((d) => String(d.code)), quickFixes: quickFixes.map((a) => a.title), fixAll: fixAll.length };
  };
  return { logged, run };
}

/** How many lines of the log name the rule. */
function mentions(logged: readonly string[], id: string): number {
  return logged.filter((line) => line.includes(id)).length;
}

suite('a failing rule is isolated', () => {
  test('throwing in validation, quick fixes and fix-all: the others report and fix, the log names it once', async () => {
    const { logged, run } = serviceWith([failing('throws-always', () => { throw new Error('boom'); })]);
    for (let version = 1; version <= 3; version++) {
      const result = await run(text, version);
      assert.ok(result.codes.includes('invalid-effect') && result.codes.includes('invalid-policy-element'), result.codes.join(', '));
      assert.ok(!result.codes.includes('throws-always'));
      assert.ok(result.quickFixes.some((title) => /Allow/.test(title)), `quick fixes: ${result.quickFixes.join(', ')}`);
      assert.equal(result.fixAll, 1, 'fix-all is still offered');
    }
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.match(logged[0]!, /throws-always/);
    assert.match(logged[0]!, /boom/);
  });

  test('throwing something that is not an Error (a string, undefined, null, an object)', async () => {
    const thrown: unknown[] = ['a string', undefined, null, { reason: 'an object' }, 42];
    const broken = thrown.map((value, i) =>
      failing(`throws-value-${i}`, () => {
        throw value;
      }),
    );
    const { logged, run } = serviceWith(broken);
    for (let version = 1; version <= 2; version++) assert.ok((await run(text, version)).codes.includes('invalid-effect'));
    for (let i = 0; i < thrown.length; i++) assert.equal(mentions(logged, `throws-value-${i}`), 1, `throws-value-${i}: ${logged.join('\n')}`);
    assert.equal(logged.length, thrown.length);
  });

  test('throwing after reporting: the half-finished findings are dropped', async () => {
    const { logged, run } = serviceWith([
      failing('reports-then-throws', (context) => {
        context.report({ node: context.policy.root!, messageId: 'found' });
        throw new Error('after reporting');
      }),
    ]);
    const { codes } = await run(text);
    assert.ok(!codes.includes('reports-then-throws'), codes.join(', '));
    assert.ok(codes.includes('invalid-effect'));
    assert.equal(mentions(logged, 'reports-then-throws'), 1);
  });

  test('reporting an unknown message id, or neither a node nor a span, counts as a failure of that rule', async () => {
    const { logged, run } = serviceWith([
      failing('unknown-message', (context) => context.report({ node: context.policy.root!, messageId: 'nope' })),
      failing('nowhere', (context) => context.report({ messageId: 'found' })),
    ]);
    const { codes } = await run(text);
    assert.ok(!codes.includes('unknown-message') && !codes.includes('nowhere'), codes.join(', '));
    assert.ok(codes.includes('invalid-effect'));
    assert.equal(mentions(logged, 'unknown-message'), 1);
    assert.equal(mentions(logged, 'nowhere'), 1);
  });

  test('throwing on some documents only: logged at the first failure, never again; its findings elsewhere are kept', async () => {
    const { logged, run } = serviceWith([
      failing('throws-on-boom', (context) => {
        if (context.policy.text.includes('boom')) throw new Error('this one has boom');
        if (context.policy.root) context.report({ span: { offset: 0, length: 1 }, messageId: 'found' });
      }),
    ]);
    assert.ok((await run(text)).codes.includes('throws-on-boom'), 'reports on a document it can handle');
    const withBoom = text.replace('"Resource"', '"Sid":"boom","Resource"');
    assert.ok(!(await run(withBoom, 2)).codes.includes('throws-on-boom'));
    assert.ok((await run(text, 3)).codes.includes('throws-on-boom'), 'still reports afterwards');
    assert.ok(!(await run(withBoom, 4)).codes.includes('throws-on-boom'));
    assert.equal(mentions(logged, 'throws-on-boom'), 1, logged.join('\n'));
  });

  test('a rule that runs on broken JSON and throws does not hide the syntax error', async () => {
    const { logged, run } = serviceWith([failing('throws-on-syntax-errors', () => { throw new Error('broken'); }, { runsOnSyntaxErrors: true, runsOnNonPolicies: true })]);
    assert.deepEqual((await run('{"Statement": [')).codes, ['json-syntax-error']);
    assert.deepEqual((await run('{"name": "x"}', 2)).codes, ['not-a-policy']);
    assert.equal(mentions(logged, 'throws-on-syntax-errors'), 1);
  });

  test('each service logs its own failures once', async () => {
    const broken = failing('throws-per-service', () => { throw new Error('boom'); });
    const first = serviceWith([broken]);
    const second = serviceWith([broken]);
    await first.run(text);
    await second.run(text);
    await first.run(text, 2);
    assert.equal(mentions(first.logged, 'throws-per-service'), 1);
    assert.equal(mentions(second.logged, 'throws-per-service'), 1);
  });
});
