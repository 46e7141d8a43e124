/** What the fixes read from a document's layout (rules/shared/edits.ts, policySize.ts), read in one pass. */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { indentUnit } from '../../server/src/rules/shared/edits';
import { countedCharacters } from '../../server/src/rules/shared/policySize';

/** The rule indentUnit has always followed, written as plainly as possible: a tab on any line wins. */
function expectedUnit(text: string): string {
  if (/^\t/m.test(text)) return '\t';
  const runs = [...text.matchAll(/^( +)\S/gmu)].map((m) => m[1]!.length);
  return runs.length ? ' '.repeat(Math.min(...runs)) : '  ';
}

suite('document layout', () => {
  test('the indentation unit: a tab when any line starts with one, else the smallest run of spaces before text', () => {
    const table: string[] = [
      '{}',
      '{\n  "a": 1\n}',
      '{\n    "a": {\n        "b": 1\n    }\n}',
      '{\n    "a": 1,\n  "b": 2\n}',
      '{\n\t"a": 1\n}',
      '{\n    "a": 1,\n\t"b": 2\n}',
      '{\r\n   "a": 1\r\n}',
      '{\r\t"a": 1}',
      '{\u2028 "a": 1}',
      '{\n   \n  "a": 1\n}',
      '{\n      \n}',
      '\t{}',
      ' ',
      '',
    ];
    for (const text of table) assert.equal(indentUnit(text), expectedUnit(text), JSON.stringify(text));
  });

  test('counted characters leave out spaces, tabs and line breaks; a long document asked twice gives the same', () => {
    assert.equal(countedCharacters(' {\t"a" :\r\n 1 } '), 7);
    const long = `{"Statement": [${'{"Effect": "Allow"},\n'.repeat(400)}]}`;
    const counted = long.replace(/[ \t\r\n]/g, '').length;
    assert.equal(countedCharacters(long), counted);
    assert.equal(countedCharacters(long), counted);
    assert.equal(countedCharacters(`${long} x`), counted + 1, 'another text is counted afresh');
  });
});
