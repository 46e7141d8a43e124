import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultSettings, type Settings } from '../../shared/settings';
import { createPolicyService } from '../../server/src/service';
import { defineRule } from '../../server/src/rules/types';
import { rules } from '../../server/src/rules';
import { ranges } from '../support/markers';
import { modelOf, service } from '../support/service';

function validate(text: string, settings: Settings = defaultSettings, uri?: string) {
  const model = modelOf(text, uri, settings);
  return service.validate(model, { settings });
}

suite('validate', () => {
  test('the foundation issue example: invalid-effect, invalid-policy-element, missing-action (and missing-resource) at exact ranges', () => {
    const { text, spans } = ranges(
      '{"Version":"2012-10-17","Statement":[[|{|]"Effect":[|"allow"|],[|"Actions"|]:"s3:GetObject"}]}',
    );
    const diagnostics = validate(text);
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    // The statement has no Resource either, which is a finding of its own.
    assert.deepEqual([...byCode.keys()].sort(), ['invalid-effect', 'invalid-policy-element', 'missing-action', 'missing-resource']);
    const expect = (code: string, span: { offset: number; length: number }) => {
      const d = byCode.get(code)!;
      assert.deepEqual(d.range, { start: { line: 0, character: span.offset }, end: { line: 0, character: span.offset + span.length } }, code);
      assert.equal(d.source, 'iam-policy');
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.match(d.codeDescription!.href, new RegExp(`docs/rules/${code}\\.md$`));
    };
    expect('missing-action', spans[0]!);
    expect('invalid-effect', spans[1]!);
    expect('invalid-policy-element', spans[2]!);
    expect('missing-resource', spans[0]!);
  });

  test('malformed JSON gives exactly one syntax diagnostic, at the first error', () => {
    const { text, spans } = ranges('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" [|"Action"|]: "*"}\n  ]\n}');
    const diagnostics = validate(text);
    const syntax = diagnostics.filter((d) => d.code === 'json-syntax-error');
    assert.equal(syntax.length, 1);
    assert.deepEqual(syntax[0]!.range.start, { line: 3, character: spans[0]!.offset - text.lastIndexOf('\n', spans[0]!.offset) - 1 });
    assert.deepEqual(diagnostics.filter((d) => d.code === 'missing-action'), [], 'structure rules wait for valid JSON');
  });

  test('severity overrides and off', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}';
    const asWarning = validate(text, { ...defaultSettings, rules: { 'invalid-effect': 'warning' } });
    assert.equal(asWarning.find((d) => d.code === 'invalid-effect')?.severity, DiagnosticSeverity.Warning);
    const off = validate(text, { ...defaultSettings, rules: { 'invalid-effect': 'off' } });
    assert.equal(off.find((d) => d.code === 'invalid-effect'), undefined);
  });

  test('validate.enable false turns diagnostics off', () => {
    const text = '{"Statement":[{"Effect":"allow"}]}';
    assert.deepEqual(validate(text, { ...defaultSettings, validate: { enable: false } }), []);
  });

  test('a document over the size cap gets one informational diagnostic and no analysis', () => {
    const text = `{"Statement":[{"Effect":"allow","Action":"${'x'.repeat(200)}"}]}`;
    const diagnostics = validate(text, { ...defaultSettings, maxFileSize: 100 });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'file-too-large');
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Information);
  });

  test('a rule that throws is skipped and logged once; the others still report', () => {
    const logged: string[] = [];
    const broken = defineRule({
      id: 'broken-rule',
      severity: 'error',
      summary: 'Always throws.',
      messages: { never: 'never' },
      check() {
        throw new Error('boom');
      },
    });
    const withBroken = createPolicyService({ rules: [broken, ...rules], log: (m) => logged.push(m) });
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}';
    for (let i = 0; i < 3; i++) {
      const model = withBroken.parse(modelOf(text).document, defaultSettings);
      const codes = withBroken.validate(model, { settings: defaultSettings }).map((d) => d.code);
      assert.ok(codes.includes('invalid-effect'));
      assert.ok(!codes.includes('broken-rule'));
    }
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /broken-rule.*boom/s);
  });

  test('a valid policy has no findings from the structure rules', () => {
    const text = JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::example-bucket/*'] }] },
      null,
      2,
    );
    assert.deepEqual(validate(text).map((d) => d.code), []);
  });

  test('CRLF line endings keep ranges exact', () => {
    const text = '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [\r\n    {"Effect": "allow", "Action": "*", "Resource": "*"}\r\n  ]\r\n}';
    const d = validate(text).find((x) => x.code === 'invalid-effect')!;
    assert.deepEqual(d.range, { start: { line: 3, character: 15 }, end: { line: 3, character: 22 } });
  });
});
