import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { CodeActionKind } from 'vscode-languageserver-types';
import { defaultSettings } from '../../shared/settings';
import type { Problem } from '../../server/src/rules/types';
import { codeActionsFor, fixAllKind } from '../../server/src/service/codeActions';
import { documentOf } from '../support/documents';
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
    const model = modelOf('{"Version":"2012-10-17","Statement":[{"Effect":"allow","action":"s3:GetObject","Resource":"*"},{"Effect":"deny","Action":"*","Resource":"*"}]}');
    const actions = service.codeActions(model, [], [CodeActionKind.SourceFixAll], options);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, fixAllKind);
    const fixed = textAfterEdits(model.document, actions[0]!.edit!.changes![model.document.uri]!);
    assert.equal(fixed, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*"}]}');
  });

  test('fix-all never gives an object the same key twice, even when each fix is right alone', () => {
    for (const text of [
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","action":"s3:GetObject","ACTION":"s3:PutObject","Resource":"*"}]}',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:DisableAWSServiceAccess","Resource":"*","condition":{"StringEquals":{"organizations:ServicePrincipal":"backup.amazonaws.com"}}}]}',
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

  test('every diagnostic gets the actions of the problems with its rule and range, in order; thousands in linear work (K15)', () => {
    // Problems of two rules, some sharing a range, over three lines; the request repeats one, leaves some out, has a
    // stale range and a numeric code.
    const lines = Array.from({ length: 3 }, (_, line) => 'x'.repeat(300 + line)).join('\r\n');
    const counted = documentOf(lines);
    let conversions = 0;
    const positionAt = counted.positionAt.bind(counted);
    counted.positionAt = (offset: number) => {
      conversions++;
      return positionAt(offset);
    };
    const problem = (ruleId: string, offset: number, length: number, title: string): Problem => ({
      ruleId,
      messageId: 'm',
      message: 'm',
      offset,
      length,
      severity: 'warning',
      fix: offset % 2 === 0 ? { title, edits: [{ offset, length, text: title }] } : undefined,
      suggestions: [{ title: `${title} (suggestion)`, edits: [{ offset, length: 0, text: '' }] }],
      tags: [],
    });
    const problems: Problem[] = [];
    for (let offset = 0; offset < lines.length - 3; offset += 3) {
      problems.push(problem('rule-a', offset, 2, `a${offset}`), problem(offset % 9 === 0 ? 'rule-a' : 'rule-b', offset, 2, `b${offset}`));
    }
    const toDiagnostic = (p: Problem) => ({ range: { start: positionAt(p.offset), end: positionAt(p.offset + p.length) }, message: p.message, code: p.ruleId });
    const requested = [
      ...problems.filter((_, i) => i % 5 !== 0).map(toDiagnostic),
      toDiagnostic(problems[7]!),
      { ...toDiagnostic(problems[3]!), range: { start: { line: 0, character: 1 }, end: { line: 9, character: 0 } } },
      { ...toDiagnostic(problems[4]!), code: 4 },
    ];
    // What pairing every diagnostic with every problem answered.
    const ranges = problems.map((p) => JSON.stringify(toDiagnostic(p).range));
    const expected = requested.flatMap((diagnostic) =>
      problems
        .filter((p, i) => p.ruleId === diagnostic.code && ranges[i] === JSON.stringify(diagnostic.range))
        .flatMap((p) => [...(p.fix ? [{ fix: p.fix, preferred: true }] : []), ...p.suggestions.map((fix) => ({ fix, preferred: false }))])
        .map(({ fix, preferred }) => [fix.title, preferred, diagnostic] as const),
    );
    conversions = 0;
    const actions = codeActionsFor(counted, problems, requested, [CodeActionKind.QuickFix]);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false, a.diagnostics![0]] as const), expected);
    assert.ok(expected.length > 500, `${expected.length} actions`);
    // Each problem's range once, plus each action's edits: not once per diagnostic and problem (~10^6).
    assert.ok(conversions <= 2 * problems.length + 2 * actions.length, `${conversions} offset conversions`);
  });
});
