/**
 * Findings of one root cause on one node are one diagnostic (#15): the most specific leads, the others are its related
 * information, their remedies are still offered, and the analysis (what the CLI prints) keeps every problem.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultSettings } from '../../shared/settings';
import { rules } from '../../server/src/rules';
import type { Problem } from '../../server/src/rules/types';
import { foldingOrder, foldProblems } from '../../server/src/service/folding';
import { modelOf, service } from '../support/service';

const options = { settings: defaultSettings };
const iamStar = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}';

const problem = (ruleId: string, offset: number, severity: Problem['severity'] = 'warning'): Problem => ({
  ruleId,
  messageId: 'm',
  message: `${ruleId} says`,
  offset,
  length: 5,
  severity,
  suggestions: [],
  tags: [],
});

suite('folding findings of one cause', () => {
  test('every rule in the folding order is a rule of the registry', () => {
    const ids = new Set(rules.map((rule) => rule.id));
    assert.deepEqual(foldingOrder.filter((id) => !ids.has(id)), []);
    assert.equal(new Set(foldingOrder).size, foldingOrder.length);
  });

  test('"iam:*" on "*": one diagnostic, privilege-escalation, with the others as related information', () => {
    const model = modelOf(iamStar);
    const analysis = service.analyze(model, options);
    const onAction = analysis.problems.filter((p) => iamStar.slice(p.offset, p.offset + p.length) === '"iam:*"');
    assert.ok(onAction.length >= 8, onAction.map((p) => p.ruleId).join(', '));
    assert.deepEqual(onAction.filter((p) => !foldingOrder.includes(p.ruleId)), []);
    const diagnostics = service.validate(model, options).filter((d) => d.range.start.character === iamStar.indexOf('"iam:*"'));
    assert.equal(diagnostics.length, 1);
    const [shown] = diagnostics;
    assert.equal(shown!.code, 'privilege-escalation');
    assert.equal(shown!.severity, DiagnosticSeverity.Warning);
    const related = shown!.relatedInformation ?? [];
    assert.deepEqual(
      related.map((r) => r.message.split(':')[0]).sort(),
      onAction.filter((p) => p.ruleId !== 'privilege-escalation').map((p) => p.ruleId).sort(),
    );
    for (const r of related) {
      assert.deepEqual(r.location.range, shown!.range);
      assert.equal(r.location.uri, model.document.uri);
    }
  });

  test('the folded problems\' remedies are offered on the diagnostic that leads', () => {
    const model = modelOf(iamStar);
    const [shown] = service.validate(model, options).filter((d) => d.code === 'privilege-escalation');
    const titles = service.codeActions(model, [shown!], undefined, options).map((a) => a.title);
    const expected = service
      .analyze(model, options)
      .problems.filter((p) => p.offset === service.analyze(model, options).problems.find((q) => q.ruleId === 'privilege-escalation')!.offset)
      .flatMap((p) => [...(p.fix ? [p.fix] : []), ...p.suggestions].map((f) => f.title));
    assert.ok(expected.length > 0, 'some folded problem has a remedy');
    assert.deepEqual(titles.sort(), expected.sort());
  });

  test('a warning is never hidden behind an info: the highest severity leads, then the most specific', () => {
    const shown = foldProblems([problem('credentials-exposure', 10, 'info'), problem('wildcard-action', 10), problem('missing-mfa', 10)]);
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.problem.ruleId, 'wildcard-action');
    assert.deepEqual(shown[0]!.folded.map((p) => p.ruleId), ['missing-mfa', 'credentials-exposure']);
  });

  test('other ranges, and rules outside the order, are never folded; the order of the problems is kept', () => {
    const problems = [problem('invalid-action', 10, 'error'), problem('wildcard-action', 10), problem('missing-mfa', 20), problem('wildcard-action', 30), problem('privilege-escalation', 30)];
    assert.deepEqual(
      foldProblems(problems).map(({ problem: p, folded }) => [p.ruleId, p.offset, folded.map((f) => f.ruleId)]),
      [
        ['invalid-action', 10, []],
        ['wildcard-action', 10, []],
        ['missing-mfa', 20, []],
        ['privilege-escalation', 30, ['wildcard-action']],
      ],
    );
  });
});
