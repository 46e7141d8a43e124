/**
 * The strict-JSON fast path (server/src/policy/strictJson.ts) against vscode-json-languageservice's parser: on every
 * generated strict document it must answer, with a tree equal field for field (parent links included); on everything
 * else it must refuse, and parsePolicy must then give exactly what jsonls gives. Seeded: IAM_STRICT_JSON_SEED=<n>
 * replays a run, `random` tries a fresh one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { getLanguageService, type ASTNode, type JSONDocument } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy } from '../../server/src/policy/parse';
import { maxDepth, parseStrictJson } from '../../server/src/policy/strictJson';
import { caseSeed, Random, seedFromEnv } from '../robustness/random';
import { repoPath } from '../support/paths';

const jsonService = getLanguageService({});
const runSeed = seedFromEnv(process.env.IAM_STRICT_JSON_SEED, 20261207);

interface DocumentInternals {
  syntaxErrors?: unknown[];
  comments?: unknown[];
}

/** jsonls's parse; the language id is the source of its diagnostics. */
function jsonls(text: string, languageId = 'json'): JSONDocument {
  return jsonService.parseJSONDocument(TextDocument.create('file:///strict.json', languageId, 1, text));
}

/** Every own field of every node equal, same class, and each parent the counterpart of the other tree's parent. */
function assertSameTree(fast: ASTNode | undefined, slow: ASTNode | undefined, text: string): void {
  const counterpart = new Map<ASTNode, ASTNode>();
  const walk = (a: ASTNode, b: ASTNode, path: string): void => {
    const where = `${path} in ${JSON.stringify(text.slice(0, 300))}`;
    assert.equal(Object.getPrototypeOf(a), Object.getPrototypeOf(b), `class at ${where}`);
    assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), `fields at ${where}`);
    assert.equal(a.parent === undefined ? undefined : counterpart.get(a.parent), b.parent, `parent at ${where}`);
    counterpart.set(a, b);
    for (const field of ['type', 'offset', 'length', 'colonOffset', 'isInteger'] as const) {
      assert.equal((a as unknown as Record<string, unknown>)[field], (b as unknown as Record<string, unknown>)[field], `${field} at ${where}`);
    }
    if (a.type === 'object' && b.type === 'object') {
      assert.equal(a.properties.length, b.properties.length, `properties at ${where}`);
      a.properties.forEach((property, i) => walk(property, b.properties[i]!, `${path}.properties[${i}]`));
    } else if (a.type === 'array' && b.type === 'array') {
      assert.equal(a.items.length, b.items.length, `items at ${where}`);
      a.items.forEach((item, i) => walk(item, b.items[i]!, `${path}[${i}]`));
    } else if (a.type === 'property' && b.type === 'property') {
      walk(a.keyNode, b.keyNode, `${path}.keyNode`);
      assert.equal(a.valueNode === undefined, b.valueNode === undefined, `valueNode at ${where}`);
      if (a.valueNode && b.valueNode) walk(a.valueNode, b.valueNode, `${path}.valueNode`);
    } else {
      // Object.is: -0 and NaN count.
      assert.ok(Object.is(a.value, b.value), `value at ${where}: ${String(a.value)} vs ${String(b.value)}`);
    }
  };
  assert.equal(fast === undefined, slow === undefined, 'a root in one tree only');
  if (fast && slow) walk(fast, slow, 'root');
}

/** The fast path answers, and its document is jsonls's: same tree, no errors, no comments, same node at offsets. */
function assertAccepted(text: string, random?: Random): void {
  const fast = parseStrictJson(text);
  const slow = jsonls(text);
  assert.deepEqual((slow as DocumentInternals).syntaxErrors, [], `jsonls finds errors in ${JSON.stringify(text.slice(0, 300))}`);
  assert.ok(fast, `refused: ${JSON.stringify(text.slice(0, 300))}`);
  assert.deepEqual((fast as DocumentInternals).syntaxErrors, []);
  assert.deepEqual((fast as DocumentInternals).comments, (slow as DocumentInternals).comments);
  assertSameTree(fast.root, slow.root, text);
  const offsets = random ? Array.from({ length: 8 }, () => random.int(text.length + 1)) : [0, text.length >> 1, text.length];
  for (const offset of offsets) {
    const a = fast.getNodeFromOffset(offset, true);
    const b = slow.getNodeFromOffset(offset, true);
    assert.deepEqual(a && [a.type, a.offset, a.length], b && [b.type, b.offset, b.length], `node at ${offset}`);
  }
}

// Generated documents ----------------------------------------------------------------------------------------------

const whitespace = ['', '', '', ' ', '\n', '\r\n', '\t', '\r', '  ', '\n    ', ' \t\r\n '];
const plainCharacters = ['a', 'Z', '0', ' ', '*', '?', ':', '/', '$', '{', '}', '[', ']', ',', "'", 'é', '中', '😀', '\u2028', '\u007f', '\u00a0', '\ufeff', '\ud800', '\udc00'];
const escapes = ['\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u0041', '\\u00e9', '\\u00E9', '\\u0000', '\\u001f', '\\ud83d\\ude00', '\\uD83D\\uDE00', '\\ud800', '\\udc00', '\\udc00\\ud800', '\\uffff', '\\u2028'];
const numbers = ['0', '-0', '1', '-1', '7', '42', '1e5', '1E5', '1e+5', '1E-2', '0.5', '-0.5', '3.14159', '-12.75e+3', '0e0', '0.0', '1.0e-0', '9007199254740993', '12345678901234567890123', '-98765432109876543210', '1e400', '-1e400', '5e-400', '2.5E+10'];
const policyStrings = ['2012-10-17', 'Allow', 'Deny', 's3:GetObject', 'ec2:Describe*', '*', 'arn:aws:s3:::bucket/*', 'arn:aws:iam::123456789012:role/r', 'aws:PrincipalTag/team', '${aws:username}'];

function space(random: Random): string {
  return random.pick(whitespace);
}

function stringToken(random: Random): string {
  let body = '';
  const length = random.weighted([
    [2, 0],
    [6, random.between(1, 12)],
    [1, random.between(13, 80)],
  ]);
  for (let i = 0; i < length; i++) body += random.chance(0.2) ? random.pick(escapes) : random.pick(plainCharacters);
  return `"${body}"`;
}

function keyToken(random: Random, used: Set<string>): string | undefined {
  for (let attempt = 0; attempt < 5; attempt++) {
    const token = random.weighted([
      [1, '"//"'],
      [1, '"\\/\\/"'],
      [3, JSON.stringify(random.pick(['Version', 'Statement', 'Effect', 'Action', 'a', 'A', '__proto__', 'constructor', '']))],
      [6, stringToken(random)],
    ]);
    const key = JSON.parse(token) as string;
    if (key === '//') return token; // never a duplicate
    if (!used.has(key)) {
      used.add(key);
      return token;
    }
  }
  return undefined;
}

function valueText(random: Random, depth: number): string {
  const kind = random.weighted([
    [depth < 6 ? 3 - depth / 2 : 0, 'object'],
    [depth < 6 ? 3 - depth / 2 : 0, 'array'],
    [4, 'string'],
    [2, 'number'],
    [1, 'literal'],
  ]);
  switch (kind) {
    case 'object': {
      const used = new Set<string>();
      const count = random.weighted([
        [2, 0],
        [8, random.between(1, 6)],
        [depth < 2 ? 1 : 0, random.between(15, 40)],
      ]);
      const members: string[] = [];
      for (let i = 0; i < count; i++) {
        const key = keyToken(random, used);
        if (key !== undefined) members.push(`${space(random)}${key}${space(random)}:${space(random)}${valueText(random, depth + 1)}${space(random)}`);
      }
      return members.length === 0 ? `{${space(random)}}` : `{${members.join(',')}}`;
    }
    case 'array': {
      const count = random.weighted([
        [2, 0],
        [8, random.between(1, 6)],
        [depth < 2 ? 1 : 0, random.between(15, 40)],
      ]);
      const items = Array.from({ length: count }, () => `${space(random)}${valueText(random, depth + 1)}${space(random)}`);
      return items.length === 0 ? `[${space(random)}]` : `[${items.join(',')}]`;
    }
    case 'string':
      return stringToken(random);
    case 'number':
      return random.chance(0.7) ? random.pick(numbers) : randomNumber(random);
    default:
      return random.pick(['true', 'false', 'null']);
  }
}

function digits(random: Random, count: number, leadingNonZero: boolean): string {
  let text = leadingNonZero ? String(random.between(1, 9)) : '';
  while (text.length < count) text += String(random.int(10));
  return text;
}

/** A number of JSON's grammar built part by part. */
function randomNumber(random: Random): string {
  const integer = random.chance(0.2) ? '0' : digits(random, random.between(1, 25), true);
  const fraction = random.chance(0.4) ? `.${digits(random, random.between(1, 20), false)}` : '';
  const exponent = random.chance(0.3) ? `${random.pick(['e', 'E'])}${random.pick(['', '+', '-'])}${digits(random, random.between(1, 4), false)}` : '';
  return `${random.chance(0.3) ? '-' : ''}${integer}${fraction}${exponent}`;
}

/** A policy-shaped document, laid out the way people and tools write them. */
function policyText(random: Random): string {
  const statements = Array.from({ length: random.between(1, 6) }, (_, i) => {
    const statement: Record<string, unknown> = { Sid: `S${i}`, Effect: random.pick(['Allow', 'Deny']) };
    statement[random.pick(['Action', 'NotAction'])] = random.chance(0.5) ? random.pick(policyStrings) : [random.pick(policyStrings), random.pick(policyStrings)];
    statement.Resource = random.chance(0.5) ? '*' : [random.pick(policyStrings), `arn:aws:s3:::b${i}/\u00e9\u2028"quoted"\\path`];
    if (random.chance(0.4)) statement.Condition = { NumericLessThan: { 'aws:MultiFactorAuthAge': random.pick([3600, -0, 0.5, 1e21]) }, Bool: { 'aws:SecureTransport': random.chance(0.5) } };
    return statement;
  });
  const policy = { Version: '2012-10-17', Id: random.chance(0.3) ? null : 'policy', Statement: random.chance(0.2) ? statements[0] : statements };
  return JSON.stringify(policy, null, random.pick([undefined, 1, 2, 4, '\t'])).replace(/\n/g, random.chance(0.3) ? '\r\n' : '\n');
}

function nested(depth: number, open: string, close: string, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

// Refused documents ------------------------------------------------------------------------------------------------

/** [name, text, for a document too deep to parse: the offset of the bracket reported] */
const refused: readonly (readonly [string, string, number?])[] = [
  ['a line comment', '{\n  // note\n  "Version": "2012-10-17"\n}'],
  ['a block comment', '{ /* note */ "Version": "2012-10-17" }'],
  ['an unterminated block comment', '{ "Version": "2012-10-17" } /* note'],
  ['a trailing comma in an object', '{ "Version": "2012-10-17", }'],
  ['a trailing comma in an array', '{ "Action": ["s3:GetObject", ] }'],
  ['a leading comma', '[, 1]'],
  ['two commas', '[1,, 2]'],
  ['a missing comma', '[1 2]'],
  ['a missing colon', '{ "a" 1 }'],
  ['a duplicate key', '{ "Effect": "Allow", "Effect": "Deny" }'],
  ['a duplicate key spelled with an escape', '{ "Effect": 1, "\\u0045ffect": 2 }'],
  ['a duplicate of an early key among many', `{ ${Array.from({ length: 30 }, (_, i) => `"k${i}": ${i}`).join(', ')}, "k3": 0 }`],
  ['a duplicate of a late key among many', `{ ${Array.from({ length: 30 }, (_, i) => `"k${i}": ${i}`).join(', ')}, "k29": 0 }`],
  ['a duplicate key in a nested object', '{ "Statement": [{ "Sid": "a", "Sid": "b" }] }'],
  ['single quotes', "{ 'Version': '2012-10-17' }"],
  ['an unquoted key', '{ Version: "2012-10-17" }'],
  ['a tab inside a string', '{ "Sid": "a\tb" }'],
  ['a line feed inside a string', '{ "Sid": "a\nb" }'],
  ['a NUL inside a string', '{ "Sid": "a\u0000b" }'],
  ['an invalid escape', '{ "Sid": "a\\xb" }'],
  ['an escaped apostrophe', '{ "Sid": "\\\'" }'],
  ['a short \\u escape', '{ "Sid": "\\u12" }'],
  ['a \\u escape with a non-hex digit', '{ "Sid": "\\u12g4" }'],
  ['a backslash at the end', '"abc\\'],
  ['an unterminated string', '{ "Sid": "abc'],
  ['a leading zero', '{ "n": 01 }'],
  ['a negative leading zero', '[-01]'],
  ['a lone minus', '[-]'],
  ['a minus before a letter', '[-a]'],
  ['a trailing dot', '[1.]'],
  ['a leading dot', '[.5]'],
  ['a plus sign', '[+1]'],
  ['an exponent without digits', '[1e]'],
  ['an exponent sign without digits', '[1e+]'],
  ['a hex number', '[0x10]'],
  ['NaN', '[NaN]'],
  ['Infinity', '[Infinity]'],
  ['-Infinity', '[-Infinity]'],
  ['a capitalised literal', '[True]'],
  ['a truncated literal', '[tru]'],
  ['a literal run on', '[truex]'],
  ['a number run into a literal', '[1true]'],
  ['a byte order mark', '\ufeff{ "Version": "2012-10-17" }'],
  ['a no-break space', '{\u00a0"a": 1 }'],
  ['a vertical tab', '{\u000b"a": 1 }'],
  ['a form feed', '{\u000c"a": 1 }'],
  ['a line separator between tokens', '{\u2028"a": 1 }'],
  ['an ideographic space', '[1,\u30002]'],
  [`nesting ${maxDepth + 1} deep`, nested(maxDepth + 1, '[', ']', ''), maxDepth],
  [`objects nested ${maxDepth + 1} deep`, nested(maxDepth + 1, '{"a":', '}', '1'), maxDepth * 5],
  ['text after the root', '{ "a": 1 } x'],
  ['a second root', '{ "a": 1 } { "b": 2 }'],
  ['a second number', '1 2'],
  ['an empty text', ''],
  ['only whitespace', ' \n\t\r\n '],
  ['a truncated object', '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow"'],
  ['a truncated key', '{ "Vers'],
  ['an object cut after a colon', '{ "a": '],
  ['an object cut after a comma', '{ "a": 1,'],
  ['an unclosed array', '[1, 2'],
  ['a closing bracket alone', ']'],
  ['mismatched brackets', '{ "a": [1} ]'],
  ['a slash alone', '/'],
];

/** Accepted corners: each is strict JSON, so jsonls finds no error and the fast path must answer the same tree. */
const acceptedCorners: readonly (readonly [string, string])[] = [
  ['an escaped lone high surrogate', '{ "a": "\\ud800" }'],
  ['an escaped lone low surrogate', '{ "a": "x\\udc00y" }'],
  ['escaped surrogates in the wrong order', '["\\udc00\\ud83d"]'],
  ['an escaped surrogate pair', '["\\ud83d\\ude00"]'],
  ['raw lone surrogates', '["\ud800", "\udc00"]'],
  ['repeated "//" keys', '{ "//": "one", "//": "two", "\\/\\/": 3 }'],
  ['keys that differ only in case', '{ "Effect": 1, "effect": 2 }'],
  ['__proto__ as a key', '{ "__proto__": 1, "constructor": 2, "toString": 3 }'],
  ['an empty key', '{ "": 1 }'],
  ['-0', '[-0, -0.0, -0e5]'],
  ['exponents', '[1e5, 1E5, 1e+5, 1E-2, 0e0, 2.5E+10]'],
  ['numbers past double precision', '[9007199254740993, 12345678901234567890123, 1e400, -1e400, 5e-400]'],
  ['a line separator inside a string', '["a\u2028b\u2029c"]'],
  ['DEL and C1 controls inside a string', '["a\u007f\u0080\u009fb"]'],
  ['a top-level string', '"Allow"'],
  ['a top-level number with whitespace', ' \r\n 42 \t'],
  ['top-level literals', 'true'],
  ['null', 'null'],
  ['empty containers', '{ "a": {}, "b": [], "c": [{}, []], "d": { } }'],
  [`nesting exactly ${maxDepth} deep`, nested(maxDepth, '[', ']', '')],
  [`objects nested exactly ${maxDepth} deep`, nested(maxDepth, '{"a":', '}', '1')],
  ['CR-only line ends', '{\r  "a": 1,\r  "b": [\r    true\r  ]\r}'],
];

suite('the strict-JSON fast path', () => {
  test('answers jsonls\'s own tree for generated strict documents (policies and arbitrary JSON)', () => {
    let accepted = 0;
    for (let index = 0; index < 1500; index++) {
      const random = new Random(caseSeed(runSeed, index));
      const text = index % 3 === 0 ? policyText(random) : `${space(random)}${valueText(random, 0)}${space(random)}`;
      try {
        assertAccepted(text, random);
      } catch (error) {
        throw new Error(`case ${index} of seed ${runSeed} (IAM_STRICT_JSON_SEED=${runSeed}): ${(error as Error).message}`, { cause: error });
      }
      accepted++;
    }
    assert.equal(accepted, 1500);
  });

  for (const [name, text] of acceptedCorners) {
    test(`answers for ${name}`, () => assertAccepted(text));
  }

  test('answers for every managed policy of the sample, as jsonls does', () => {
    const folder = repoPath('test/fixtures/managed-sample');
    const names = readdirSync(folder).filter((name) => name.endsWith('.json'));
    assert.ok(names.length > 0);
    for (const name of names) assertAccepted(readFileSync(`${folder}/${name}`, 'utf8'));
  });

  for (const [name, text, tooDeepAt] of refused) {
    test(`refuses ${name}, and parsePolicy gives what jsonls gives`, () => {
      assert.equal(parseStrictJson(text), undefined);
      const document = TextDocument.create('file:///refused.iam.json', 'iam-policy', 1, text);
      const model = parsePolicy(document);
      const hasBom = text.charCodeAt(0) === 0xfeff;
      if (tooDeepAt !== undefined) {
        // Too deep for the recursive parser: refused before it, as before the fast path existed.
        assert.equal(model.root, undefined);
        assert.deepEqual(
          model.syntaxErrors.map((error) => [error.offset, error.length]),
          [[tooDeepAt, 1]],
        );
        return;
      }
      const reference = jsonls(hasBom ? ` ${text.slice(1)}` : text, document.languageId);
      assertSameTree(model.json.root, reference.root, text);
      assert.equal(model.root, model.json.root);
      const internals = model.json as DocumentInternals;
      assert.deepEqual(internals.syntaxErrors, (reference as DocumentInternals).syntaxErrors);
      assert.deepEqual(internals.comments, (reference as DocumentInternals).comments);
      if (hasBom) assert.deepEqual(model.syntaxErrors[0] && [model.syntaxErrors[0].offset, model.syntaxErrors[0].length], [0, 1]);
    });
  }

  test('parsePolicy reads a strict policy into the tree jsonls would give, with no syntax error', () => {
    const text = policyText(new Random(caseSeed(runSeed, 99_999)));
    const model = parsePolicy(TextDocument.create('file:///strict.iam.json', 'iam-policy', 1, text));
    assert.equal(model.syntaxErrors.length, 0);
    assert.ok(model.looksLikePolicy);
    assertSameTree(model.json.root, jsonls(text).root, text);
  });
});
