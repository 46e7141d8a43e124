import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { Edit } from '../../server/src/rules/types';
import type { HostMapping, HostSequence, HostValue, HostWriter, JsonValue } from '../../server/src/hosts/types';
import { readYaml } from '../../server/src/hosts/yaml';
import { plainSafe, yamlWriter } from '../../server/src/hosts/yamlWriter';
import { hostToJson } from './yamlSupport';

function apply(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].offset + sorted[i].length <= sorted[i - 1].offset, 'edits overlap');
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
  return out;
}

function at(value: HostValue | undefined, path: (string | number)[]): HostValue {
  let node = value;
  for (const step of path) {
    if (typeof step === 'number') node = (node as HostSequence).items[step];
    else node = (node as HostMapping).entries.find((e) => e.key === step)?.value;
    assert.ok(node, `no ${step}`);
  }
  return node!;
}

type Operation = (writer: HostWriter, root: HostValue) => readonly Edit[] | undefined;

const replace = (path: (string | number)[], value: JsonValue): Operation => (w, r) => w.replaceValue(at(r, path), value);
const insertEntry = (path: (string | number)[], before: string | undefined, key: string, value: JsonValue): Operation => (w, r) => {
  const m = at(r, path) as HostMapping;
  return w.insertEntry(m, before === undefined ? undefined : m.entries.find((e) => e.key === before), key, value);
};
const removeEntries = (path: (string | number)[], ...keys: string[]): Operation => (w, r) => {
  const m = at(r, path) as HostMapping;
  return w.removeEntries(m, m.entries.filter((e) => keys.includes(e.key)));
};
const rename = (path: (string | number)[], from: string, to: string): Operation => (w, r) => {
  const m = at(r, path) as HostMapping;
  return w.renameKey(m, m.entries.find((e) => e.key === from)!, to);
};
const insertItems = (path: (string | number)[], index: number, ...values: JsonValue[]): Operation => (w, r) => w.insertItems(at(r, path) as HostSequence, index, values);
const removeItems = (path: (string | number)[], ...indexes: number[]): Operation => (w, r) => {
  const s = at(r, path) as HostSequence;
  return w.removeItems(s, indexes.map((i) => s.items[i]));
};

const tricky = ['*', 'arn:aws:s3:::b/*', 's3:*', 'a: b', 'a #b', '#x', '!Ref', '&a', '*a', '- x', 'true', 'yes', 'null', '123', '', "it's", 'x"y', '2012-10-17', '[a]', '{a}', 'a,b', ' lead', 'line\nbreak'];

/** [name, YAML, operation, expected JSON of the result, expected text (when the layout matters)]. */
const cases: [string, string, Operation, JsonValue, string?][] = [
  // replaceValue: scalars keep their quoting when they can.
  ['plain stays plain', 'Action: s3:GetObjet\n', replace(['Action'], 's3:GetObject'), { Action: 's3:GetObject' }, 'Action: s3:GetObject\n'],
  ['double stays double', 'Action: "s3:GetObjet"\n', replace(['Action'], 's3:GetObject'), { Action: 's3:GetObject' }, 'Action: "s3:GetObject"\n'],
  ['single stays single', "Action: 's3:GetObjet' # c\n", replace(['Action'], "s3:Get'Object"), { Action: "s3:Get'Object" }, "Action: 's3:Get''Object' # c\n"],
  ['plain that cannot stay plain is quoted', 'Action: x\n', replace(['Action'], '*'), { Action: '*' }, "Action: '*'\n"],
  ['a number into a quoted scalar is plain', 'V: "x"\n', replace(['V'], 12), { V: 12 }, 'V: 12\n'],
  ['null into an empty value', 'Action:\nEffect: Allow\n', replace(['Action'], 's3:*'), { Action: 's3:*', Effect: 'Allow' }, 'Action: s3:*\nEffect: Allow\n'],
  ['a block scalar replaced', 'A: |\n  x\nB: 1\n', replace(['A'], 'z'), { A: 'z', B: 1 }, 'A: z\nB: 1\n'],
  ['y is a YAML 1.1 boolean: quoted', 'A: x\n', replace(['A'], 'y'), { A: 'y' }, "A: 'y'\n"],
  // insertEntry before a complex key (a flow collection as key) goes after the last entry instead.
  ['an entry before a flow-sequence key goes last', 'M:\n  [a, b]: x\n  C: 1\n', insertEntry(['M'], '[a, b]', 'V', 'v'), { M: { '[a, b]': 'x', C: 1, V: 'v' } }, 'M:\n  [a, b]: x\n  C: 1\n  V: v\n'],
  ['a tagged value replaced by a literal', 'R: !Sub "arn:${B}"\n', replace(['R'], 'arn:aws:s3:::b'), { R: 'arn:aws:s3:::b' }, 'R: arn:aws:s3:::b\n'],
  ['inside a flow sequence', 'A: [x, y]\n', replace(['A', 1], 'a,b'), { A: ['x', 'a,b'] }, "A: [x, 'a,b']\n"],
  // replaceValue: collections.
  ['scalar to block list under a key', 'S:\n  Action: x\n  Effect: Allow\n', replace(['S', 'Action'], ['a', 'b']), { S: { Action: ['a', 'b'], Effect: 'Allow' } }, 'S:\n  Action:\n    - a\n    - b\n  Effect: Allow\n'],
  ['block list to block list keeps its column', 'A:\n- x\n- y\nB: 1\n', replace(['A'], ['z']), { A: ['z'], B: 1 }, 'A:\n- z\nB: 1\n'],
  ['zero-indented list to a mapping moves in', 'A:\n- x\nB: 1\n', replace(['A'], { k: 'v' }), { A: { k: 'v' }, B: 1 }, 'A:\n  k: v\nB: 1\n'],
  ['block mapping to a scalar comes up', 'A:\n  k: v\nB: 1\n', replace(['A'], 'x'), { A: 'x', B: 1 }, 'A: x\nB: 1\n'],
  ['a sequence item becomes a mapping (compact)', 'S:\n  - x\n  - y\n', replace(['S', 0], { Effect: 'Allow', Action: ['s3:*'] }), { S: [{ Effect: 'Allow', Action: ['s3:*'] }, 'y'] }, 'S:\n  - Effect: Allow\n    Action:\n      - s3:*\n  - y\n'],
  ['a flow list stays flow', 'A: [x]\n', replace(['A'], ['*', 'b']), { A: ['*', 'b'] }, "A: ['*', b]\n"],
  ['a tag content becomes flow', 'R: !If [C, a, b]\n', replace(['R', 'Fn::If', 1], ['p', 'q']), { R: { 'Fn::If': ['C', ['p', 'q'], 'b'] } }, 'R: !If [C, [p, q], b]\n'],
  ['a whole block collection emptied', 'A:\n  - x\nB: 1\n', replace(['A'], []), { A: [], B: 1 }, 'A: []\nB: 1\n'],
  // insertEntry.
  ['block: append', 'S:\n    Effect: Allow # c\n    Action: x\nT: 1\n', insertEntry(['S'], undefined, 'Resource', '*'), { S: { Effect: 'Allow', Action: 'x', Resource: '*' }, T: 1 }, "S:\n    Effect: Allow # c\n    Action: x\n    Resource: '*'\nT: 1\n"],
  ['block: before the first entry of a list item', '- Effect: Allow\n  Action: x\n', insertEntry([0], 'Effect', 'Sid', 'A'), [{ Sid: 'A', Effect: 'Allow', Action: 'x' }], '- Sid: A\n  Effect: Allow\n  Action: x\n'],
  ['block: before a later entry', 'a: 1\nb: 2\n', insertEntry([], 'b', 'c', { d: ['e'] }), { a: 1, c: { d: ['e'] }, b: 2 }, 'a: 1\nc:\n  d:\n    - e\nb: 2\n'],
  ['block: at the end of a file without a final line break', 'a: 1\nb: 2', insertEntry([], undefined, 'c', 3), { a: 1, b: 2, c: 3 }, 'a: 1\nb: 2\nc: 3'],
  ['flow: append', 'S: {Effect: Allow}\n', insertEntry(['S'], undefined, 'Action', 's3:*'), { S: { Effect: 'Allow', Action: 's3:*' } }, 'S: {Effect: Allow, Action: s3:*}\n'],
  ['flow: before', 'S: {Effect: Allow}\n', insertEntry(['S'], 'Effect', 'Sid', 'x'), { S: { Sid: 'x', Effect: 'Allow' } }],
  ['flow: into an empty mapping', 'S: {}\n', insertEntry(['S'], undefined, 'Action', ['a', 'b']), { S: { Action: ['a', 'b'] } }, 'S: {Action: [a, b]}\n'],
  // removeEntries.
  ['block: a middle entry with its comment', 'a: 1\nb: 2 # gone\n# kept\nc: 3\n', removeEntries([], 'b'), { a: 1, c: 3 }, 'a: 1\n# kept\nc: 3\n'],
  ['block: the first entry after a dash', '- Effect: Allow\n  Action: x\n  Resource: y\n', removeEntries([0], 'Effect', 'Action'), [{ Resource: 'y' }], '- Resource: y\n'],
  ['block: a multi-line value', 'a:\n  - x\n  - y\nb: 2\n', removeEntries([], 'a'), { b: 2 }, 'b: 2\n'],
  ['block: all of them', 'S:\n  a: 1\n  b: 2\nT: 1\n', removeEntries(['S'], 'a', 'b'), { S: {}, T: 1 }, 'S: {}\nT: 1\n'],
  ['flow: first, middle, last', 'S: {a: 1, b: 2, c: 3, d: 4}\n', removeEntries(['S'], 'a', 'c', 'd'), { S: { b: 2 } }, 'S: {b: 2}\n'],
  // renameKey.
  ['block: plain key', 'Acton: x\n', rename([], 'Acton', 'Action'), { Action: 'x' }, 'Action: x\n'],
  ['quoted key keeps its quotes', '"Acton": x\n', rename([], 'Acton', 'Action'), { Action: 'x' }, '"Action": x\n'],
  ['flow key', 'S: {Acton: x}\n', rename(['S'], 'Acton', 'NotAction'), { S: { NotAction: 'x' } }],
  // insertItems.
  ['block: append keeps the indentation', 'A:\n    - a # c\n    - b\nB: 1\n', insertItems(['A'], 2, 'c', 'd'), { A: ['a', 'b', 'c', 'd'], B: 1 }, 'A:\n    - a # c\n    - b\n    - c\n    - d\nB: 1\n'],
  ['block: insert before the first', 'A:\n- a\n', insertItems(['A'], 0, { Effect: 'Deny' }), { A: [{ Effect: 'Deny' }, 'a'] }, 'A:\n- Effect: Deny\n- a\n'],
  ['block: nested compact list', 'A:\n  - - a\n    - b\n', insertItems(['A', 0], 0, 'z'), { A: [['z', 'a', 'b']] }],
  ['flow: middle', 'A: [a, c]\n', insertItems(['A'], 1, 'b'), { A: ['a', 'b', 'c'] }, 'A: [a, b, c]\n'],
  ['flow: into empty', 'A: []\n', insertItems(['A'], 0, 's3:*', '*'), { A: ['s3:*', '*'] }, "A: [s3:*, '*']\n"],
  // removeItems.
  ['block: some items', 'A:\n  - a\n  - b # c\n  # kept\n  - c\n', removeItems(['A'], 1), { A: ['a', 'c'] }, 'A:\n  - a\n  # kept\n  - c\n'],
  ['block: all items', 'A:\n  - a\n  - b\nB: 1\n', removeItems(['A'], 0, 1), { A: [], B: 1 }, 'A: []\nB: 1\n'],
  ['block: the inline first of a nested list', 'A:\n  - - a\n    - b\n', removeItems(['A', 0], 0), { A: [['b']] }, 'A:\n  - - b\n'],
  ['flow: last items', 'A: [a, b, c]\n', removeItems(['A'], 1, 2), { A: ['a'] }, 'A: [a]\n'],
  ['flow: all', 'A: [a, b]\n', removeItems(['A'], 0, 1), { A: [] }, 'A: []\n'],
];

for (const s of tricky) {
  cases.push([`tricky string ${JSON.stringify(s)} as a block value`, 'A: x\n', replace(['A'], s), { A: s }]);
  cases.push([`tricky string ${JSON.stringify(s)} in a flow list`, 'A: [x, y]\n', replace(['A', 0], s), { A: [s, 'y'] }]);
  cases.push([`tricky string ${JSON.stringify(s)} as a key`, 'A: x\n', rename([], 'A', s), { [s]: 'x' }]);
  cases.push([`tricky string ${JSON.stringify(s)} appended to a block list`, 'A:\n  - x\n', insertItems(['A'], 1, s), { A: ['x', s] }]);
}

function run(text: string, operation: Operation): string {
  const read = readYaml(text);
  assert.deepEqual(read.errors, []);
  const edits = operation(yamlWriter(text), read.documents[0].root!);
  assert.ok(edits, 'the writer refused');
  return apply(text, edits);
}

suite('yamlWriter: edits re-read as the expected value', () => {
  for (const [name, text, operation, expected, expectedText] of cases) {
    for (const [variant, source] of [['LF', text], ['CRLF', text.replace(/\n/g, '\r\n')]] as const) {
      test(`${name} (${variant})`, () => {
        const out = run(source, operation);
        const reread = readYaml(out);
        assert.deepEqual(reread.errors, [], out);
        assert.deepEqual(hostToJson(reread.documents[0].root), expected, out);
        if (expectedText !== undefined) assert.equal(out, variant === 'LF' ? expectedText : expectedText.replace(/\n/g, '\r\n'));
        assert.ok(!/^\t/m.test(out) && !/\n[ ]*\t/.test(out), 'no tab indentation');
      });
    }
  }
});

suite('yamlWriter: what it refuses', () => {
  test('an anchored node (an alias may refer to it)', () => {
    const text = 'a: &x 1\nb: *x\n';
    const root = readYaml(text).documents[0].root!;
    assert.equal(yamlWriter(text).replaceValue(at(root, ['a']), 2), undefined);
    assert.equal(yamlWriter(text).removeEntries(root as HostMapping, [(root as HostMapping).entries[0]]), undefined);
  });
  test("a tag's own key", () => {
    const text = 'a: !Ref X\n';
    const tagged = at(readYaml(text).documents[0].root, ['a']) as HostMapping;
    assert.equal(yamlWriter(text).renameKey(tagged, tagged.entries[0], 'Fn::Sub'), undefined);
    assert.equal(yamlWriter(text).insertEntry(tagged, undefined, 'x', 1), undefined);
  });
  test('anything in a file with a lone CR (a line break to YAML, not to the line arithmetic)', () => {
    const text = 'a: 1\nb:\r c\n';
    const root = readYaml(text).documents[0].root as HostMapping;
    assert.equal(yamlWriter(text).replaceValue(at(root, ['a']), 2), undefined);
    assert.equal(yamlWriter(text).insertEntry(root, undefined, 'x', 1), undefined);
    assert.ok(yamlWriter(text.replace('\r', '')).replaceValue(at(readYaml(text.replace('\r', '')).documents[0].root, ['a']), 2));
  });
  test('an implied node', () => {
    assert.equal(yamlWriter('a: 1\n').replaceValue({ kind: 'scalar', value: 'x', span: { offset: 0, length: 0 }, implied: true }, 'y'), undefined);
  });
  test('an entry in a mapping whose first key has a tag before it on its line (host fuzz case 8892)', () => {
    const text = 'doc:\n  !Ref \\Version: "2012-10-17"\n  Statement: []\n';
    const mapping = at(readYaml(text).documents[0].root, ['doc']) as HostMapping;
    assert.equal(mapping.kind, 'mapping');
    assert.equal(yamlWriter(text).insertEntry(mapping, mapping.entries[0], 'Version', '2012-10-17'), undefined);
    assert.equal(yamlWriter(text).insertEntry(mapping, undefined, 'Id', 'x'), undefined);
    const plain = 'doc:\n  Statement: []\n';
    const plainMapping = at(readYaml(plain).documents[0].root, ['doc']) as HostMapping;
    assert.ok(yamlWriter(plain).insertEntry(plainMapping, plainMapping.entries[0], 'Version', '2012-10-17'));
  });
});

suite('yamlWriter: nodes rebuilt by another host are found by their span', () => {
  test('an opaque value with the span of a tagged node', () => {
    const text = 'R: !GetAtt B.Arn\n';
    const tagged = at(readYaml(text).documents[0].root, ['R']);
    const opaque: HostValue = { kind: 'opaque', span: tagged.span, text: '!GetAtt B.Arn' };
    assert.equal(apply(text, yamlWriter(text).replaceValue(opaque, '*')!), "R: '*'\n");
  });
  test('a copied sequence', () => {
    const text = 'A:\n  - a\n';
    const seq = at(readYaml(text).documents[0].root, ['A']) as HostSequence;
    assert.equal(apply(text, yamlWriter(text).insertItems({ ...seq }, 1, ['b'])!), 'A:\n  - a\n  - b\n');
  });
});

suite('plainSafe', () => {
  const table: [string, boolean, boolean][] = [
    ['s3:GetObject', true, true],
    ['arn:aws:s3:::b/*', true, true],
    ['*', false, false],
    ['yes', false, false],
    ['Yes', false, false],
    ['null', false, false],
    ['123', false, false],
    ['2012-10-17', false, false],
    ['a: b', false, false],
    ['a #b', false, false],
    ['a,b', true, false],
    ['-x', false, false],
    ['', false, false],
    ['Allow', true, true],
  ];
  for (const [s, block, flow] of table) {
    test(JSON.stringify(s), () => {
      assert.equal(plainSafe(s, false), block);
      assert.equal(plainSafe(s, true), flow);
    });
  }
});
