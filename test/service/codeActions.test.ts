import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { CodeActionKind } from 'vscode-languageserver-types';
import { defaultSettings } from '../../shared/settings';
import { fixAllKind } from '../../server/src/service/codeActions';
import { modelOf, service, textAfterEdits } from '../support/service';

const options = { settings: defaultSettings };

suite('code actions', () => {
  test('a diagnostic gets its rule fix as a preferred quick fix, and the fix removes it', () => {
    const model = modelOf('{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}');
    const diagnostics = service.validate(model, options);
    const effect = diagnostics.filter((d) => d.code === 'invalid-effect');
    const actions = service.codeActions(model, effect, undefined, options);
    assert.equal(actions.length, 1);
    const [action] = actions;
    assert.equal(action!.kind, CodeActionKind.QuickFix);
    assert.equal(action!.isPreferred, true);
    assert.deepEqual(action!.diagnostics, effect);
    const fixed = textAfterEdits(model.document, action!.edit!.changes![model.document.uri]!);
    assert.equal(fixed, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
    assert.deepEqual(service.validate(modelOf(fixed), options).filter((d) => d.code === 'invalid-effect'), []);
  });

  test('a diagnostic from an older version (range no longer matching) gets no action', () => {
    const model = modelOf('{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}');
    const stale = { ...service.validate(model, options).find((d) => d.code === 'invalid-effect')!, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    assert.deepEqual(service.codeActions(model, [stale], undefined, options), []);
  });

  test('fix-all applies every safe fix at once', () => {
    const model = modelOf('{"Version":"2012-10-17","Statement":[{"Effect":"allow","Actions":"s3:GetObject","Resource":"*"},{"Effect":"deny","Action":"*","Resource":"*"}]}');
    const actions = service.codeActions(model, [], [CodeActionKind.SourceFixAll], options);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, fixAllKind);
    const fixed = textAfterEdits(model.document, actions[0]!.edit!.changes![model.document.uri]!);
    assert.equal(fixed, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*"}]}');
  });

  test('fix-all never gives an object the same key twice, even when each fix is right alone', () => {
    for (const text of [
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Actionn":"s3:GetObject","Actions":"s3:PutObject","Resource":"*"}]}',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:DisableAWSServiceAccess","Resource":"*","Condtion":{"StringEquals":{"organizations:ServicePrincipal":"backup.amazonaws.com"}}}]}',
    ]) {
      const model = modelOf(text);
      const [action] = service.codeActions(model, [], [CodeActionKind.SourceFixAll], options);
      assert.ok(action, 'fix-all is offered');
      const fixed = textAfterEdits(model.document, action.edit!.changes![model.document.uri]!);
      const statement = JSON.parse(fixed).Statement[0];
      const keys = [...fixed.matchAll(/"(\w+)":/g)].map((m) => m[1]);
      for (const key of ['Action', 'Condition']) assert.ok(keys.filter((k) => k === key).length <= 1, `${key} appears once in ${fixed}`);
      assert.ok(statement);
    }
  });

  test('only quick fixes when only quick fixes are asked for', () => {
    const model = modelOf('{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}');
    const diagnostics = service.validate(model, options);
    const kinds = service.codeActions(model, diagnostics, [CodeActionKind.QuickFix], options).map((a) => a.kind);
    assert.ok(kinds.length > 0);
    assert.ok(kinds.every((k) => k === CodeActionKind.QuickFix));
  });
});
