import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ASTNode } from 'vscode-json-languageservice';
import { applyEdits, insertProperty, removeNode, removeNodes, removeProperty } from '../../server/src/rules/edits';
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
});
