/**
 * Mutators over policy text for the fuzz tests. Each takes text and a generator and returns new text; they never
 * throw and keep the output bounded (see `maxMutatedLength`), so a slow case points at the code under test, not at
 * the input's size. Many mutations keep the JSON valid (value and key swaps, structural edits through JSON.parse)
 * so that the "a fix keeps valid JSON valid" checks get exercised, not only the error paths.
 */
import type { Random } from './random';

/** Inputs are cut to this many UTF-16 units (policies are a few KB; the pathological tests go far beyond). */
export const maxMutatedLength = 300_000;

/** Deepest nesting a mutation builds (the pathological tests cover 100 levels and the known limit above). */
export const maxNestingDepth = 400;

// --- tokens ---------------------------------------------------------------------------------------------------

export type TokenKind = 'string' | 'number' | 'word' | 'punctuation' | 'space' | 'other';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

/** A JSON-ish tokenizer that accepts any text (an unterminated string runs to the end of its line). Linear. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    const ch = text[i]!;
    let kind: TokenKind;
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      if (text[i] === '"') i++;
      kind = 'string';
    } else if ('{}[]:,'.includes(ch)) {
      i++;
      kind = 'punctuation';
    } else if (/\s/.test(ch)) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      kind = 'space';
    } else if (/[-0-9]/.test(ch)) {
      while (i < text.length && /[-+.eE0-9]/.test(text[i]!)) i++;
      kind = 'number';
    } else if (/[A-Za-z_]/.test(ch)) {
      while (i < text.length && /[A-Za-z_0-9]/.test(text[i]!)) i++;
      kind = 'word';
    } else {
      i++;
      kind = 'other';
    }
    tokens.push({ kind, start, end: Math.min(i, text.length) });
  }
  return tokens;
}

function significant(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'space');
}

/** A value token or a whole bracketed value (`{...}`, `[...]`), as a span. */
function valueSpan(text: string, tokens: readonly Token[], random: Random): { start: number; end: number } | undefined {
  const candidates = tokens.filter((t) => t.kind === 'string' || t.kind === 'number' || t.kind === 'word' || text[t.start] === '{' || text[t.start] === '[');
  if (candidates.length === 0) return undefined;
  const token = random.pick(candidates);
  if (token.kind !== 'punctuation') return token;
  // Find the matching bracket by depth over the tokens that follow.
  let depth = 0;
  for (let i = tokens.indexOf(token); i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punctuation') continue;
    const c = text[t.start]!;
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    if (depth === 0) return { start: token.start, end: t.end };
  }
  return { start: token.start, end: text.length };
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** A random offset that does not split a surrogate pair (unless `anywhere`). */
function offsetIn(text: string, random: Random, anywhere = false): number {
  const offset = random.int(text.length + 1);
  if (anywhere || offset === 0 || offset === text.length) return offset;
  const before = text.charCodeAt(offset - 1);
  return before >= 0xd800 && before <= 0xdbff ? offset - 1 : offset;
}

// --- vocabularies ---------------------------------------------------------------------------------------------

const elementKeys = [
  'Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource',
  'NotResource', 'Condition', 'AWS', 'Service', 'Federated', 'CanonicalUser', 'statement', 'Actions', 'Condtion',
  'effect', 'RESOURCE', '', ' ', 'Statement ', 'Vers\u0069on',
];

/** IAM-shaped string values: actions, patterns, ARNs, principals, condition keys and operators, values. */
const interestingStrings = [
  '*', '', ' ', 's3:GetObject', 's3:getobject', 's3:Get*', 's3:*', 's3:', ':', '::', 's3', 'iam:PassRole', 'iam:*',
  'sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'ec2:Describe*', 'ec2:*Instance*', 'lambda:Invoke?unction',
  'kms:Decrypt', 'dynamodb:*Item', 'nosuchservice:Foo', 's3:NoSuchAction', 'S3:GETOBJECT', '*:*', '?', 's3:?*',
  'arn:aws:s3:::example-bucket', 'arn:aws:s3:::example-bucket/*', 'arn:aws:s3:::*', 'arn:aws:iam::123456789012:role/x',
  'arn:aws:iam::123456789012:root', 'arn:aws:iam::*:role/*', 'arn:aws:ec2:us-east-1:123456789012:instance/*',
  'arn:aws:kms:*:*:key/*', 'arn:aws-cn:s3:::b', 'arn:aws-us-gov:iam::123456789012:user/${aws:username}', 'arn:',
  'arn:aws', 'arn:aws:s3', 'arn:aws:s3:::', 'arn:aws:iam::12345:role/x', 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST', 'arn:aws:sns:*:*:*', 'arn:*:*:*:*:*', 'arn:aws:s3:us-east-1:123456789012:b',
  '${aws:username}', '${aws:PrincipalTag/team}', '${', '${}', '$}', '${*}', '${?}', '${$}', '${aws:username',
  'Allow', 'Deny', 'allow', 'DENY', 'Allow ', 'Permit', '2012-10-17', '2008-10-17', '2012-10-18', 'ec2.amazonaws.com',
  'lambda.amazonaws.com', 'cognito-identity.amazonaws.com', 'accounts.google.com', '123456789012', 'aws:SourceIp',
  'aws:PrincipalTag/team', 'aws:RequestTag/${TagKey}', 'aws:MultiFactorAuthPresent', 'aws:SecureTransport',
  'aws:CalledVia', 's3:prefix', 'iam:PassedToService', 'ec2:ResourceTag/Env', 'aws:NoSuchKey', 'StringEquals',
  'StringLike', 'StringNotEqualsIgnoreCase', 'ForAnyValue:StringLike', 'ForAllValues:StringEquals', 'Bool', 'Null',
  'BoolIfExists', 'NumericLessThanIfExists', 'DateGreaterThan', 'IpAddress', 'NotIpAddress', 'ArnLike', 'ArnEquals',
  'BinaryEquals', 'ForAnyValue:Bool', 'StringEqualsIfExistsIfExists', 'Foo', 'true', 'false', '10.0.0.0/8',
  '2001:db8::/32', '2020-01-01T00:00:00Z', 'not-a-date', '-1', '1e309', 'AllowRead', 'Allow-Read', 'Sid 1',
];

const interestingValues = ['1', '-0', '1.5e300', 'true', 'false', 'null', '{}', '[]', '[[]]', '[{}]', '{"a":1}', '[1,"x",null]', '""', '"*"', '["*"]', '[""]', '{"AWS":"*"}'];

/** Odd characters and sequences: astral, combining, RTL, lone and reversed surrogates, separators, controls. */
const unicodeSamples = [
  '\u{1F600}', '\u{1D54F}', '\u{10FFFF}', '\u{20000}', 'e\u0301\u0302\u0303', '\u0301', '\u202E', '\u202Dtxt\u202C',
  '\u05E2\u05D1\u05E8\u05D9\u05EA', '\u0627\u0644\u0639\u0631\u0628\u064A\u0629', '\uD800', '\uDFFF', '\uDC00\uD800',
  '\uD83D', '\u200B', '\u200D', '\uFEFF', '\u0000', '\u0007', '\u2028', '\u2029', '\u0085', '\r', '\t', '\uFF0A',
  '\\u0000', '\\uD800', '\\uDC00\\uD800', '\\"', '\\', '\\u', '\\x41', '\u00A0', '\uFFFD', '\uFFFF', 'I\u0307', '\u0130',
  '\u017F', '\u212A', '\u00DF',
];

/** Fragments typed mid-edit: element headers, half structures, JSON that AWS rejects (comments, trailing commas). */
const fragments = [
  ',', ':', '{', '}', '[', ']', '"', '""', '"Effect": "Allow",', '"Action": "*",', '"Resource": [',
  '"Statement": [', '"Statement": {', '{"Effect":"Allow","Action":"*","Resource":"*"},', '"Condition": {"StringEquals": {"aws:username": "x"}}',
  '"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},', '"Principal": "*",', '"Principal": {"AWS": ["*"]},', '"NotAction": "*",',
  '"NotResource": "*",', '"Sid": "",', '"Sid": "A",', '// comment\n', '/* comment */', ',]', ',}', '\n', '\r\n',
  '"Version": "2012-10-17",', '"Id": 1,', 'null', 'true', '0', '"s3:GetObject",', '"arn:aws:s3:::b/*",', '...',
];

// --- mutators -------------------------------------------------------------------------------------------------

export type Mutator = (text: string, random: Random) => string;

const truncate: Mutator = (text, random) => {
  const at = offsetIn(text, random, random.chance(0.2));
  return random.chance(0.8) ? text.slice(0, at) : text.slice(at);
};

const deleteToken: Mutator = (text, random) => {
  const tokens = significant(tokenize(text));
  if (tokens.length === 0) return text;
  const token = random.pick(tokens);
  return splice(text, token.start, token.end, '');
};

const duplicateToken: Mutator = (text, random) => {
  const tokens = significant(tokenize(text));
  if (tokens.length === 0) return text;
  const token = random.pick(tokens);
  const copy = text.slice(token.start, token.end);
  const at = random.chance(0.5) ? token.end : offsetIn(text, random);
  return splice(text, at, at, copy.repeat(random.between(1, 3)));
};

const swapType: Mutator = (text, random) => {
  const span = valueSpan(text, tokenize(text), random);
  if (!span) return text;
  return splice(text, span.start, span.end, random.pick(interestingValues));
};

const insertUnicode: Mutator = (text, random) => {
  const strings = tokenize(text).filter((t) => t.kind === 'string');
  // Mostly inside a string (where the parser accepts it), sometimes anywhere.
  const at = strings.length > 0 && random.chance(0.7) ? random.pick(strings).start + 1 : offsetIn(text, random, true);
  let insert = '';
  for (let n = random.between(1, 4); n > 0; n--) insert += random.pick(unicodeSamples);
  return splice(text, Math.min(at, text.length), Math.min(at, text.length), insert);
};

const deepNesting: Mutator = (text, random) => {
  const span = valueSpan(text, tokenize(text), random);
  const start = span?.start ?? offsetIn(text, random);
  const end = span?.end ?? start;
  const depth = random.chance(0.1) ? random.between(100, maxNestingDepth) : random.between(2, 60);
  const inner = text.slice(start, end) || '1';
  const asObject = random.chance(0.4);
  const open = asObject ? '{"k":' : '[';
  const close = asObject ? '}' : ']';
  const closed = random.chance(0.85);
  return splice(text, start, end, open.repeat(depth) + inner + (closed ? close.repeat(depth) : ''));
};

const hugeString: Mutator = (text, random) => {
  const strings = tokenize(text).filter((t) => t.kind === 'string');
  const length = random.chance(0.1) ? random.between(20_000, 100_000) : random.between(500, 5_000);
  const unit = random.pick(['a', 'ab', '*', 'a*', ':', '/', '\u{1F600}', 'é', ' ', '$', '${aws:username}', '\\n']);
  const body = unit.repeat(Math.ceil(length / unit.length));
  if (strings.length === 0) return splice(text, text.length, text.length, `"${body}"`);
  const token = random.pick(strings);
  const keepPrefix = random.chance(0.5) ? text.slice(token.start + 1, Math.max(token.start + 1, token.end - 1)) : '';
  return splice(text, token.start, token.end, `"${keepPrefix}${body}"`);
};

/** Action and ARN patterns with many wildcards (up to 50) and long names: the matching must stay linear. */
export function wildcardPattern(random: Random): string {
  const stars = random.between(2, 50);
  const piece = () => random.pick(['', 'a', 'get', 'Object', '?', 'x'.repeat(random.between(1, 40))]);
  let pattern = '';
  for (let i = 0; i < stars; i++) pattern += `${piece()}*`;
  pattern += piece();
  switch (random.int(5)) {
    case 0:
      return `${random.pick(['s3', 'ec2', 'iam', '*', 's*', 'a'.repeat(200)])}:${pattern}`;
    case 1:
      return `arn:aws:s3:::${pattern}`;
    case 2:
      return `arn:${random.pick(['aws', '*'])}:${random.pick(['iam', 'ec2', '*'])}:${random.pick(['', 'us-east-1', '*'])}:${random.pick(['123456789012', '*', ''])}:${pattern}`;
    case 3:
      return `${'a'.repeat(random.between(100, 2_000))}${pattern}`;
    default:
      return pattern.replaceAll('*', random.pick(['*', '**', '*?', '?*']));
  }
}

const manyWildcards: Mutator = (text, random) => {
  const strings = tokenize(text).filter((t) => t.kind === 'string');
  const value = JSON.stringify(wildcardPattern(random));
  if (strings.length === 0) return text;
  const token = random.pick(strings);
  // Sometimes a whole list of them.
  const replacement = random.chance(0.3) ? `[${Array.from({ length: random.between(2, 30) }, () => JSON.stringify(wildcardPattern(random))).join(',')}]` : value;
  return splice(text, token.start, token.end, replacement);
};

const lineEndings: Mutator = (text, random) => {
  switch (random.int(5)) {
    case 0:
      return text.replace(/\r?\n/g, '\r\n');
    case 1:
      return text.replace(/\r?\n/g, '\r');
    case 2:
      return `\uFEFF${text}`;
    case 3:
      return text.replace(/\r?\n/g, () => random.pick(['\n', '\r\n', '\r', '\u2028']));
    default:
      return text.replace(/\n/g, '\n\n').replace(/ {2}/g, '\t');
  }
};

const insertFragment: Mutator = (text, random) => {
  const at = offsetIn(text, random);
  return splice(text, at, at, random.pick(fragments));
};

const replaceString: Mutator = (text, random) => {
  const strings = tokenize(text).filter((t) => t.kind === 'string');
  if (strings.length === 0) return text;
  const token = random.pick(strings);
  // Keys (followed by a colon) get element names, values get IAM-shaped strings.
  const isKey = /^\s*:/.test(text.slice(token.end, token.end + 8));
  const value = isKey && random.chance(0.7) ? random.pick(elementKeys) : random.pick(interestingStrings);
  return splice(text, token.start, token.end, JSON.stringify(value));
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Structural edits on valid JSON (parse, change one node, print with a random layout); other text is unchanged. */
const structural: Mutator = (text, random) => {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return text;
  }
  const nodes: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        nodes.push({ parent: node, key: i });
        walk(item);
      });
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        nodes.push({ parent: node, key });
        walk(item);
      }
    }
  };
  walk(value);
  if (nodes.length > 0) {
    const { parent, key } = random.pick(nodes);
    const get = () => (parent as Record<string | number, Json>)[key] as Json;
    const set = (v: Json) => ((parent as Record<string | number, Json>)[key] = v);
    switch (random.int(8)) {
      case 0:
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 1:
        if (Array.isArray(parent)) parent.splice(key as number, 0, ...Array.from({ length: random.between(1, random.chance(0.1) ? 200 : 3) }, () => structuredClone(get())));
        else parent[`${String(key)}${random.pick(['', '2', 's', ' '])}`] = structuredClone(get());
        break;
      case 2:
        set(JSON.parse(random.pick(interestingValues)) as Json);
        break;
      case 3:
        set(random.pick(interestingStrings));
        break;
      case 4:
        set(Array.isArray(get()) ? ((get() as Json[])[0] ?? []) : [get()]);
        break;
      case 5:
        if (!Array.isArray(parent)) {
          const renamed = random.pick(elementKeys);
          const entries = Object.entries(parent).map(([k, v]): [string, Json] => [k === key ? renamed : k, v]);
          for (const k of Object.keys(parent)) delete parent[k];
          for (const [k, v] of entries) parent[k] = v;
        }
        break;
      case 6:
        set(Array.from({ length: random.between(0, 20) }, () => random.pick(interestingStrings)));
        break;
      default:
        set({ [random.pick(interestingStrings)]: { [random.pick(interestingStrings)]: random.pick(interestingStrings) } });
    }
  }
  const printed = JSON.stringify(value, null, random.pick([0, 2, 4, '\t']));
  return printed ?? text;
};

/**
 * An edit that keeps the JSON valid as often as a user's typing would: the content of a string replaced by an
 * IAM-shaped value (a key by an element name). Used by the LSP fuzzer next to its free-form edits.
 */
export function stringContentEdit(text: string, random: Random): { start: number; end: number; text: string } | undefined {
  const strings = tokenize(text).filter((t) => t.kind === 'string' && t.end - t.start >= 2 && text[t.end - 1] === '"');
  if (strings.length === 0) return undefined;
  const token = random.pick(strings);
  const isKey = /^\s*:/.test(text.slice(token.end, token.end + 8));
  const value = isKey && random.chance(0.7) ? random.pick(elementKeys) : random.pick(interestingStrings);
  return { start: token.start + 1, end: token.end - 1, text: JSON.stringify(value).slice(1, -1) };
}

const mutators: readonly (readonly [number, Mutator])[] = [
  [10, truncate],
  [10, deleteToken],
  [6, duplicateToken],
  [8, swapType],
  [8, insertUnicode],
  [4, deepNesting],
  [3, hugeString],
  [6, manyWildcards],
  [4, lineEndings],
  [8, insertFragment],
  [14, replaceString],
  [16, structural],
];

/** One to three mutations of `text` (sometimes none: the seed itself is a case too). */
export function mutate(text: string, random: Random): string {
  if (random.chance(0.03)) return text;
  let result = text;
  for (let n = random.weighted([[6, 1], [3, 2], [1, 3]] as const); n > 0; n--) {
    result = random.weighted(mutators)(result, random);
    if (result.length > maxMutatedLength) result = result.slice(0, maxMutatedLength);
  }
  return result;
}
