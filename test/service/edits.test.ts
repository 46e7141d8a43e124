import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ASTNode } from 'vscode-json-languageservice';
import { applyEdits, indentationAt, insertProperty, lineBreak, removeNode, removeNodes, removeProperty } from '../../server/src/rules/shared/edits';
import { modelOf } from '../support/service';

function rootOf(text: string) {
  const root = modelOf(text).root;
  assert.ok(root?.type === 'object');
  return root;
}

function insert(text: string, key: string, value: string, where: 'first' | 'last' = 'last'): string {
  return applyEdits(text, [insertProperty(text, rootOf(text), key, value, where)]);
}

function remove(text: string, pick: (root: ASTNode & { type: 'object' }) => ASTNode): string {
  return applyEdits(text, [removeNode(pick(rootOf(text)))]);
}

suite('edits', () => {
  test('insert into a one-line object stays on one line', () => {
    assert.equal(insert('{"a": 1}', 'b', '2'), '{"a": 1, "b": 2}');
    assert.equal(insert('{"a": 1}', 'b', '2', 'first'), '{"b": 2, "a": 1}');
    assert.equal(insert('{}', 'b', '2'), '{ "b": 2 }');
  });

  test('insert into a multi-line object follows its indentation and line breaks', () => {
    assert.equal(insert('{\n    "a": 1\n}', 'b', '2'), '{\n    "a": 1,\n    "b": 2\n}');
    assert.equal(insert('{\r\n\t"a": 1\r\n}', 'b', '2', 'first'), '{\r\n\t"b": 2,\r\n\t"a": 1\r\n}');
    assert.equal(insert('{\n}', 'b', '2'), '{\n  "b": 2\n}');
  });

  test('remove takes the right comma and keeps the layout', () => {
    assert.equal(remove('{"a": 1, "b": 2, "c": 3}', (r) => r.properties[1]!), '{"a": 1, "c": 3}');
    assert.equal(remove('{"a": 1, "b": 2}', (r) => r.properties[1]!), '{"a": 1}');
    assert.equal(remove('{"a": 1, "b": 2}', (r) => r.properties[0]!), '{"b": 2}');
    assert.equal(remove('{ "a": 1 }', (r) => r.properties[0]!), '{}');
    assert.equal(remove('{\n  "a": 1,\n  "b": 2\n}', (r) => r.properties[0]!), '{\n  "b": 2\n}');
    assert.equal(remove('{\n  "a": 1,\n  "b": 2\n}', (r) => r.properties[1]!), '{\n  "a": 1\n}');
    assert.equal(remove('{"a": [1, 2, 3]}', (r) => (r.properties[0]!.valueNode as ASTNode & { type: 'array' }).items[1]!), '{"a": [1, 3]}');
  });

  test('removing several siblings at once: runs of neighbours, no overlapping edits, valid JSON', () => {
    const removeAll = (text: string, indexes: readonly number[]) => {
      const root = rootOf(text);
      const edits = removeNodes(indexes.map((i) => root.properties[i]!));
      const sorted = [...edits].sort((a, b) => a.offset - b.offset);
      sorted.forEach((edit, i) => assert.ok(i === 0 || sorted[i - 1]!.offset + sorted[i - 1]!.length <= edit.offset, 'edits do not overlap'));
      return applyEdits(text, edits);
    };
    const five = '{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}';
    assert.equal(removeAll(five, [1, 2]), '{"a": 1, "d": 4, "e": 5}');
    assert.equal(removeAll(five, [0, 2, 4]), '{"b": 2, "d": 4}');
    assert.equal(removeAll(five, [3, 4]), '{"a": 1, "b": 2, "c": 3}');
    assert.equal(removeAll(five, [0, 1, 3, 4]), '{"c": 3}');
    assert.equal(removeAll(five, [0, 1, 2, 3, 4]), '{}');
    assert.equal(removeAll('{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}', [1, 2]), '{\n  "a": 1\n}');
    assert.deepEqual(removeNodes([]), []);
  });

  test('removing a property removes every property with its key in the object (K13)', () => {
    const text = '{"Resource": "", "Effect": "Allow", "Resource": 1, "Action": "*", "Resource": []}';
    assert.equal(applyEdits(text, removeProperty(rootOf(text).properties[2]!)), '{"Effect": "Allow", "Action": "*"}');
    assert.equal(applyEdits('{"a": 1, "b": 2}', removeProperty(rootOf('{"a": 1, "b": 2}').properties[0]!)), '{"b": 2}');
  });

  test('overlapping edits are not applied twice over each other', () => {
    // The later edit is applied and the one overlapping it skipped, rather than both mangling the text.
    assert.equal(applyEdits('abcdef', [{ offset: 1, length: 3, text: 'X' }, { offset: 2, length: 1, text: 'Y' }]), 'abYdef');
  });

  test('indentation and line break answers are unchanged by walking back to the line break only and remembering', () => {
    // What the two answered before (a search per line-break character; a scan of the whole text per call).
    const indentationBefore = (text: string, offset: number) => {
      const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
      let end = lineStart;
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
      return text.slice(lineStart, end);
    };
    const lineBreakBefore = (text: string) => (text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : text.includes('\r') ? '\r' : '\n');
    const texts = [
      '{\r\n  "a": {\r\n\t  "b": 1\r\n  }\r\n}\r\n',
      '{\n    "a": [\n      1\n    ]\n}',
      '{\r  "a": 1,\r   "b": 2\r}',
      '  {"a": 1}',
      '{"a": 1}',
      '',
      ' ',
      '{\n  "mixed": 1,\r\n\t"x": 2,\r  "y": 3\n}\n  ',
    ];
    for (const text of texts) {
      assert.equal(lineBreak(text), lineBreakBefore(text), JSON.stringify(text));
      for (let offset = 0; offset <= text.length + 1; offset++) {
        // Offset 0 of a text that starts with a line break: the old search looked at index 0 too (lastIndexOf clamps
        // -1 to 0) and answered the next line's indentation. No node starts at a line break, so no fix asked it.
        if (offset === 0 && /^[\r\n]/.test(text)) continue;
        assert.equal(indentationAt(text, offset), indentationBefore(text, offset), `${JSON.stringify(text)} at ${offset}`);
      }
    }
    assert.equal(indentationAt('\n  x', 0), '');
    // Remembered per text: a different text (even one of the same length) gets its own answer.
    for (const text of ['a\r\nb', 'a\n\nb', 'a\r\rb', 'a\r\nb', 'abcd']) assert.equal(lineBreak(text), lineBreakBefore(text), JSON.stringify(text));
  });
});
