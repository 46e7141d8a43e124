import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonWriter, readJson } from '../../server/src/hosts/json';
import { applyEdits } from '../../server/src/rules/shared/edits';
import type { HostEntry, HostMapping, HostSequence, HostValue, JsonValue } from '../../server/src/hosts/types';

/**
 * The offset of `part` within the only occurrence of `context` in `text` (a readable marker instead of a magic
 * number); `part` defaults to the whole context.
 */
function at(text: string, context: string, part = context): number {
  const offset = text.indexOf(context);
  assert.ok(offset >= 0, `"${context}" not in the text`);
  assert.equal(text.indexOf(context, offset + 1), -1, `"${context}" is in the text more than once`);
  assert.ok(context.includes(part), `"${part}" not in "${context}"`);
  return offset + context.indexOf(part);
}

function spanOf(text: string, context: string, part = context) {
  return { offset: at(text, context, part), length: part.length };
}

function toJson(value: HostValue | undefined): JsonValue {
  if (!value) return null;
  switch (value.kind) {
    case 'scalar':
      return value.value;
    case 'template':
    case 'opaque':
      throw new Error('a JSON reading has no computed values');
    case 'mapping':
      return Object.fromEntries(value.entries.map((entry) => [entry.key, toJson(entry.value)]));
    case 'sequence':
      return value.items.map(toJson);
  }
}

function mappingAt(value: HostValue | undefined, ...path: (string | number)[]): HostMapping {
  const found = walk(value, path);
  assert.equal(found?.kind, 'mapping');
  return found as HostMapping;
}

function sequenceAt(value: HostValue | undefined, ...path: (string | number)[]): HostSequence {
  const found = walk(value, path);
  assert.equal(found?.kind, 'sequence');
  return found as HostSequence;
}

function entryOf(mapping: HostMapping, key: string): HostEntry {
  const entry = mapping.entries.find((e) => e.key === key);
  assert.ok(entry, `no entry ${key}`);
  return entry;
}

function walk(value: HostValue | undefined, path: readonly (string | number)[]): HostValue | undefined {
  let current = value;
  for (const step of path) {
    if (typeof step === 'number') current = current?.kind === 'sequence' ? current.items[step] : undefined;
    else current = current?.kind === 'mapping' ? current.entries.find((e) => e.key === step)?.value : undefined;
  }
  return current;
}

test('readJson: spans, keys and content offsets', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:PutObjet", "Sid": "a\\u0062"}],\n  "N": 1.0, "M": 12, "B": true, "Z": null\n}';
  const { root, errors } = readJson(text);
  assert.deepEqual(errors, []);
  assert.equal(root?.kind, 'mapping');
  assert.deepEqual(root.span, { offset: 0, length: text.length });
  const version = entryOf(root, 'Version');
  assert.deepEqual(version.keySpan, spanOf(text, '"Version"'));
  assert.equal(version.keyContentOffset, at(text, 'Version'));
  assert.deepEqual(version.span, spanOf(text, '"Version": "2012-10-17"'));
  const statement = mappingAt(root, 'Statement', 0);
  assert.deepEqual(statement.span, spanOf(text, '{"Effect": "Allow", "Action": "s3:PutObjet", "Sid": "a\\u0062"}'));
  const action = entryOf(statement, 'Action').value;
  assert.deepEqual(action, { kind: 'scalar', span: spanOf(text, '"s3:PutObjet"'), value: 's3:PutObjet', contentOffset: at(text, 's3:PutObjet') });
  // An escape: the value is decoded, and no character maps one for one.
  const sid = entryOf(statement, 'Sid').value;
  assert.equal(sid?.kind === 'scalar' && sid.value, 'ab');
  assert.equal(sid?.kind === 'scalar' && sid.contentOffset, undefined);
  const scalar = (key: string) => entryOf(root, key).value;
  assert.deepEqual(scalar('N'), { kind: 'scalar', span: spanOf(text, '1.0'), value: 1, contentOffset: undefined });
  assert.deepEqual(scalar('M'), { kind: 'scalar', span: spanOf(text, '"M": 12', '12'), value: 12, contentOffset: at(text, '"M": 12', '12') });
  assert.deepEqual(scalar('B'), { kind: 'scalar', span: spanOf(text, 'true'), value: true, contentOffset: at(text, 'true') });
  assert.deepEqual(scalar('Z'), { kind: 'scalar', span: spanOf(text, 'null'), value: null, contentOffset: at(text, 'null') });
});

test('readJson: a region of a larger text keeps offsets into the whole text', () => {
  const text = 'policy = <<EOF\n{"Statement": [{"Action": "s3:GetObject"}]}\nEOF\n';
  const start = at(text, '<<EOF\n{', '{');
  const end = at(text, '\nEOF');
  const { root, errors } = readJson(text, start, end);
  assert.deepEqual(errors, []);
  assert.deepEqual(root?.span, { offset: start, length: end - start });
  const action = walk(root, ['Statement', 0, 'Action']);
  assert.equal(action?.kind === 'scalar' && action.contentOffset, at(text, 's3:GetObject'));
  assert.deepEqual(toJson(root), { Statement: [{ Action: 's3:GetObject' }] });
  // Errors in the region are at offsets of the whole text too.
  const broken = 'x = <<EOF\n{"a": }\nEOF';
  const reading = readJson(broken, at(broken, '{'), at(broken, '\nEOF'));
  assert.ok(reading.errors.length > 0);
  assert.ok(reading.errors.every((e) => e.offset >= at(broken, '}') && e.offset <= at(broken, '\nEOF')));
});

test('readJson: duplicate keys are kept in order', () => {
  const text = '{"Action": "a", "Action": "b"}';
  const root = mappingAt(readJson(text).root);
  assert.deepEqual(
    root.entries.map((e) => [e.key, e.keySpan.offset]),
    [
      ['Action', at(text, '"Action": "a"')],
      ['Action', at(text, '"Action": "b"')],
    ],
  );
  assert.deepEqual(readJson(text).errors, []);
});

const tolerated: { name: string; text: string; error: string; json: JsonValue }[] = [
  { name: 'a line comment', text: '{"a": 1 // why\n}', error: '// why', json: { a: 1 } },
  { name: 'a block comment', text: '{/* c */"a": 1}', error: '/* c */', json: { a: 1 } },
  { name: 'a trailing comma', text: '{"a": [1, 2,]}', error: ',]', json: { a: [1, 2] } },
];

for (const { name, text, error, json } of tolerated) {
  test(`readJson tolerates and reports ${name}`, () => {
    const reading = readJson(text);
    assert.deepEqual(toJson(reading.root), json);
    assert.equal(reading.errors.length, 1);
    assert.equal(reading.errors[0]!.offset, at(text, error));
  });
}

test('readJson: broken and hostile input never throws', () => {
  for (const text of ['', '{', '{"a":', '{"a" 1}', ']]]', '"\\', '[' .repeat(100_000), '{"a": "\u{1F600}"}', '\uFEFF{}']) {
    const reading = readJson(text);
    assert.ok(Array.isArray(reading.errors));
  }
  const cut = readJson('{"Statement": [{"Action": ');
  const statement = mappingAt(cut.root, 'Statement', 0);
  assert.equal(statement.entries[0]!.key, 'Action');
  assert.ok(cut.errors.length > 0);
  assert.equal(readJson('[' .repeat(100_000)).root, undefined);
});

test('readJson: a surrogate pair keeps UTF-16 offsets', () => {
  const text = '{"Sid": "\u{1F600}", "Action": "s3:PutObjet"}';
  const action = walk(readJson(text).root, ['Action']);
  assert.equal(action?.kind === 'scalar' && action.contentOffset, at(text, 's3:PutObjet'));
});

// ---------------------------------------------------------------------------------------------------------------
// The writer: every operation is applied, the result parsed again and compared as JSON; a few layouts are checked
// as text, since keeping the user's layout is the point.

interface WriterCase {
  readonly name: string;
  readonly text: string;
  readonly edit: (root: HostValue, writer: ReturnType<typeof jsonWriter>) => ReturnType<ReturnType<typeof jsonWriter>['replaceValue']>;
  readonly json: JsonValue;
  /** The whole text afterwards, where the layout matters. */
  readonly output?: string;
}

const multi = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:PutObjet",
      "Resource": "*"
    },
    {
      "Effect": "Deny",
      "Action": ["s3:DeleteBucket"],
      "Resource": "*"
    }
  ]
}`;

const oneLine = '{"Statement": [{"Effect": "Allow", "Action": ["a", "b", "c"], "Resource": "*"}]}';

const writerCases: WriterCase[] = [
  {
    name: 'replace a string',
    text: multi,
    edit: (root, w) => w.replaceValue(walk(root, ['Statement', 0, 'Action'])!, 's3:PutObject'),
    json: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
        { Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' },
      ],
    },
    output: multi.replace('s3:PutObjet', 's3:PutObject'),
  },
  {
    name: 'replace a string with a list',
    text: multi,
    edit: (root, w) => w.replaceValue(walk(root, ['Statement', 0, 'Action'])!, ['s3:PutObject', 's3:GetObject']),
    json: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: '*' },
        { Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' },
      ],
    },
    output: multi.replace('"s3:PutObjet"', '["s3:PutObject", "s3:GetObject"]'),
  },
  {
    name: 'replace a value with an object: one line per member at the right indentation',
    text: multi,
    edit: (root, w) => w.replaceValue(walk(root, ['Statement', 0, 'Resource'])!, { Sub: [{ a: 1 }] }),
    json: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:PutObjet', Resource: { Sub: [{ a: 1 }] } },
        { Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' },
      ],
    },
    output: multi.replace('"Resource": "*"\n    },\n    {', '"Resource": {\n        "Sub": [\n          {\n            "a": 1\n          }\n        ]\n      }\n    },\n    {'),
  },
  {
    name: 'insert an entry at the end of a multi-line object',
    text: multi,
    edit: (root, w) => w.insertEntry(mappingAt(root, 'Statement', 0), undefined, 'Sid', 'First'),
    json: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:PutObjet', Resource: '*', Sid: 'First' },
        { Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' },
      ],
    },
    output: multi.replace('"Resource": "*"\n    },\n    {', '"Resource": "*",\n      "Sid": "First"\n    },\n    {'),
  },
  {
    name: 'insert an entry before another one',
    text: multi,
    edit: (root, w) => {
      const statement = mappingAt(root, 'Statement', 1);
      return w.insertEntry(statement, entryOf(statement, 'Effect'), 'Sid', 'Second');
    },
    json: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:PutObjet', Resource: '*' },
        { Sid: 'Second', Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' },
      ],
    },
    output: multi.replace('"Effect": "Deny"', '"Sid": "Second",\n      "Effect": "Deny"'),
  },
  {
    name: 'insert an entry holding an object',
    text: multi,
    edit: (root, w) => w.insertEntry(mappingAt(root, 'Statement', 0), undefined, 'Condition', { Bool: { 'aws:SecureTransport': 'true' } }),
    json: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:PutObjet', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
        { Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' },
      ],
    },
  },
  {
    name: 'insert an entry into a one-line object',
    text: oneLine,
    edit: (root, w) => w.insertEntry(mappingAt(root, 'Statement', 0), undefined, 'Condition', { Bool: { 'aws:SecureTransport': 'true' } }),
    json: { Statement: [{ Effect: 'Allow', Action: ['a', 'b', 'c'], Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }] },
    output: oneLine.replace('"Resource": "*"}', '"Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "true" } }}'),
  },
  {
    name: 'insert into an empty one-line object',
    text: '{"Condition": {}}',
    edit: (root, w) => w.insertEntry(mappingAt(root, 'Condition'), undefined, 'Bool', { 'aws:SecureTransport': 'true' }),
    json: { Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
  },
  {
    name: 'insert a scalar into an empty one-line object',
    text: '{"Principal": {}}',
    edit: (root, w) => w.insertEntry(mappingAt(root, 'Principal'), undefined, 'AWS', '*'),
    json: { Principal: { AWS: '*' } },
    output: '{"Principal": { "AWS": "*" }}',
  },
  {
    name: 'insert into an empty multi-line array',
    text: '{\n  "Statement": [\n  ]\n}',
    edit: (root, w) => w.insertItems(sequenceAt(root, 'Statement'), 0, [{ Effect: 'Allow' }]),
    json: { Statement: [{ Effect: 'Allow' }] },
    output: '{\n  "Statement": [\n    {\n      "Effect": "Allow"\n    }\n  ]\n}',
  },
  {
    name: 'remove the last entries of a multi-line object',
    text: multi,
    edit: (root, w) => {
      const statement = mappingAt(root, 'Statement', 0);
      return w.removeEntries(statement, [entryOf(statement, 'Action'), entryOf(statement, 'Resource')]);
    },
    json: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow' }, { Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' }],
    },
    output: multi.replace('"Effect": "Allow",\n      "Action": "s3:PutObjet",\n      "Resource": "*"', '"Effect": "Allow"'),
  },
  {
    name: 'remove the first and the last entries apart',
    text: oneLine,
    edit: (root, w) => {
      const statement = mappingAt(root, 'Statement', 0);
      return w.removeEntries(statement, [entryOf(statement, 'Effect'), entryOf(statement, 'Resource')]);
    },
    json: { Statement: [{ Action: ['a', 'b', 'c'] }] },
    output: '{"Statement": [{"Action": ["a", "b", "c"]}]}',
  },
  {
    name: 'remove every entry',
    text: multi,
    edit: (root, w) => {
      const statement = mappingAt(root, 'Statement', 1);
      return w.removeEntries(statement, statement.entries);
    },
    json: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObjet', Resource: '*' }, {}] },
  },
  {
    name: 'remove a whole statement',
    text: multi,
    edit: (root, w) => {
      const statements = sequenceAt(root, 'Statement');
      return w.removeItems(statements, [statements.items[0]!]);
    },
    json: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' }] },
  },
  {
    name: 'remove the middle item of a one-line list',
    text: oneLine,
    edit: (root, w) => {
      const actions = sequenceAt(root, 'Statement', 0, 'Action');
      return w.removeItems(actions, [actions.items[1]!]);
    },
    json: { Statement: [{ Effect: 'Allow', Action: ['a', 'c'], Resource: '*' }] },
    output: oneLine.replace('"a", "b", "c"', '"a", "c"'),
  },
  {
    name: 'remove every item',
    text: oneLine,
    edit: (root, w) => {
      const actions = sequenceAt(root, 'Statement', 0, 'Action');
      return w.removeItems(actions, actions.items);
    },
    json: { Statement: [{ Effect: 'Allow', Action: [], Resource: '*' }] },
  },
  {
    name: 'insert items in a one-line list',
    text: oneLine,
    edit: (root, w) => w.insertItems(sequenceAt(root, 'Statement', 0, 'Action'), 1, ['x', 'y']),
    json: { Statement: [{ Effect: 'Allow', Action: ['a', 'x', 'y', 'b', 'c'], Resource: '*' }] },
    output: oneLine.replace('"a", "b"', '"a", "x", "y", "b"'),
  },
  {
    name: 'insert items at the end of a one-line list',
    text: oneLine,
    edit: (root, w) => w.insertItems(sequenceAt(root, 'Statement', 0, 'Action'), 3, ['z']),
    json: { Statement: [{ Effect: 'Allow', Action: ['a', 'b', 'c', 'z'], Resource: '*' }] },
  },
  {
    name: 'insert a statement at the end of a multi-line list',
    text: multi,
    edit: (root, w) => w.insertItems(sequenceAt(root, 'Statement'), 2, [{ Effect: 'Deny', Action: '*', Resource: '*' }]),
    json: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:PutObjet', Resource: '*' },
        { Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ],
    },
    output: multi.replace('    }\n  ]', '    },\n    {\n      "Effect": "Deny",\n      "Action": "*",\n      "Resource": "*"\n    }\n  ]'),
  },
  {
    name: 'rename a key',
    text: multi,
    edit: (root, w) => {
      const statement = mappingAt(root, 'Statement', 1);
      return w.renameKey(statement, entryOf(statement, 'Action'), 'NotAction');
    },
    json: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:PutObjet', Resource: '*' },
        { Effect: 'Deny', NotAction: ['s3:DeleteBucket'], Resource: '*' },
      ],
    },
  },
  {
    name: 'CRLF line breaks are kept',
    text: '{\r\n  "Statement": [\r\n    "a"\r\n  ]\r\n}',
    edit: (root, w) => w.insertItems(sequenceAt(root, 'Statement'), 1, ['b']),
    json: { Statement: ['a', 'b'] },
    output: '{\r\n  "Statement": [\r\n    "a",\r\n    "b"\r\n  ]\r\n}',
  },
  {
    name: 'inside a region of a larger text',
    text: 'x = <<EOF\n{\n  "Action": ["a"]\n}\nEOF\n',
    edit: (root, w) => w.insertEntry(mappingAt(root), undefined, 'Resource', '*'),
    json: { Action: ['a'], Resource: '*' },
    output: 'x = <<EOF\n{\n  "Action": ["a"],\n  "Resource": "*"\n}\nEOF\n',
  },
];

for (const { name, text, edit, json, output } of writerCases) {
  test(`jsonWriter: ${name}`, () => {
    const region = text.startsWith('x = <<EOF') ? ([at(text, '<<EOF\n{', '{'), at(text, '\nEOF')] as const) : ([0, text.length] as const);
    const { root, errors } = readJson(text, ...region);
    assert.deepEqual(errors, []);
    const edits = edit(root!, jsonWriter(text));
    assert.ok(edits, 'the writer gave no edits');
    const sorted = [...edits].sort((a, b) => a.offset - b.offset);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1]!.offset + sorted[i - 1]!.length <= sorted[i]!.offset, 'edits overlap');
    const after = applyEdits(text, edits);
    const reread = readJson(after, region[0], after.length - (text.length - region[1]));
    assert.deepEqual(reread.errors, [], after);
    assert.deepEqual(toJson(reread.root), json);
    if (output !== undefined) assert.equal(after, output);
  });
}

test('jsonWriter refuses what it cannot write', () => {
  const text = '{"Action": ["a"]}';
  const root = mappingAt(readJson(text).root);
  const writer = jsonWriter(text);
  const actions = sequenceAt(root, 'Action');
  assert.equal(writer.insertItems(actions, 5, ['b']), undefined);
  assert.equal(writer.removeItems(actions, [{ kind: 'scalar', span: { offset: 0, length: 1 }, value: 'x' }]), undefined);
  assert.equal(writer.replaceValue({ kind: 'scalar', span: { offset: 1, length: 0 }, value: '2012-10-17', implied: true }, 'x'), undefined);
});
