/**
 * Mapping positions in a decoded string value back to the document (rules/shared/stringOffsets.ts), and the variable rules
 * that use it on strings with many variables (known failure K4: the mapping was rebuilt per variable, so a string
 * with thousands of variables took seconds). The optimisation must not move a single range.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { defaultSettings } from '../../shared/settings';
import type { ASTNode } from '../../server/src/policy/model';
import { spanInString } from '../../server/src/rules/shared/stringOffsets';
import { modelOf, service } from '../support/service';

/** The definition: walk the raw text from the opening quote, one decoded code unit per step, for every call. */
function referenceSpan(text: string, node: ASTNode, start: number, end: number): { offset: number; length: number } {
  const offsets: number[] = [];
  const close = node.offset + node.length - 1;
  let i = node.offset + 1;
  while (i < close) {
    offsets.push(i);
    i += text[i] === '\\' ? (text[i + 1] === 'u' ? 6 : 2) : 1;
  }
  offsets.push(Math.min(i, close));
  const at = (n: number) => offsets[Math.min(n, offsets.length - 1)]!;
  return { offset: at(start), length: Math.max(0, at(end) - at(start)) };
}

/** Every string node of the document (keys and values). */
function stringNodes(node: ASTNode | undefined, into: ASTNode[] = []): ASTNode[] {
  if (!node) return into;
  if (node.type === 'string') into.push(node);
  else if (node.type === 'property') {
    stringNodes(node.keyNode, into);
    stringNodes(node.valueNode, into);
  } else if (node.type === 'object') node.properties.forEach((p) => stringNodes(p, into));
  else if (node.type === 'array') node.items.forEach((item) => stringNodes(item, into));
  return into;
}

/** The variable rules' findings as [rule, raw text of the range]. */
function variableFindings(text: string): [string, number, string][] {
  const model = modelOf(text);
  const { problems } = service.analyze(model, { settings: defaultSettings });
  return problems
    .filter((p) => /variable/.test(p.ruleId))
    .map((p): [string, number, string] => [p.ruleId, p.offset, text.slice(p.offset, p.offset + p.length)])
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

suite('offsets in strings', () => {
  test('every span of every string matches the definition: plain, escaped, \\u escapes, surrogate pairs, unterminated', () => {
    const text = [
      '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[',
      '"arn:aws:s3:::b/${aws:username}/*",',
      '"a\\"b\\\\c\\/d\\u0041\\u0024{aws:userid}e",',
      '"x\\uD83D\\uDE00y${}z",',
      '"",',
      '"\\n"',
      '],"Sid":"unterminated',
    ].join('');
    const model = modelOf(text);
    const nodes = stringNodes(model.root);
    assert.ok(nodes.length >= 10, `${nodes.length} string nodes`);
    for (const node of nodes) {
      const decoded = node.type === 'string' ? node.value.length : 0;
      // Twice over, so the second round reads whatever the first one kept.
      for (let round = 0; round < 2; round++) {
        for (let start = 0; start <= decoded + 1; start++) {
          for (let end = start; end <= decoded + 2; end++) {
            assert.deepEqual(spanInString(text, node, start, end), referenceSpan(text, node, start, end), `${JSON.stringify(text.slice(node.offset, node.offset + node.length))} [${start}, ${end})`);
          }
        }
      }
    }
  });

  test('thousands of variables in one string: each finding covers exactly its variable, escaped or not', () => {
    // Per repetition (in a condition value: a long Resource would be slow for other reasons, K5): a valid variable, a spaced name, an empty one, and the same spelled with \u escapes.
    const piece = 'p/${aws:username}/${ aws:userid}/${}/\\u0024{ s3:prefix}/\\u0024{}/';
    const count = 1_500;
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject${'${aws:username}'.repeat(count)}","Resource":"*","Condition":{"StringLike":{"s3:prefix":"${piece.repeat(count)}${'${unclosed'}"}}}]}`;
    const findings = variableFindings(text);
    const count3 = (rule: string, raw: string) => findings.filter(([r, , t]) => r === rule && t === raw).length;
    assert.equal(count3('unsupported-space-in-variable', '${ aws:userid}'), count);
    assert.equal(count3('unsupported-space-in-variable', '\\u0024{ s3:prefix}'), count);
    assert.equal(count3('empty-variable', '${}'), count);
    assert.equal(count3('empty-variable', '\\u0024{}'), count);
    assert.equal(count3('variable-unsupported-in-element', '${aws:username}'), count);
    assert.equal(count3('missing-brace-in-variable', '${unclosed'), 1);
    // Each finding at the offset of the raw token it names, in document order.
    const expected: [string, number, string][] = [];
    const expectAll = (rule: string, raw: string, from: number, to: number) => {
      for (let at = text.indexOf(raw, from); at >= 0 && at < to; at = text.indexOf(raw, at + raw.length)) expected.push([rule, at, raw]);
    };
    const condition = text.indexOf('"Condition"');
    expectAll('variable-unsupported-in-element', '${aws:username}', 0, condition);
    expectAll('unsupported-space-in-variable', '${ aws:userid}', condition, text.length);
    expectAll('unsupported-space-in-variable', '\\u0024{ s3:prefix}', condition, text.length);
    expectAll('empty-variable', '${}', condition, text.length);
    expectAll('empty-variable', '\\u0024{}', condition, text.length);
    expectAll('missing-brace-in-variable', '${unclosed', condition, text.length);
    expected.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    assert.deepEqual(findings, expected);
  });

  test('an edited document maps its own strings (nothing kept from the previous version)', () => {
    const before = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${}/${ a}"}]}';
    const after = before.replace('"arn:', '"\\u0061rn:');
    const shift = after.length - before.length;
    const moved = variableFindings(before).map(([rule, offset, raw]) => [rule, offset + shift, raw]);
    assert.equal(moved.length, 2);
    assert.deepEqual(variableFindings(after), moved);
  });
});
