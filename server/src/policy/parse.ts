/**
 * TextDocument -> PolicyModel. The JSON parsing (and its syntax errors) is vscode-json-languageservice's; strict JSON,
 * which nearly every saved policy is, takes strictJson.ts's one-pass reader into the same AST instead. This file only
 * reads the IAM elements out of the AST. It never throws on any input.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type ASTNode, type JSONDocument, type PropertyASTNode } from 'vscode-json-languageservice';
import { maxDepth, parseStrictJson } from './strictJson';
import type {
  ConditionElement,
  ConditionKeyEntry,
  ConditionOperatorEntry,
  ConditionValue,
  Element,
  ListElement,
  PolicyModel,
  PrincipalElement,
  PrincipalEntry,
  ScalarElement,
  Statement,
  StringValue,
  SyntaxError,
} from './model';

const jsonService = getLanguageService({});

/** The offset of the first bracket that opens level `maxDepth + 1`, outside strings; undefined when there is none. */
function firstTooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Fields the parsed document carries at run time but the public type of vscode-json-languageservice hides. */
interface ParsedJsonInternals {
  syntaxErrors?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string; severity?: number }[];
  comments?: { start: { line: number; character: number }; end: { line: number; character: number } }[];
}

export const knownVersions = ['2012-10-17', '2008-10-17'];

export interface ParseOptions {
  /** Documents longer than this (in characters) are not parsed; see Settings.maxFileSize. */
  readonly maxFileSize?: number;
  /**
   * Offsets of values a host computes (a policy inside infrastructure code, rendered as JSON: `!GetAtt B.Arn`,
   * `aws_s3_bucket.b.arn`). Such a value is no string to judge: lists keep it in `opaque`, not in `values`.
   */
  readonly opaqueValues?: ReadonlySet<number>;
}

const noOpaqueValues: ReadonlySet<number> = new Set();

export function parsePolicy(document: TextDocument, options: ParseOptions = {}): PolicyModel {
  const text = document.getText();
  const empty = (syntaxErrors: SyntaxError[], tooLarge: boolean): PolicyModel => ({
    document,
    text,
    json: jsonService.newJSONDocument(undefined, []),
    root: undefined,
    properties: [],
    statements: [],
    invalidStatements: [],
    syntaxErrors,
    looksLikePolicy: false,
    tooLarge,
  });
  if (options.maxFileSize !== undefined && text.length > options.maxFileSize) return empty([], true);
  const strict = parseStrictJson(text);
  let json: JSONDocument;
  let hasBom = false;
  if (strict !== undefined) json = strict;
  else {
    // The JSON parser is recursive: a document nested deeper than any policy is refused before it can overflow the stack.
    const tooDeep = firstTooDeep(text);
    if (tooDeep !== undefined) {
      return empty([{ offset: tooDeep, length: 1, message: `Nested more than ${maxDepth} levels deep; a policy never is.` }], false);
    }
    // A byte order mark is not JSON (AWS rejects it), but the rest of the document should still be understood: parse a
    // copy with a space in its place (same length, so offsets stay exact) and report the mark itself.
    hasBom = text.charCodeAt(0) === 0xfeff;
    json = jsonService.parseJSONDocument(hasBom ? TextDocument.create(document.uri, document.languageId, document.version, ` ${text.slice(1)}`) : document);
  }
  const opaque = options.opaqueValues ?? noOpaqueValues;
  const root = json.root;
  const properties = root?.type === 'object' ? root.properties : [];
  const version = scalar(findProperty(properties, 'Version'));
  const id = scalar(findProperty(properties, 'Id'));
  const statementProperty = findProperty(properties, 'Statement');
  const statementElement = statementProperty && element(statementProperty);
  const statements: Statement[] = [];
  const invalidStatements: ASTNode[] = [];
  const statementValue = statementProperty?.valueNode;
  if (statementValue?.type === 'object') {
    statements.push(readStatement(statementValue, 0, opaque));
  } else if (statementValue?.type === 'array') {
    statementValue.items.forEach((item, index) => {
      if (item.type === 'object') statements.push(readStatement(item, index, opaque));
      else invalidStatements.push(item);
    });
  }
  const looksLikePolicy =
    statementProperty !== undefined || (version?.value !== undefined && knownVersions.includes(version.value));
  return {
    document,
    text,
    json,
    root,
    properties,
    version,
    id,
    statementElement,
    statements,
    invalidStatements,
    syntaxErrors: hasBom
      ? [{ offset: 0, length: 1, message: 'The file starts with a byte order mark (U+FEFF); save it as UTF-8 without BOM.' }, ...syntaxErrorsOf(json, document)]
      : syntaxErrorsOf(json, document),
    looksLikePolicy,
    tooLarge: false,
  };
}

/**
 * Whether a file's text is a policy by the editor's own test (`looksLikePolicy`: a top-level Statement, or a known
 * Version), for the CLI's folder search, which looks at every JSON file. The text search first is a necessary
 * condition of that test (a key spelled with escapes gets the full parse), so package-lock.json and other JSON
 * without either key is passed over without parsing it.
 */
export function looksLikePolicyText(text: string): boolean {
  if (!/"(?:Statement|Version)"|\\u/.test(text)) return false;
  return parsePolicy(TextDocument.create('file:///folder-search.json', 'json', 1, text)).looksLikePolicy;
}

function syntaxErrorsOf(json: JSONDocument, document: TextDocument): SyntaxError[] {
  const internals = json as unknown as ParsedJsonInternals;
  const errors: SyntaxError[] = [];
  // Severity 1 is Error; the parser also reports warnings (duplicate keys) that other rules judge.
  for (const error of internals.syntaxErrors ?? []) {
    if (error.severity !== undefined && error.severity !== 1) continue;
    const start = document.offsetAt(error.range.start);
    errors.push({ offset: start, length: document.offsetAt(error.range.end) - start, message: error.message });
  }
  for (const comment of internals.comments ?? []) {
    const start = document.offsetAt(comment.start);
    errors.push({ offset: start, length: document.offsetAt(comment.end) - start, message: 'Comments are not allowed in IAM policies.' });
  }
  return errors.sort((a, b) => a.offset - b.offset);
}

/**
 * JSON that is something else (a package.json opened as a policy): an object with keys, none of them a policy's
 * top-level element. An empty object or a non-object is a policy being written (or broken), not a foreign file.
 */
export function isForeignJson(model: PolicyModel): boolean {
  // `statement` in any case counts: `{"statement": ...}` is a policy with a wrong-case element, which
  // invalid-policy-element fixes. A lower-case `version` alone does not: package.json has one.
  const isPolicyKey = (key: string) => topLevelKeys.has(key) || key.toLowerCase() === 'statement';
  return model.root?.type === 'object' && model.properties.length > 0 && !model.properties.some((p) => isPolicyKey(p.keyNode.value));
}

const topLevelKeys = new Set(['Version', 'Id', 'Statement']);

/** Element names are case-sensitive in IAM, so only an exact match counts; the first of duplicates wins. */
export function findProperty(properties: readonly PropertyASTNode[], key: string): PropertyASTNode | undefined {
  return properties.find((property) => property.keyNode.value === key);
}

function element(property: PropertyASTNode): Element {
  return { key: property.keyNode.value, property, keyNode: property.keyNode, valueNode: property.valueNode };
}

// The element builders below write every field out rather than spread `element(...)`: spreads cost about a
// tenth of the parse of a large document (object cloning, and objects of a shape V8 cannot share).
function scalar(property: PropertyASTNode | undefined): ScalarElement | undefined {
  if (!property) return undefined;
  const valueNode = property.valueNode;
  return { key: property.keyNode.value, property, keyNode: property.keyNode, valueNode, value: valueNode?.type === 'string' ? valueNode.value : undefined };
}

/** Shared by every element with nothing of that kind (most of them): the lists are never modified. */
const NONE: readonly ASTNode[] = Object.freeze([]);
const NO_VALUES: readonly StringValue[] = Object.freeze([]);

/** A string or an array of strings; anything else is collected as invalid, and values a host computes as opaque. */
function readStrings(
  valueNode: ASTNode | undefined,
  opaque: ReadonlySet<number>,
): { values: readonly StringValue[]; isArray: boolean; invalid: readonly ASTNode[]; opaque: readonly ASTNode[] } {
  if (!valueNode) return { values: NO_VALUES, isArray: false, invalid: NONE, opaque: NONE };
  if (opaque.size > 0 && opaque.has(valueNode.offset)) return { values: NO_VALUES, isArray: false, invalid: NONE, opaque: [valueNode] };
  if (valueNode.type === 'string') return { values: [{ value: valueNode.value, node: valueNode }], isArray: false, invalid: NONE, opaque: NONE };
  if (valueNode.type !== 'array') return { values: NO_VALUES, isArray: false, invalid: [valueNode], opaque: NONE };
  const items = valueNode.items;
  const values: StringValue[] = [];
  let invalid: ASTNode[] | undefined;
  let computed: ASTNode[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (opaque.size > 0 && opaque.has(item.offset)) (computed ??= []).push(item);
    else if (item.type === 'string') values.push({ value: item.value, node: item });
    else (invalid ??= []).push(item);
  }
  return { values, isArray: true, invalid: invalid ?? NONE, opaque: computed ?? NONE };
}

function list(property: PropertyASTNode | undefined, opaque: ReadonlySet<number>): ListElement | undefined {
  if (!property) return undefined;
  const read = readStrings(property.valueNode, opaque);
  const element = { key: property.keyNode.value, property, keyNode: property.keyNode, valueNode: property.valueNode, values: read.values, isArray: read.isArray, invalid: read.invalid };
  return read.opaque.length > 0 ? { ...element, opaque: read.opaque } : element;
}

function principal(property: PropertyASTNode | undefined, opaque: ReadonlySet<number>): PrincipalElement | undefined {
  if (!property) return undefined;
  const valueNode = property.valueNode;
  const wildcard = valueNode?.type === 'string' && !opaque.has(valueNode.offset) ? { value: valueNode.value, node: valueNode } : undefined;
  const entries: PrincipalEntry[] =
    valueNode?.type === 'object'
      ? valueNode.properties.map((entry) => {
          const read = readStrings(entry.valueNode, opaque);
          const principalEntry = { kind: entry.keyNode.value, property: entry, keyNode: entry.keyNode, values: read.values, invalid: read.invalid };
          return read.opaque.length > 0 ? { ...principalEntry, opaque: read.opaque } : principalEntry;
        })
      : [];
  return { key: property.keyNode.value, property, keyNode: property.keyNode, valueNode, wildcard, entries };
}

function conditionValues(valueNode: ASTNode | undefined, opaque: ReadonlySet<number>): Pick<ConditionKeyEntry, 'values' | 'isArray' | 'invalid' | 'opaque'> {
  const values: ConditionValue[] = [];
  const invalid: ASTNode[] = [];
  const computed: ASTNode[] = [];
  const take = (node: ASTNode) => {
    if (opaque.has(node.offset)) computed.push(node);
    else if (node.type === 'string' || node.type === 'number' || node.type === 'boolean') values.push({ value: node.value, node });
    else invalid.push(node);
  };
  if (!valueNode) return { values, isArray: false, invalid };
  if (valueNode.type === 'array' && !opaque.has(valueNode.offset)) {
    valueNode.items.forEach(take);
    return computed.length > 0 ? { values, isArray: true, invalid, opaque: computed } : { values, isArray: true, invalid };
  }
  take(valueNode);
  return computed.length > 0 ? { values, isArray: false, invalid, opaque: computed } : { values, isArray: false, invalid };
}

function condition(property: PropertyASTNode | undefined, opaque: ReadonlySet<number>): ConditionElement | undefined {
  if (!property) return undefined;
  const valueNode = property.valueNode;
  const operators: ConditionOperatorEntry[] =
    valueNode?.type === 'object'
      ? valueNode.properties.map((operator) => {
          const block = operator.valueNode;
          const keys: ConditionKeyEntry[] =
            block?.type === 'object'
              ? block.properties.map((key) => {
                  const read = conditionValues(key.valueNode, opaque);
                  return { key: key.keyNode.value, property: key, keyNode: key.keyNode, valueNode: key.valueNode, ...read };
                })
              : [];
          return { operator: operator.keyNode.value, property: operator, keyNode: operator.keyNode, valueNode: block, keys };
        })
      : [];
  return { key: property.keyNode.value, property, keyNode: property.keyNode, valueNode, operators };
}

function readStatement(node: ASTNode & { type: 'object' }, index: number, opaque: ReadonlySet<number>): Statement {
  const properties = node.properties;
  const get = (key: string) => findProperty(properties, key);
  return {
    index,
    node,
    properties,
    sid: scalar(get('Sid')),
    effect: scalar(get('Effect')),
    principal: principal(get('Principal'), opaque),
    notPrincipal: principal(get('NotPrincipal'), opaque),
    action: list(get('Action'), opaque),
    notAction: list(get('NotAction'), opaque),
    resource: list(get('Resource'), opaque),
    notResource: list(get('NotResource'), opaque),
    condition: condition(get('Condition'), opaque),
  };
}
