/** Properties computed when first read (rules/shared/whenRead.ts): a problem's suggestions, a template problem's fix. */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { defineWhenRead } from '../../server/src/rules/shared/whenRead';

interface Item {
  readonly name: string;
  readonly value: number[];
  readonly other: string;
}

suite('defineWhenRead', () => {
  test('computes on the first read only, then holds a plain enumerable value', () => {
    let computed = 0;
    const item: Item = { name: 'a', value: [], other: 'x' };
    defineWhenRead(item, 'value', () => {
      computed++;
      return [1, 2];
    });
    assert.equal(computed, 0);
    assert.deepEqual(item.value, [1, 2]);
    assert.deepEqual(item.value, [1, 2]);
    assert.equal(computed, 1);
    const descriptor = Object.getOwnPropertyDescriptor(item, 'value')!;
    assert.equal(descriptor.get, undefined);
    assert.equal(descriptor.enumerable, true);
  });

  test('serialises and spreads like an eager object, in the same key order, with nothing else showing', () => {
    const item: Item = { name: 'a', value: [], other: 'x' };
    defineWhenRead(item, 'value', () => [3]);
    assert.equal(JSON.stringify(item), '{"name":"a","value":[3],"other":"x"}');
    const lazy: Item = { name: 'b', value: [], other: 'y' };
    defineWhenRead(lazy, 'value', () => [4]);
    assert.deepEqual(Object.keys({ ...lazy }), ['name', 'value', 'other']);
    assert.deepStrictEqual({ ...lazy }, { name: 'b', value: [4], other: 'y' });
  });

  test('one getter serves every object (no closure per object), and each object computes its own value', () => {
    const first: Item = { name: 'a', value: [], other: '' };
    const second: Item = { name: 'b', value: [], other: '' };
    defineWhenRead(first, 'value', () => [1]);
    defineWhenRead(second, 'value', () => [2]);
    defineWhenRead(second, 'other', () => 'two');
    const getter = (item: Item) => Object.getOwnPropertyDescriptor(item, 'value')!.get;
    assert.ok(getter(first));
    assert.equal(getter(first), getter(second));
    assert.deepEqual([first.value, second.value, second.other], [[1], [2], 'two']);
  });

  test('a computation that throws throws to the reader and is tried again on the next read', () => {
    let attempts = 0;
    const item: Item = { name: 'a', value: [], other: '' };
    defineWhenRead(item, 'value', () => {
      attempts++;
      if (attempts === 1) throw new Error('not yet');
      return [attempts];
    });
    assert.throws(() => item.value, /not yet/);
    assert.deepEqual(item.value, [2]);
  });
});
