import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { HostEntry, HostMapping, HostScalar, HostSequence, HostValue, JsonValue } from '../../server/src/hosts/types';
import { readYaml, yamlLayout } from '../../server/src/hosts/yaml';
import { hostToJson, spanOf, textAt } from './yamlSupport';

const crlf = (s: string): string => s.replace(/\n/g, '\r\n');

/** [name, YAML, JSON of each document (undefined: an empty document)]. */
const conversions: [string, string, (JsonValue | undefined)[]][] = [
  ['block mapping and sequence', 'a: 1\nb:\n  - x\n  - y: z\n', [{ a: 1, b: ['x', { y: 'z' }] }]],
  ['flow collections', 'Statement: [{Effect: Allow, Action: [s3:GetObject, "s3:Put*"]}]\n', [{ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:Put*'] }] }]],
  ['core schema scalars', 'a: true\nb: yes\nc: no\nd: on\ne: off\nf: null\ng: ~\nh: 12\ni: 1.5\nj: "12"\nk: 2012-10-17\nl: 0x10\n', [
    { a: true, b: 'yes', c: 'no', d: 'on', e: 'off', f: null, g: null, h: 12, i: 1.5, j: '12', k: '2012-10-17', l: 16 },
  ]],
  ['empty value is null', 'Action:\nEffect: Allow\n', [{ Action: null, Effect: 'Allow' }]],
  ['block scalars', 'a: |\n  x\n  y\nb: >-\n  p\n  q\n', [{ a: 'x\ny\n', b: 'p q' }]],
  ['!Ref and !Condition', 'a: !Ref Bucket\nb: !Condition IsProd\n', [{ a: { Ref: 'Bucket' }, b: { Condition: 'IsProd' } }]],
  ['every other tag is Fn::', 'a: !Sub "arn:${AWS::Partition}:s3:::${B}/*"\nb: !ImportValue Out\nc: !Base64 x\nd: !GetAZs ""\ne: !Cidr [a, 1, 2]\nf: !Transform {Name: T}\ng: !ToJsonString {a: 1}\nh: !Length [1]\n', [
    {
      a: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${B}/*' },
      b: { 'Fn::ImportValue': 'Out' },
      c: { 'Fn::Base64': 'x' },
      d: { 'Fn::GetAZs': '' },
      e: { 'Fn::Cidr': ['a', 1, 2] }, // a tag on a collection leaves its items to the schema
      f: { 'Fn::Transform': { Name: 'T' } },
      g: { 'Fn::ToJsonString': { a: 1 } },
      h: { 'Fn::Length': [1] },
    },
  ]],
  ['!GetAtt keeps its scalar', 'a: !GetAtt Role.Arn\n', [{ a: { 'Fn::GetAtt': 'Role.Arn' } }]],
  ['nested tags in a block list', 'r: !If\n  - IsProd\n  - !Join ["", [a, !Ref B]]\n  - !Ref AWS::NoValue\n', [
    { r: { 'Fn::If': ['IsProd', { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }, { Ref: 'AWS::NoValue' }] } },
  ]],
  ['!Select, !Split, !FindInMap, !Equals, !And, !Or, !Not', 'a: !Select [0, !Split [",", x]]\nb: !FindInMap [M, k, v]\nc: !And [!Equals [a, b], !Or [!Not [!Condition C]]]\n', [
    {
      a: { 'Fn::Select': [0, { 'Fn::Split': [',', 'x'] }] },
      b: { 'Fn::FindInMap': ['M', 'k', 'v'] },
      c: { 'Fn::And': [{ 'Fn::Equals': ['a', 'b'] }, { 'Fn::Or': [{ 'Fn::Not': [{ Condition: 'C' }] }] }] },
    },
  ]],
  ['unknown tags convert the same way', 'a: !Whatever x\nb: !Custom {k: v}\n', [{ a: { 'Fn::Whatever': 'x' }, b: { 'Fn::Custom': { k: 'v' } } }]],
  ['standard tags resolve as YAML says', 'a: !!str 12\nb: ! 12\n', [{ a: '12', b: '12' }]],
  ['aliases stay opaque, merge keys are entries', 'base: &b {x: 1}\nuse: *b\nm:\n  <<: *b\n', [{ base: { x: 1 }, use: '<opaque *b>', m: { '<<': '<opaque *b>' } }]],
  ['multi-document stream', 'a: 1\n---\n# nothing here\n---\n- b\n', [{ a: 1 }, undefined, ['b']]],
  ['keys are their text', 'true: a\n1.0: b\n"q": c\n', [{ true: 'a', '1.0': 'b', q: 'c' }]],
];

suite('readYaml: values', () => {
  for (const [name, text, expected] of conversions) {
    for (const [variant, source] of [['LF', text], ['CRLF', crlf(text)]] as const) {
      test(`${name} (${variant})`, () => {
        const read = readYaml(source);
        assert.deepEqual(read.errors, []);
        // YAML reads a line break in a block scalar as \n whatever the file uses: the same JSON either way.
        assert.deepEqual(
          read.documents.map((d) => hostToJson(d.root)),
          expected,
        );
      });
    }
  }
});

function entry(value: HostValue | undefined, key: string): HostEntry {
  assert.equal(value?.kind, 'mapping');
  const found = (value as HostMapping).entries.find((e) => e.key === key);
  assert.ok(found, `no entry ${key}`);
  return found;
}

function at(value: HostValue | undefined, ...path: (string | number)[]): HostValue {
  let node = value;
  for (const step of path) {
    if (typeof step === 'number') {
      assert.equal(node?.kind, 'sequence');
      node = (node as HostSequence).items[step];
    } else node = entry(node, step).value;
  }
  assert.ok(node);
  return node;
}

/** [YAML, path to a node, the text its span covers, the text from its contentOffset (undefined: none)]. */
const spans: [string, (string | number)[], string, string | undefined][] = [
  ['Action: s3:PutObjet\n', ['Action'], 's3:PutObjet', 's3:PutObjet'],
  ["Action: 's3:PutObjet'\n", ['Action'], "'s3:PutObjet'", 's3:PutObjet'],
  ['Action: "s3:PutObjet"\n', ['Action'], '"s3:PutObjet"', 's3:PutObjet'],
  ['Action: "s3:Put\\u004fbject"\n', ['Action'], '"s3:Put\\u004fbject"', undefined],
  ["Action: 'it''s'\n", ['Action'], "'it''s'", undefined],
  ['Action: |\n  s3:GetObject\nx: 1\n', ['Action'], '|\n  s3:GetObject', undefined],
  ['Action: s3:Get\n  Object\n', ['Action'], 's3:Get\n  Object', undefined],
  ['Action: "s3:Get\n  Object"\n', ['Action'], '"s3:Get\n  Object"', undefined],
  ['V: 12\n', ['V'], '12', '12'],
  ['V: 012\n', ['V'], '012', undefined],
  ['V: True\n', ['V'], 'True', undefined],
  ['V: true\n', ['V'], 'true', 'true'],
  ['S:\n  - a\n  - b # c\n', ['S'], '- a\n  - b', undefined],
  ['S:\n  k: v\n  l: w # c\n\n', ['S'], 'k: v\n  l: w', undefined],
  ['S: [a, b]  # c\n', ['S'], '[a, b]', undefined],
  ['S: [a, b]\n', ['S', 1], 'b', 'b'],
  ['R: !Sub "x${A}"\n', ['R'], '!Sub "x${A}"', undefined],
  ['R: !Sub "x${A}"\n', ['R', 'Fn::Sub'], '"x${A}"', 'x${A}'],
  ['R: !If [C, a, b]\n', ['R', 'Fn::If', 2], 'b', 'b'],
  ['R: &anchor value\n', ['R'], '&anchor value', 'value'],
  ['R: *anchor\n', ['R'], '*anchor', undefined],
  ['- a\n- é𝒳 # wide characters count as UTF-16 units\n- c\n', [2], 'c', 'c'],
];

suite('readYaml: spans', () => {
  for (const [text, path, covered, content] of spans) {
    for (const source of [text, crlf(text)]) {
      test(`${JSON.stringify(source)} ${path.join('.')}`, () => {
        const read = readYaml(source);
        assert.deepEqual(read.errors, []);
        const node = at(read.documents[0].root, ...path);
        assert.equal(textAt(source, node.span), source === text ? covered : crlf(covered));
        const offset = node.kind === 'scalar' ? node.contentOffset : undefined;
        if (content === undefined) assert.equal(offset, undefined);
        else {
          assert.notEqual(offset, undefined);
          assert.equal(source.slice(offset, offset! + String((node as HostScalar).value).length), content);
        }
      });
    }
  }

  test('keys: span, content offset and the entry', () => {
    const text = "Statement:\n  - Effect: Allow\n    'Action': [s3:GetObject]\n";
    const statement = at(readYaml(text).documents[0].root, 'Statement', 0);
    const effect = entry(statement, 'Effect');
    assert.deepEqual(effect.keySpan, spanOf(text, 'Effect'));
    assert.equal(effect.keyContentOffset, spanOf(text, 'Effect').offset);
    assert.deepEqual(effect.span, spanOf(text, 'Effect: Allow'));
    const action = entry(statement, 'Action');
    assert.deepEqual(action.keySpan, spanOf(text, "'Action'"));
    assert.equal(action.keyContentOffset, spanOf(text, 'Action').offset);
    assert.deepEqual(action.span, spanOf(text, "'Action': [s3:GetObject]"));
    assert.deepEqual(statement.span, spanOf(text, "Effect: Allow\n    'Action': [s3:GetObject]"));
  });

  test('a tag: the long-form mapping spans the tagged node, its key the tag', () => {
    const text = 'Resource: !GetAtt Bucket.Arn # the bucket\nRef: !Ref   Name\n';
    const root = readYaml(text).documents[0].root;
    const getAtt = at(root, 'Resource') as HostMapping;
    assert.deepEqual(getAtt.span, spanOf(text, '!GetAtt Bucket.Arn'));
    assert.deepEqual(getAtt.entries[0].keySpan, spanOf(text, '!GetAtt'));
    assert.equal(getAtt.entries[0].keyContentOffset, undefined);
    assert.deepEqual(getAtt.entries[0].value?.span, spanOf(text, 'Bucket.Arn'));
    const ref = at(root, 'Ref') as HostMapping;
    assert.deepEqual(ref.span, spanOf(text, '!Ref   Name'));
    assert.equal(ref.entries[0].keyContentOffset, spanOf(text, 'Ref', 1).offset);
  });

  test('an empty value: a null scalar with an empty span after its colon', () => {
    const text = 'Action:\nEffect: Allow\n';
    const action = entry(readYaml(text).documents[0].root, 'Action');
    assert.deepEqual(action.value, { kind: 'scalar', value: null, span: { offset: 'Action:'.length, length: 0 }, contentOffset: undefined });
  });

  test('documents: spans of a stream', () => {
    const text = 'a: 1\n---\nb: 2\n';
    const read = readYaml(text);
    assert.equal(read.documents.length, 2);
    assert.equal(textAt(text, read.documents[1].span).startsWith('---'), true);
    assert.deepEqual(read.documents[1].root?.span, spanOf(text, 'b: 2'));
  });

  test('layouts: style, flow context and columns for the writer', () => {
    const text = 'a:\n    b: "q"\n    c:\n    - [x]\n';
    const root = readYaml(text).documents[0].root;
    assert.equal(yamlLayout(at(root, 'a', 'b'))?.style, 'double');
    assert.equal(yamlLayout(at(root, 'a'))?.column, 4);
    assert.equal(yamlLayout(at(root, 'a', 'c'))?.style, 'block-seq');
    assert.equal(yamlLayout(at(root, 'a', 'c', 0, 0))?.inFlow, true);
    assert.equal(yamlLayout(root!)?.file.step, 4);
    assert.equal(yamlLayout(root!)?.file.sequenceOffset, 0);
  });
});

suite('readYaml: errors', () => {
  test('a broken file still yields what parses, with the error at its place', () => {
    const text = 'Statement:\n  - Effect: Allow\n    Action: [s3:GetObject\nOther: x\n';
    const read = readYaml(text);
    assert.ok(read.errors.length > 0);
    for (const error of read.errors) assert.ok(error.offset >= 0 && error.offset + error.length <= text.length);
    assert.equal(hostToJson(at(read.documents[0].root, 'Statement', 0, 'Effect')), 'Allow');
  });

  test('duplicate keys: both entries kept, the second one reported', () => {
    const text = 'Effect: Allow\nEffect: Deny\n';
    const read = readYaml(text);
    assert.deepEqual(
      (read.documents[0].root as HostMapping).entries.map((e) => hostToJson(e.value)),
      ['Allow', 'Deny'],
    );
    assert.deepEqual(read.errors.map((e) => ({ offset: e.offset, length: e.length })), [spanOf(text, 'Effect', 1)]);
  });

  test('a tab in indentation is an error with its place', () => {
    const text = 'a:\n\tb: 1\n';
    const read = readYaml(text);
    assert.ok(read.errors.length > 0);
  });

  test('a quoted string whose lines go back to its key\'s column is read as PyYAML (cfn-lint, the SAM CLI) reads it', () => {
    // Twice in one file: the lexer meets the second only once the first is mended.
    const text = "a:\n  b: !Sub '{\n      \"x\": \"it''s\"\n  }'\n  c: \"one\n  two\"\n  d: 1\n";
    const read = readYaml(text);
    assert.deepEqual(read.errors, []);
    const b = at(read.documents[0].root, 'a', 'b');
    assert.deepEqual(hostToJson(b), { 'Fn::Sub': '{       "x": "it\'s"   }' });
    assert.deepEqual(hostToJson(at(read.documents[0].root, 'a')), { b: hostToJson(b), c: 'one   two', d: 1 });
    // Offsets are the file's: the string starts at its quote.
    assert.ok(textAt(text, at(read.documents[0].root, "a", "c").span).startsWith("\"one"));
  });

  test('a quote that is never closed stays an error', () => {
    const read = readYaml("a:\n  b: '{\n  }\n  c: 1\n");
    assert.ok(read.errors.some((e) => /closing/.test(e.message)), read.errors.map((e) => e.message).join('; '));
  });

  test('tags are not errors', () => {
    assert.deepEqual(readYaml('a: !Sub x\nb: !NotAThing [1]\n').errors, []);
  });

  test('billion laughs: aliases are never expanded', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) lines.push(`${'abcdefghijklmnop'[i]}: &${'abcdefghijklmnop'[i]} [${Array(9).fill(`*${'abcdefghijklmnop'[i - 1]}`).join(',')}]`);
    const read = readYaml(lines.join('\n'));
    const last = (read.documents[0].root as HostMapping).entries[11].value as HostSequence;
    assert.equal(last.items.length, 9);
    assert.equal(last.items[0].kind, 'opaque');
  });

  test('never throws', () => {
    const inputs = ['', '---', '- - - -', '{', ']', '"', "'", '!', '&', '*', '? ', ': ', '%YAML 1.2\n---\n', '\t', '\r', '\ufeffa: 1', '[[[[[[[[[[', '{a: [b, {c: '];
    inputs.push('['.repeat(20000));
    inputs.push(Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}- x`).join('\n'));
    for (const input of inputs) assert.doesNotThrow(() => readYaml(input), JSON.stringify(input.slice(0, 30)));
  });
});

suite('readYaml: infrastructure that is not a policy host still reads', () => {
  test('a GitHub workflow and a Kubernetes manifest', () => {
    const workflow = 'on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo "${{ github.sha }}"\n';
    assert.deepEqual(hostToJson(readYaml(workflow).documents[0].root), {
      on: { push: { branches: ['main'] } },
      jobs: { build: { 'runs-on': 'ubuntu-latest', steps: [{ uses: 'actions/checkout@v4' }, { run: 'echo "${{ github.sha }}"' }] } },
    });
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\napiVersion: apps/v1\nkind: Deployment\n';
    assert.equal(readYaml(manifest).documents.length, 2);
  });
});
