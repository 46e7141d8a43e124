import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { modelOf, service } from '../support/service';

suite('document symbols', () => {
  test('statements by Sid, numbered when they have none', () => {
    const model = modelOf(
      '{"Version":"2012-10-17","Statement":[{"Sid":"ReadLogs","Effect":"Allow","Action":["logs:Get*","logs:Describe*"]},{"Effect":"Deny","NotAction":"iam:*"}]}',
    );
    const symbols = service.documentSymbols(model);
    assert.deepEqual(symbols.map((s) => s.name), ['Version', 'Statement']);
    assert.equal(symbols[0]!.detail, '2012-10-17');
    const statements = symbols[1]!.children!;
    assert.deepEqual(statements.map((s) => [s.name, s.detail]), [
      ['ReadLogs', 'Allow logs:Get* +1'],
      ['Statement 2', 'Deny NotAction iam:*'],
    ]);
  });

  test('nothing breaks on a non-object document', () => {
    assert.deepEqual(service.documentSymbols(modelOf('[1, 2')), []);
  });
});
