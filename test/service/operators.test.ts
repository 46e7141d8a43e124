import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { getCatalog } from '../../server/src/catalog';
import { conditionOperators, parseOperator } from '../../server/src/policy/operators';
import { statementActions } from '../../server/src/policy/statementActions';
import { modelOf } from '../support/service';

suite('condition operators', () => {
  const cases: [string, string | undefined, string, boolean, string | undefined][] = [
    ['StringEquals', undefined, 'StringEquals', false, 'String'],
    ['ForAnyValue:StringLikeIfExists', 'ForAnyValue', 'StringLike', true, 'String'],
    ['ForAllValues:ArnLike', 'ForAllValues', 'ArnLike', false, 'ARN'],
    ['NullIfExists', undefined, 'Null', true, 'Null'],
    ['BoolIfExists', undefined, 'Bool', true, 'Bool'],
    ['stringequals', undefined, 'stringequals', false, undefined],
    ['IfExists', undefined, 'IfExists', false, undefined],
    ['ForAnyValues:StringEquals', undefined, 'ForAnyValues:StringEquals', false, undefined],
  ];
  for (const [text, qualifier, baseName, ifExists, family] of cases) {
    test(text, () => {
      const parsed = parseOperator(text);
      assert.deepEqual([parsed.qualifier, parsed.baseName, parsed.ifExists, parsed.operator?.family], [qualifier, baseName, ifExists, family]);
    });
  }

  test('every operator of the data has a family and a description', () => {
    assert.equal(conditionOperators.length, 27);
    for (const operator of conditionOperators) assert.ok(operator.family && operator.description, operator.name);
  });
});

suite('statement actions', () => {
  const catalog = getCatalog();

  test('Action wildcards are expanded and de-duplicated', () => {
    const model = modelOf('{"Statement":[{"Effect":"Allow","Action":["iam:Pass*","iam:PassRole","nope:Thing"],"Resource":"*"}]}');
    const result = statementActions(model.statements[0]!, catalog);
    assert.equal(result.isNotAction, false);
    assert.deepEqual(result.entries.map((e) => e.actions.length > 0), [true, true, false]);
    assert.deepEqual(result.actions.map((a) => a.fullName), ['iam:PassRole']);
    assert.equal(statementActions(model.statements[0]!, catalog), result, 'memoised per statement');
  });

  test('NotAction covers everything else', () => {
    const model = modelOf('{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}');
    const result = statementActions(model.statements[0]!, catalog);
    assert.equal(result.isNotAction, true);
    assert.ok(result.actions.length > 20_000);
    assert.ok(!result.actions.some((a) => a.service.prefix === 'iam'));
    assert.ok(result.actions.some((a) => a.fullName === 's3:GetObject'));
  });
});
