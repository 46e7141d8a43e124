/**
 * CDK code (TypeScript, JavaScript, Python) as a host. A tree-sitter grammar parses the file; the policy statements
 * written with aws-iam's classes become embedded policies:
 * - `new iam.PolicyStatement({ effect, actions, notActions, resources, notResources, conditions, sid })` (Python:
 *   `iam.PolicyStatement(actions=[...], ...)`), with the `addActions(...)`, `addResources(...)`, `addCondition(...)`,
 *   ... calls made on the variable it is assigned to merged in; such calls on anything else are statements of their
 *   own. Each is a fragment: a synthetic policy { Version (implied), Statement: [ { ... } ] } around what is written.
 * - `PolicyDocument.fromJson({...})` (Python `from_json`): the object literal read like JSON, a whole document.
 * Names are resolved through the file's imports (`import * as iam`, `import { aws_iam as iam }`, named imports,
 * `require`, Python's `from aws_cdk import aws_iam as iam`), so only aws-iam's classes count.
 *
 * Offsets: web-tree-sitter parses a JS string as UTF-16 and its startIndex/endIndex count UTF-16 code units, as our
 * offsets do (test/hosts/cdk.test.ts checks it with non-ASCII text before a statement).
 */
import { Query, type Language, type Node, type Parser, type Tree } from 'web-tree-sitter';
import type { Span } from '../policy/model';
import { loadGrammar, loadedParser, type GrammarName } from './treeSitter';
import { cdkWriter, emptyCdkSyntax, type CdkLanguage, type CdkSyntax, type ListSegment } from './cdkWriter';
import type { EmbeddedPolicy, HostDocument, HostEntry, HostMapping, HostSequence, HostValue, TemplateHole, TemplateLiteral } from './types';

export type { CdkLanguage };

/** The grammar for a syntax: the typescript grammar reads JavaScript too; tsx only for .tsx and the React languages. */
export function cdkGrammar(language: CdkLanguage): GrammarName {
  return language === 'javascript' ? 'typescript' : language;
}

/** Loads the grammar `readCdk` needs for this language (once). */
export async function loadCdk(language: CdkLanguage): Promise<void> {
  await loadGrammar(cdkGrammar(language));
}

/** Whether the text names a CDK module at all: the cheap test before parsing, since most code is not CDK code. */
export function mentionsCdk(text: string, language: CdkLanguage): boolean {
  return language === 'python' ? text.includes('aws_cdk') : text.includes('aws-cdk-lib') || text.includes('@aws-cdk/aws-iam');
}

/**
 * The CDK policies of a file, or undefined when it does not import the CDK (`aws-cdk-lib`, `aws-cdk-lib/...`,
 * `@aws-cdk/aws-iam`; Python `aws_cdk`, `aws_cdk....`). `loadCdk(language)` must have finished before.
 * Syntax errors are not reported: the language's own tools report them, and a file being typed is never quiet.
 */
export function readCdk(text: string, language: CdkLanguage): HostDocument | undefined {
  if (!mentionsCdk(text, language)) return undefined;
  const grammar = cdkGrammar(language);
  const parser = loadedParser(grammar);
  if (!parser) throw new Error(`readCdk: the ${grammar} grammar is not loaded (await loadCdk first)`);
  const python = language === 'python';
  const parsed = parseWithRepairs(parser, text, python);
  if (!parsed) return { kind: 'cdk', policies: [], syntaxErrors: [] };
  try {
    const reader = new CdkReader(text, parsed.source, parsed.insertions, python);
    if (!reader.readImports(parsed.tree.rootNode)) return undefined;
    const syntax = emptyCdkSyntax();
    const policies = reader.readPolicies(parsed.tree.rootNode, parser.language!, syntax, cdkWriter(text, language, syntax));
    return { kind: 'cdk', policies, syntaxErrors: [], ...(parsed.tree.rootNode.hasError ? { recovered: true } : {}) };
  } finally {
    parsed.tree.delete();
  }
}

/** Deeper values than this are read as opaque (the reader recurses, and no policy nests this deep). */
const maxDepth = 200;

// --- Parsing, with repairs for the states of typing ---------------------------------------------------------------

/** Text the reader added to let the parser read a string being typed; `at` counts in the parsed text. */
interface Insertion {
  at: number;
  readonly length: number;
}

interface Parsed {
  readonly tree: Tree;
  readonly source: string;
  readonly insertions: readonly Insertion[];
}

/**
 * While a string is being typed (`actions: ['s3:Get`, `addActions('`), tree-sitter's error recovery scatters the
 * statement into ERROR nodes. Completion needs that string as a string, so an unterminated string is closed at the
 * end of its line, with the brackets opened on that line before it (and a comma when the next line continues a
 * list), and the text is parsed again: a few rounds at most, only when the tree has errors. Offsets are mapped back
 * through the insertions; values touched by one are never written by the writer.
 */
function parseWithRepairs(parser: Parser, text: string, python: boolean): Parsed | undefined {
  let tree = parser.parse(text);
  if (!tree) return undefined;
  let source = text;
  const insertions: Insertion[] = [];
  for (let round = 0; round < 3 && tree.rootNode.hasError; round++) {
    const repair = findRepair(tree.rootNode, source, python);
    if (!repair) break;
    const next = source.slice(0, repair.at) + repair.text + source.slice(repair.at);
    const nextTree = parser.parse(next);
    if (!nextTree) break;
    tree.delete();
    tree = nextTree;
    source = next;
    for (const insertion of insertions) if (insertion.at >= repair.at) insertion.at += repair.text.length;
    insertions.push({ at: repair.at, length: repair.text.length });
  }
  return { tree, source, insertions };
}

const closerOf: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

function findRepair(root: Node, source: string, python: boolean): { at: number; text: string } | undefined {
  const opener = firstUnterminatedString(root, source, python);
  if (!opener) return undefined;
  const quote = python ? opener.text.replace(/^[A-Za-z]+/, '') : opener.type;
  let lineEnd = opener.endIndex;
  while (lineEnd < source.length && source[lineEnd] !== '\n' && source[lineEnd] !== '\r') lineEnd++;
  let at = lineEnd;
  while (at > opener.endIndex && (source[at - 1] === ' ' || source[at - 1] === '\t')) at--;
  let lineStart = opener.startIndex;
  while (lineStart > 0 && source[lineStart - 1] !== '\n' && source[lineStart - 1] !== '\r') lineStart--;
  // The brackets opened on this line before the string (real tokens, not characters inside strings or comments).
  const open: string[] = [];
  for (let i = lineStart; i < opener.startIndex; i++) {
    const c = source[i]!;
    if (!'()[]{}'.includes(c)) continue;
    const token = root.descendantForIndex(i, i + 1);
    if (!token || token.type !== c || token.startIndex !== i) continue;
    if (c in closerOf) open.push(c);
    else if (open.length > 0 && closerOf[open[open.length - 1]!] === c) open.pop();
  }
  let text = quote + open.reverse().map((c) => closerOf[c]).join('');
  let next = lineEnd;
  while (next < source.length && /\s/.test(source[next]!)) next++;
  const continues = next < source.length && !')]},'.includes(source[next]!);
  if (continues && '([{,'.includes(lastTokenCharacterBefore(root, source, lineStart))) text += ',';
  return { at, text };
}

/** The last character before `offset` that is not white space or in a comment ('' at the start). */
function lastTokenCharacterBefore(root: Node, source: string, offset: number): string {
  let position = offset - 1;
  while (position >= 0) {
    if (/\s/.test(source[position]!)) {
      position--;
      continue;
    }
    const token = root.descendantForIndex(position, position + 1);
    if (token?.type === 'comment' && token.startIndex < position) {
      position = token.startIndex - 1;
      continue;
    }
    return source[position]!;
  }
  return '';
}

/**
 * The opening quote token of the first string that does not close, in the subtrees with errors (document order).
 * Besides ERROR nodes, a JavaScript string that runs over a line break (`'s3:Get⏎    '`) is one: the grammar's
 * recovery may close it at the next line's quote.
 */
function firstUnterminatedString(node: Node, source: string, python: boolean, depth = 0): Node | undefined {
  if (depth > maxDepth) return undefined;
  const quotes = python ? ['string_start'] : ["'", '"'];
  const single = (start: Node | null) => !!start && quotes.includes(start.type) && !/('''|""")$/.test(start.text);
  for (const child of node.children) {
    if (node.type !== 'string' && single(child)) return child;
    if (child.type === 'string' && single(child.firstChild) && (child.hasError || (!python && runsOverLineBreak(child, source)))) return child.firstChild!;
    if (child.hasError) {
      const found = firstUnterminatedString(child, source, python, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Whether a line break stands in a JavaScript string outside its tokens (an escaped one is an escape_sequence). */
function runsOverLineBreak(string: Node, source: string): boolean {
  let previous = string.startIndex;
  for (const child of string.children) {
    if (/[\r\n]/.test(source.slice(previous, child.startIndex))) return true;
    previous = child.endIndex;
  }
  return false;
}

// --- Reading --------------------------------------------------------------------------------------------------------

type ElementKey = 'Sid' | 'Effect' | 'Principal' | 'NotPrincipal' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Condition';

const elementOrder: readonly ElementKey[] = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

/** PolicyStatement's properties (TypeScript) and keyword arguments (Python). */
const propertyElements: Readonly<Record<string, ElementKey>> = {
  sid: 'Sid',
  effect: 'Effect',
  principals: 'Principal',
  notPrincipals: 'NotPrincipal',
  not_principals: 'NotPrincipal',
  actions: 'Action',
  notActions: 'NotAction',
  not_actions: 'NotAction',
  resources: 'Resource',
  notResources: 'NotResource',
  not_resources: 'NotResource',
  conditions: 'Condition',
};

/** PolicyStatement's methods that add to a list. */
const listMethods: Readonly<Record<string, ElementKey>> = {
  addActions: 'Action',
  add_actions: 'Action',
  addNotActions: 'NotAction',
  add_not_actions: 'NotAction',
  addResources: 'Resource',
  add_resources: 'Resource',
  addNotResources: 'NotResource',
  add_not_resources: 'NotResource',
};

/**
 * PolicyStatement's methods that add principals (TypeScript and Python names). A statement with principals is one of a
 * resource-based policy (a bucket's, a key's, an API's): identity policies have none.
 */
const principalMethods: Readonly<Record<string, 'Principal' | 'NotPrincipal'>> = Object.fromEntries([
  ...['Principals', 'AnyPrincipal', 'ServicePrincipal', 'ArnPrincipal', 'AwsAccountPrincipal', 'AccountRootPrincipal', 'CanonicalUserPrincipal', 'FederatedPrincipal'].flatMap((name) => [
    [`add${name}`, 'Principal'],
    [`add${name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`, 'Principal'],
  ]),
  ['addNotPrincipals', 'NotPrincipal'],
  ['add_not_principals', 'NotPrincipal'],
]);

const methodPattern = `^(${[
  'addActions|addNotActions|addResources|addNotResources|addAllResources|addCondition|addConditions|fromJson',
  'add_actions|add_not_actions|add_resources|add_not_resources|add_all_resources|add_condition|add_conditions|from_json',
  ...Object.keys(principalMethods),
].join('|')})$`;

const queries = new Map<Language, Map<string, Query>>();

/**
 * Constructions of PolicyStatement and calls of its methods and fromJson: the candidates, checked against the imports
 * after. The class is matched by name, and by the local names a file gives it (`import { PolicyStatement as S }`);
 * queries are compiled once per language and set of such names (nearly always none).
 */
function candidateQuery(language: Language, python: boolean, aliases: readonly string[]): Query {
  let compiled = queries.get(language);
  if (!compiled) queries.set(language, (compiled = new Map()));
  const key = aliases.join(',');
  let query = compiled.get(key);
  if (!query) {
    const callee = `(^|[.])(${['PolicyStatement', ...aliases].join('|')})$`;
    query = new Query(
      language,
      python
        ? `(call function: (_) @callee (#match? @callee "${callee}")) @statement
           (call function: (attribute attribute: (identifier) @method (#match? @method "${methodPattern}"))) @call`
        : `(new_expression constructor: (_) @callee (#match? @callee "${callee}")) @statement
           (call_expression function: (member_expression property: (property_identifier) @method (#match? @method "${methodPattern}"))) @call`,
    );
    if (compiled.size > 16) compiled.clear();
    compiled.set(key, query);
  }
  return query;
}

/** Functions: their parameters shadow the names of the scopes around them. */
const functionScopes = new Set(['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration', 'function_definition', 'lambda']);
const typeScriptScopes = new Set(['program', 'statement_block', 'class_body', 'for_statement', 'for_in_statement', 'switch_case', 'switch_default', ...functionScopes]);
const pythonScopes = new Set(['module', 'function_definition', 'class_definition', 'lambda']);

interface ElementPart {
  readonly keySpan: Span;
  readonly entrySpan: Span;
  readonly value: HostValue;
}

/** A statement being assembled from its construction and the calls on it. */
interface StatementDraft {
  readonly start: number;
  readonly label: string;
  readonly spans: Span[];
  readonly parts: Map<ElementKey, ElementPart[]>;
  /** A spread or `**kwargs` among the properties: the Effect may be set there. */
  unknownProperties?: HostValue;
}

interface Binding {
  readonly offset: number;
  readonly draft: StatementDraft;
}

/** The statements of a document written as JSON: its Statement, an object or a list. */
function statementsOf(document: HostValue): readonly HostValue[] {
  if (document.kind !== 'mapping') return [];
  const statement = document.entries.find((entry) => entry.key === 'Statement')?.value;
  return statement?.kind === 'sequence' ? statement.items : statement ? [statement] : [];
}

/** Whether a statement names principals: then it belongs to a resource-based policy. */
function namesPrincipals(statements: readonly HostValue[]): boolean {
  return statements.some((statement) => statement.kind === 'mapping' && statement.entries.some((entry) => entry.key === 'Principal' || entry.key === 'NotPrincipal'));
}

const union = (spans: readonly Span[]): Span => {
  const start = Math.min(...spans.map((span) => span.offset));
  const end = Math.max(...spans.map((span) => span.offset + span.length));
  return { offset: start, length: end - start };
};

/** Shown in hover for a value only the program computes: what is written, on one line. */
function shortText(text: string): string {
  const line = text.split(/\r?\n|\r/, 1)[0]!.trim();
  return line.length > 80 || line.length < text.trim().length ? `${line.slice(0, 79)}…` : line;
}

class CdkReader {
  /** Names bound by the imports: `cdk` (the library), `iam` (aws-iam), or `iam.<export>`. */
  private readonly names = new Map<string, string>();
  private starIam = false;
  private starCdk = false;
  private lineStarts: number[] | undefined;
  private syntax: CdkSyntax = emptyCdkSyntax();

  constructor(
    private readonly text: string,
    private readonly source: string,
    private readonly insertions: readonly Insertion[],
    private readonly python: boolean,
  ) {}

  // Offsets of the parsed text -> offsets of the document.
  private original(offset: number): number {
    let result = offset;
    for (const insertion of this.insertions) {
      if (offset >= insertion.at + insertion.length) result -= insertion.length;
      else if (offset > insertion.at) result -= offset - insertion.at;
    }
    return result;
  }

  private span(node: Node): Span {
    const start = this.original(node.startIndex);
    return { offset: start, length: this.original(node.endIndex) - start };
  }

  /** Whether a repair inserted text inside this node (then the writer leaves it alone). */
  private repaired(node: Node): boolean {
    return this.insertions.some((insertion) => insertion.at < node.endIndex && node.startIndex < insertion.at + insertion.length);
  }

  private line(offset: number): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.text.length; i++) {
        const c = this.text.charCodeAt(i);
        if (c === 0x0d && this.text.charCodeAt(i + 1) === 0x0a) continue;
        if (c === 0x0a || c === 0x0d) this.lineStarts.push(i + 1);
      }
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  // --- Imports ----------------------------------------------------------------------------------------------------

  /** Reads the imports; false when the file does not import the CDK. */
  readImports(root: Node): boolean {
    let cdk = false;
    for (const statement of root.namedChildren) {
      if (this.python ? this.readPythonImport(statement) : this.readJavaScriptImport(statement)) cdk = true;
    }
    return cdk;
  }

  /** `cdk` for the library, `iam` for aws-iam, `other` for another CDK module, undefined for anything else. */
  private moduleOf(name: string): 'cdk' | 'iam' | 'other' | undefined {
    if (this.python) {
      if (name === 'aws_cdk') return 'cdk';
      if (name === 'aws_cdk.aws_iam') return 'iam';
      return name.startsWith('aws_cdk.') ? 'other' : undefined;
    }
    if (name === 'aws-cdk-lib') return 'cdk';
    if (name === 'aws-cdk-lib/aws-iam' || name === '@aws-cdk/aws-iam') return 'iam';
    return name.startsWith('aws-cdk-lib/') ? 'other' : undefined;
  }

  /** What `imported` names in a module (`aws_iam` of the library is aws-iam; aws-iam's names are its exports). */
  private bind(local: string, module: 'cdk' | 'iam' | 'other', imported: string | undefined): void {
    if (imported === undefined) {
      if (module !== 'other') this.names.set(local, module);
    } else if (module === 'cdk' && imported === 'aws_iam') this.names.set(local, 'iam');
    else if (module === 'iam') this.names.set(local, `iam.${imported}`);
  }

  private stringText(node: Node | null): string | undefined {
    if (!node || node.type !== 'string') return undefined;
    const value = this.stringValue(node, 0);
    return value.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
  }

  private readJavaScriptImport(statement: Node): boolean {
    if (statement.type === 'import_statement') {
      const requireClause = statement.namedChildren.find((child) => child.type === 'import_require_clause');
      const module = this.moduleOf(this.stringText(statement.childForFieldName('source') ?? requireClause?.namedChildren.find((c) => c.type === 'string') ?? null) ?? '');
      if (!module) return false;
      const requiredName = requireClause?.namedChildren.find((c) => c.type === 'identifier');
      if (requiredName) this.bind(requiredName.text, module, undefined);
      const clause = statement.namedChildren.find((child) => child.type === 'import_clause');
      for (const part of clause?.namedChildren ?? []) {
        if (part.type === 'identifier') this.bind(part.text, module, undefined);
        else if (part.type === 'namespace_import') {
          const name = part.namedChildren.find((c) => c.type === 'identifier');
          if (name) this.bind(name.text, module, undefined);
        } else if (part.type === 'named_imports') {
          for (const specifier of part.namedChildren) {
            if (specifier.type !== 'import_specifier') continue;
            const name = specifier.childForFieldName('name');
            const alias = specifier.childForFieldName('alias');
            const imported = name?.type === 'string' ? this.stringText(name) : name?.text;
            if (imported !== undefined) this.bind((alias ?? name)!.text, module, imported);
          }
        }
      }
      return true;
    }
    if (statement.type !== 'lexical_declaration' && statement.type !== 'variable_declaration') return false;
    let cdk = false;
    // `const iam = require('aws-cdk-lib/aws-iam')`, `const { aws_iam: iam } = require('aws-cdk-lib')`, `require('aws-cdk-lib').aws_iam`.
    for (const declarator of statement.namedChildren) {
      if (declarator.type !== 'variable_declarator') continue;
      let value = declarator.childForFieldName('value');
      let member: string | undefined;
      if (value?.type === 'member_expression') {
        member = value.childForFieldName('property')?.text;
        value = value.childForFieldName('object');
      }
      if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'require') continue;
      const argument = value.childForFieldName('arguments')?.namedChildren[0] ?? null;
      const module = this.moduleOf(this.stringText(argument) ?? '');
      if (!module) continue;
      cdk = true;
      const name = declarator.childForFieldName('name');
      if (name?.type === 'identifier') this.bind(name.text, module, member);
      else if (name?.type === 'object_pattern' && member === undefined) {
        for (const pattern of name.namedChildren) {
          if (pattern.type === 'shorthand_property_identifier_pattern') this.bind(pattern.text, module, pattern.text);
          else if (pattern.type === 'pair_pattern') {
            const key = pattern.childForFieldName('key');
            const local = pattern.childForFieldName('value');
            if (key && local?.type === 'identifier') this.bind(local.text, module, key.type === 'string' ? this.stringText(key) : key.text);
          }
        }
      }
    }
    return cdk;
  }

  private readPythonImport(statement: Node): boolean {
    if (statement.type === 'import_statement') {
      let cdk = false;
      for (const name of statement.namedChildren) {
        const dotted = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
        const alias = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : undefined;
        const module = dotted ? this.moduleOf(dotted.text) : undefined;
        if (!module) continue;
        cdk = true;
        // `import aws_cdk.aws_iam` binds `aws_cdk`; with `as iam`, `iam` is the module itself.
        if (alias !== undefined) this.bind(alias, module, undefined);
        else this.names.set('aws_cdk', 'cdk');
      }
      return cdk;
    }
    if (statement.type !== 'import_from_statement') return false;
    const module = this.moduleOf(statement.childForFieldName('module_name')?.text ?? '');
    if (!module) return false;
    for (const child of statement.namedChildren) {
      if (child.type === 'wildcard_import') {
        if (module === 'cdk') this.starCdk = true;
        if (module === 'iam') this.starIam = true;
      }
    }
    for (const name of statement.childrenForFieldName('name')) {
      const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
      const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : imported;
      if (imported !== undefined && local !== undefined) this.bind(local, module, imported);
    }
    return true;
  }

  /** What an expression names: `cdk`, `iam`, `iam.PolicyStatement`, `iam.Effect.DENY`, ..., or undefined. */
  private resolve(node: Node | null, depth = 0): string | undefined {
    if (!node || depth > 6) return undefined;
    switch (node.type) {
      case 'identifier': {
        const bound = this.names.get(node.text);
        if (bound) return bound;
        if (this.starIam && /^[A-Z]/.test(node.text)) return `iam.${node.text}`;
        if (this.starCdk && node.text === 'aws_iam') return 'iam';
        return undefined;
      }
      case 'member_expression':
      case 'attribute': {
        const object = this.resolve(node.childForFieldName('object'), depth + 1);
        const property = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property')?.text;
        if (!object || !property) return undefined;
        if (object === 'cdk') return property === 'aws_iam' ? 'iam' : undefined;
        return `${object}.${property}`;
      }
      case 'parenthesized_expression':
      case 'non_null_expression':
        return this.resolve(node.namedChildren.find((child) => child.type !== 'comment') ?? null, depth + 1);
      default:
        return undefined;
    }
  }

  // --- Policies ---------------------------------------------------------------------------------------------------

  readPolicies(root: Node, language: Language, syntax: CdkSyntax, writer: EmbeddedPolicy['writer']): EmbeddedPolicy[] {
    this.syntax = syntax;
    const aliases = [...this.names].filter(([local, bound]) => bound === 'iam.PolicyStatement' && local !== 'PolicyStatement' && /^\w+$/.test(local)).map(([local]) => local);
    const matches = candidateQuery(language, this.python, aliases.sort()).matches(root);
    const drafts = new Map<number, StatementDraft>();
    const bindings = new Map<string, Binding[]>();
    const calls: { call: Node; method: Node }[] = [];
    const documents: { start: number; policy: EmbeddedPolicy }[] = [];

    for (const match of matches) {
      const captured = (name: string) => match.captures.find((capture) => capture.name === name)?.node;
      const statement = captured('statement');
      if (statement) {
        if (this.resolve(captured('callee') ?? null) !== 'iam.PolicyStatement') continue;
        const draft = this.statementDraft(statement);
        drafts.set(statement.id, draft);
        const name = this.assignedName(statement);
        if (name) {
          const key = `${this.scopeOf(statement)?.id}:${name}`;
          const list = bindings.get(key) ?? [];
          list.push({ offset: statement.startIndex, draft });
          bindings.set(key, list);
        }
        continue;
      }
      const call = captured('call');
      const method = captured('method');
      if (call && method) calls.push({ call, method });
    }

    const ownDrafts: StatementDraft[] = [];
    for (const { call, method } of calls) {
      const name = method.text;
      const member = call.childForFieldName('function');
      const receiver = member?.childForFieldName('object') ?? null;
      const args = call.childForFieldName('arguments');
      if (!args) continue;
      if (name === 'fromJson' || name === 'from_json') {
        const policy = this.fromJson(this.resolve(receiver), call, args, writer);
        if (policy) documents.push({ start: call.startIndex, policy });
        continue;
      }
      let draft = this.receiverDraft(receiver, call, drafts, bindings);
      if (!draft) {
        // Conditions are added by other classes' methods of the same name; only lists make a statement of their own.
        if (name === 'addCondition' || name === 'add_condition' || name === 'addConditions' || name === 'add_conditions') continue;
        const span = this.span(call);
        draft = { start: call.startIndex, label: `${shortText(member?.text ?? name)} (line ${this.line(span.offset)})`, spans: [], parts: new Map() };
        ownDrafts.push(draft);
      }
      this.addCall(draft, name, method, call, args);
    }

    const statements = [...drafts.values(), ...ownDrafts].map((draft) => ({
      start: draft.start,
      policy: {
        root: wrapStatement(this.statementMapping(draft), union(draft.spans)),
        policyType: draft.parts.has('Principal') || draft.parts.has('NotPrincipal') ? ('resource' as const) : ('identity' as const),
        label: draft.label,
        writer,
        fragment: true,
      },
    }));
    return [...statements, ...documents].sort((a, b) => a.start - b.start).map((entry) => entry.policy);
  }

  /** The variable a construction is assigned to (`const s = new ...`, `s = iam.PolicyStatement(...)`). */
  private assignedName(node: Node): string | undefined {
    let parent = node.parent;
    while (parent && (parent.type === 'parenthesized_expression' || parent.type === 'as_expression' || parent.type === 'satisfies_expression')) parent = parent.parent;
    if (!parent) return undefined;
    if (parent.type === 'variable_declarator') {
      const name = parent.childForFieldName('name');
      return name?.type === 'identifier' ? name.text : undefined;
    }
    if (parent.type === 'assignment_expression' || parent.type === 'assignment') {
      const left = parent.childForFieldName('left');
      return left?.type === 'identifier' ? left.text : undefined;
    }
    return undefined;
  }

  private scopeOf(node: Node): Node | undefined {
    const scopes = this.python ? pythonScopes : typeScriptScopes;
    let current = node.parent;
    while (current && !scopes.has(current.type)) current = current.parent;
    return current ?? undefined;
  }

  /** The statement a method is called on: the construction itself, or the variable it was assigned to in scope. */
  private receiverDraft(receiver: Node | null, call: Node, drafts: Map<number, StatementDraft>, bindings: Map<string, Binding[]>): StatementDraft | undefined {
    let node = receiver;
    while (node && node.type === 'parenthesized_expression') node = node.namedChildren.find((child) => child.type !== 'comment') ?? null;
    if (!node) return undefined;
    const direct = drafts.get(node.id);
    if (direct) return direct;
    if (node.type !== 'identifier') return undefined;
    for (let scope = this.scopeOf(call); scope; scope = this.scopeOf(scope)) {
      const candidates = bindings.get(`${scope.id}:${node.text}`);
      if (!candidates) {
        if (functionScopes.has(scope.type) && this.hasParameter(scope, node.text)) return undefined;
        continue;
      }
      // The last assignment before the call; a call before every assignment (in a function run later) takes the first.
      const before = candidates.filter((binding) => binding.offset < call.startIndex);
      return (before[before.length - 1] ?? candidates[0])!.draft;
    }
    return undefined;
  }

  /** Whether a function declares a parameter of this name (`s`, `s: T`, `s = d`, `s?: T`; Python `s`, `s: T = d`). */
  private hasParameter(fn: Node, name: string): boolean {
    const parameters = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
    if (!parameters) return false;
    if (parameters.type === 'identifier') return parameters.text === name;
    return parameters.namedChildren.some((parameter) => {
      const named = parameter.childForFieldName('pattern') ?? parameter.childForFieldName('name') ?? (parameter.type === 'identifier' ? parameter : parameter.namedChildren[0]);
      return named?.type === 'identifier' && named.text === name;
    });
  }

  private firstArgument(args: Node): Node | undefined {
    return args.namedChildren.find((child) => child.type !== 'comment' && child.type !== 'keyword_argument');
  }

  private statementDraft(construction: Node): StatementDraft {
    const span = this.span(construction);
    const name = this.assignedName(construction);
    const draft: StatementDraft = {
      start: construction.startIndex,
      label: `PolicyStatement${name ? ` ${name}` : ''} (line ${this.line(span.offset)})`,
      spans: [span],
      parts: new Map(),
    };
    const args = construction.childForFieldName('arguments');
    if (!args) return draft;
    if (this.python) {
      for (const argument of args.namedChildren) {
        if (argument.type === 'dictionary_splat') draft.unknownProperties = this.opaque(argument);
        if (argument.type !== 'keyword_argument') continue;
        const key = argument.childForFieldName('name');
        const value = argument.childForFieldName('value');
        const element = key ? propertyElements[key.text] : undefined;
        if (key && value && element) this.addPart(draft, element, { keySpan: this.span(key), entrySpan: this.span(argument), value: this.element(element, value) });
      }
      return draft;
    }
    const props = this.firstArgument(args);
    if (!props) return draft;
    if (props.type !== 'object') {
      draft.unknownProperties = this.opaque(props);
      return draft;
    }
    for (const property of props.namedChildren) {
      if (property.type === 'spread_element') draft.unknownProperties = this.opaque(property);
      else if (property.type === 'shorthand_property_identifier') {
        const element = propertyElements[property.text];
        if (element) this.addPart(draft, element, { keySpan: this.span(property), entrySpan: this.span(property), value: this.opaque(property) });
      } else if (property.type === 'pair') {
        const key = property.childForFieldName('key');
        const value = property.childForFieldName('value');
        const name = key?.type === 'string' ? this.stringText(key) : key?.type === 'property_identifier' ? key.text : undefined;
        const element = name !== undefined ? propertyElements[name] : undefined;
        if (key && value && element) this.addPart(draft, element, { keySpan: this.span(key), entrySpan: this.span(property), value: this.element(element, value) });
      }
    }
    return draft;
  }

  private addPart(draft: StatementDraft, element: ElementKey, part: ElementPart): void {
    const parts = draft.parts.get(element) ?? [];
    parts.push(part);
    draft.parts.set(element, parts);
  }

  /**
   * A property's value: Effect.DENY is "Deny"; principals are objects (`new iam.AnyPrincipal()`), computed, so opaque;
   * the rest as written.
   */
  private element(element: ElementKey, value: Node): HostValue {
    if (element === 'Principal' || element === 'NotPrincipal') return this.opaque(value);
    if (element === 'Effect') {
      const resolved = this.resolve(value);
      if (resolved === 'iam.Effect.ALLOW' || resolved === 'iam.Effect.DENY') {
        return { kind: 'scalar', value: resolved === 'iam.Effect.DENY' ? 'Deny' : 'Allow', span: this.span(value) };
      }
    }
    return this.convert(value, 0);
  }

  private addCall(draft: StatementDraft, name: string, method: Node, call: Node, args: Node): void {
    const span = this.span(call);
    draft.spans.push(span);
    const keySpan = this.span(method);
    const principal = principalMethods[name];
    if (principal) {
      // The principals are computed either way; one part says the statement has them (a second would only merge).
      if (!draft.parts.has(principal)) this.addPart(draft, principal, { keySpan, entrySpan: span, value: this.opaque(args) });
      return;
    }
    const element = listMethods[name];
    if (element) {
      this.addPart(draft, element, { keySpan, entrySpan: span, value: this.list(args, 0) });
      return;
    }
    if (name === 'addAllResources' || name === 'add_all_resources') {
      // CDK writes "*": a wildcard the rules judge, though no string is written here.
      this.addPart(draft, 'Resource', { keySpan, entrySpan: span, value: { kind: 'sequence', span, items: [{ kind: 'scalar', value: '*', span: keySpan }] } });
      return;
    }
    const positional = args.namedChildren.filter((child) => child.type !== 'comment' && child.type !== 'keyword_argument');
    if (name === 'addConditions' || name === 'add_conditions') {
      if (positional[0]) this.addPart(draft, 'Condition', { keySpan, entrySpan: span, value: this.convert(positional[0], 0) });
      return;
    }
    // addCondition(key, value): one entry of the Condition mapping.
    const [key, value] = positional;
    const keyValue = key ? this.convert(key, 0) : undefined;
    if (!key || !value || keyValue?.kind !== 'scalar' || typeof keyValue.value !== 'string') return;
    const entry: HostEntry = {
      key: keyValue.value,
      keySpan: keyValue.span,
      keyContentOffset: keyValue.contentOffset,
      span: union([keyValue.span, this.span(value)]),
      value: this.convert(value, 0),
    };
    this.addPart(draft, 'Condition', { keySpan, entrySpan: span, value: { kind: 'mapping', span: this.span(args), entries: [entry] } });
  }

  private statementMapping(draft: StatementDraft): HostMapping {
    const span = union(draft.spans);
    const start: Span = { offset: span.offset, length: 0 };
    const entries: HostEntry[] = [];
    const merged: HostEntry[] = [];
    for (const element of elementOrder) {
      const parts = draft.parts.get(element);
      if (!parts || parts.length === 0) {
        if (element !== 'Effect') continue;
        const unknown = draft.unknownProperties;
        entries.push(
          unknown
            ? { key: 'Effect', keySpan: unknown.span, span: unknown.span, value: unknown }
            : { key: 'Effect', keySpan: start, span: start, value: { kind: 'scalar', value: 'Allow', span: start, implied: true } },
        );
        continue;
      }
      const first = parts[0]!;
      const entrySpan = union(parts.map((part) => part.entrySpan));
      if (parts.length === 1) entries.push({ key: element, keySpan: first.keySpan, span: entrySpan, value: first.value });
      else merged.push({ key: element, keySpan: first.keySpan, span: entrySpan, value: element === 'Condition' ? this.mergeConditions(parts) : this.mergeLists(parts) });
    }
    // A merged element spans from the constructor to its last call, over other elements written in between. The engine
    // looks for a position in the first entry whose value holds it: the merged ones go last, the narrowest first.
    merged.sort((a, b) => a.value!.span.length - b.value!.span.length);
    return { kind: 'mapping', span, entries: [...entries, ...merged] };
  }

  /** One Action (or Resource...) list from the constructor's and the calls' lists, each kept writable on its own. */
  private mergeLists(parts: readonly ElementPart[]): HostSequence {
    const segments: ListSegment[] = [];
    for (const part of parts) {
      const value = part.value;
      if (value.kind === 'sequence') segments.push(...(this.syntax.lists.get(value) ?? [{ items: value.items }]));
      else segments.push({ items: [value] });
    }
    const sequence: HostSequence = { kind: 'sequence', span: union(parts.map((part) => part.value.span)), items: segments.flatMap((segment) => segment.items) };
    this.syntax.lists.set(sequence, segments);
    return sequence;
  }

  /** Conditions from `conditions` and addCondition calls; an operator given twice has its keys merged, as CDK does. */
  private mergeConditions(parts: readonly ElementPart[]): HostMapping {
    const entries: HostEntry[] = [];
    for (const part of parts) {
      if (part.value.kind !== 'mapping') continue;
      for (const entry of part.value.entries) {
        const index = entries.findIndex((existing) => existing.key === entry.key);
        const existing = entries[index];
        if (existing?.value?.kind === 'mapping' && entry.value?.kind === 'mapping') {
          entries[index] = {
            ...existing,
            value: { kind: 'mapping', span: union([existing.value.span, entry.value.span]), entries: [...existing.value.entries, ...entry.value.entries] },
          };
        } else if (!existing) entries.push(entry);
      }
    }
    return { kind: 'mapping', span: union(parts.map((part) => part.value.span)), entries };
  }

  private fromJson(receiver: string | undefined, call: Node, args: Node, writer: EmbeddedPolicy['writer']): EmbeddedPolicy | undefined {
    if (receiver !== 'iam.PolicyDocument' && receiver !== 'iam.PolicyStatement') return undefined;
    const argument = this.firstArgument(args);
    if (!argument || (argument.type !== 'object' && argument.type !== 'dictionary')) return undefined;
    const value = this.convert(argument, 0);
    const line = this.line(this.span(call).offset);
    if (receiver === 'iam.PolicyDocument') return { root: value, policyType: namesPrincipals(statementsOf(value)) ? 'resource' : 'identity', label: `PolicyDocument.fromJson (line ${line})`, writer };
    const policyType = namesPrincipals([value]) ? 'resource' : 'identity';
    return { root: wrapStatement(value, this.span(call)), policyType, label: `PolicyStatement.fromJson (line ${line})`, writer, fragment: true };
  }

  // --- Values -----------------------------------------------------------------------------------------------------

  private opaque(node: Node): HostValue {
    return { kind: 'opaque', span: this.span(node), text: shortText(node.text) };
  }

  private firstNamed(node: Node): Node | undefined {
    return node.namedChildren.find((child) => child.type !== 'comment');
  }

  /** A value as written: literals, arrays, objects; strings built with `+`, templates and f-strings; else opaque. */
  private convert(node: Node, depth: number): HostValue {
    if (depth > maxDepth || node.isError || node.isMissing) return this.opaque(node);
    const span = this.span(node);
    switch (node.type) {
      case 'string':
        return this.stringValue(node, depth);
      case 'template_string':
        return this.templateString(node, depth);
      case 'concatenated_string':
        return this.concatenation(node.namedChildren.filter((child) => child.type !== 'comment'), node, depth);
      case 'binary_expression':
      case 'binary_operator': {
        if (node.childForFieldName('operator')?.type !== '+') return this.opaque(node);
        return this.concatenation(this.operands(node, 0), node, depth);
      }
      case 'number':
      case 'integer':
      case 'float': {
        const value = Number(node.text.replace(/_/g, ''));
        if (!Number.isFinite(value)) return this.opaque(node);
        const literal: HostValue = { kind: 'scalar', value, span, contentOffset: String(value) === node.text ? span.offset : undefined };
        this.syntax.literals.set(literal, { prefix: '', quote: '' });
        return literal;
      }
      case 'true':
      case 'false':
      case 'null':
      case 'none': {
        const value = node.type === 'true' ? true : node.type === 'false' ? false : null;
        const literal: HostValue = { kind: 'scalar', value, span, contentOffset: String(value) === node.text ? span.offset : undefined };
        this.syntax.literals.set(literal, { prefix: '', quote: '' });
        return literal;
      }
      case 'array':
      case 'list':
      case 'tuple':
        return this.list(node, depth);
      case 'object':
      case 'dictionary':
        return this.mapping(node, depth);
      case 'parenthesized_expression':
      case 'as_expression':
      case 'satisfies_expression':
      case 'non_null_expression': {
        const inner = this.firstNamed(node);
        return inner ? this.convert(inner, depth + 1) : this.opaque(node);
      }
      default:
        return this.opaque(node);
    }
  }

  /** The operands of a chain of `+` (left-associative, so the left side nests). */
  private operands(node: Node, depth: number): Node[] {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return [node];
    const isPlus = (candidate: Node) => (candidate.type === 'binary_expression' || candidate.type === 'binary_operator') && candidate.childForFieldName('operator')?.type === '+';
    return [...(isPlus(left) && depth < maxDepth ? this.operands(left, depth + 1) : [left]), right];
  }

  /** `'arn:aws:s3:::' + bucket + '/*'`, `"a" "b"`: literal parts and holes; opaque without any literal string. */
  private concatenation(operands: readonly Node[], whole: Node, depth: number): HostValue {
    const parts: (TemplateLiteral | TemplateHole)[] = [];
    let literal = false;
    for (const operand of operands) {
      const value = this.convert(operand, depth + 1);
      if (value.kind === 'scalar' && typeof value.value === 'string') {
        literal = true;
        parts.push({ text: value.value, contentOffset: value.contentOffset });
      } else if (value.kind === 'template') {
        literal = true;
        parts.push(...value.parts);
      } else parts.push({ hole: shortText(operand.text), span: value.span });
    }
    if (!literal) return this.opaque(whole);
    const span = this.span(whole);
    if (parts.every((part) => 'text' in part)) return { kind: 'scalar', value: parts.map((part) => ('text' in part ? part.text : '')).join(''), span };
    return { kind: 'template', span, parts };
  }

  private list(node: Node, depth: number): HostSequence {
    const items: HostValue[] = [];
    const commas: (number | undefined)[] = [];
    for (const child of node.children) {
      if (child.type === ',') {
        if (items.length > 0 && commas[items.length - 1] === undefined) commas[items.length - 1] = this.original(child.startIndex);
        continue;
      }
      if (!child.isNamed || child.type === 'comment' || child.type === 'keyword_argument') continue;
      items.push(this.convert(child, depth + 1));
      commas.push(undefined);
    }
    const sequence: HostSequence = { kind: 'sequence', span: this.span(node), items };
    const first = node.firstChild;
    const last = node.lastChild;
    // Written only where the brackets are real and nothing was recovered or repaired; a tuple could lose its comma.
    const writable =
      node.type !== 'tuple' && !node.hasError && !this.repaired(node) && (first?.type === '[' || first?.type === '(') && (last?.type === ']' || last?.type === ')');
    const syntax = writable ? { open: this.original(first!.startIndex), close: this.original(last!.startIndex), commas } : undefined;
    this.syntax.lists.set(sequence, [{ items, syntax }]);
    return sequence;
  }

  private mapping(node: Node, depth: number): HostMapping {
    const entries: HostEntry[] = [];
    for (const child of node.namedChildren) {
      if (child.type === 'shorthand_property_identifier') {
        const span = this.span(child);
        entries.push({ key: child.text, keySpan: span, keyContentOffset: span.offset, span, value: this.opaque(child) });
        continue;
      }
      if (child.type !== 'pair') continue;
      const key = child.childForFieldName('key');
      const value = child.childForFieldName('value');
      if (!key) continue;
      let name: string | undefined;
      let keyContentOffset: number | undefined;
      if (key.type === 'property_identifier') {
        name = key.text;
        keyContentOffset = this.span(key).offset;
      } else if (key.type === 'string') {
        const scalar = this.stringValue(key, depth + 1);
        if (scalar.kind === 'scalar' && typeof scalar.value === 'string') {
          name = scalar.value;
          keyContentOffset = scalar.contentOffset;
        }
      } else if (key.type === 'number') name = String(Number(key.text));
      // A computed key (`[k]: ...`) cannot be named: the entry is left out.
      if (name === undefined) continue;
      entries.push({ key: name, keySpan: this.span(key), keyContentOffset, span: this.span(child), value: value ? this.convert(value, depth + 1) : undefined });
    }
    return { kind: 'mapping', span: this.span(node), entries };
  }

  private stringValue(node: Node, depth: number): HostValue {
    return this.python ? this.pythonString(node, depth) : this.javaScriptString(node);
  }

  private javaScriptString(node: Node): HostValue {
    const children = node.children;
    const open = children[0];
    const close = children[children.length - 1];
    if (!open || !close || children.length < 2 || close.isMissing || node.hasError || close.type !== open.type) return this.opaque(node);
    let value = '';
    let escaped = false;
    for (const child of children.slice(1, -1)) {
      if (child.type === 'escape_sequence') {
        escaped = true;
        value += decodeJavaScriptEscape(child.text);
      } else {
        if (child.type !== 'string_fragment') escaped = true;
        value += child.text;
      }
    }
    // Without escapes the content is the text between the quotes, character for character.
    if (!escaped) value = this.source.slice(open.endIndex, close.startIndex);
    const scalar: HostValue = { kind: 'scalar', value, span: this.span(node), contentOffset: escaped ? undefined : this.original(open.endIndex) };
    if (!this.repaired(node)) this.syntax.literals.set(scalar, { prefix: '', quote: open.type });
    return scalar;
  }

  private templateString(node: Node, depth: number): HostValue {
    const children = node.children;
    const open = children[0];
    const close = children[children.length - 1];
    if (!open || !close || children.length < 2 || close.isMissing || close.type !== '`') return this.opaque(node);
    const parts: (TemplateLiteral | TemplateHole)[] = [];
    let run: { text: string; escaped: boolean; start: number } | undefined;
    const flush = () => {
      if (run) parts.push({ text: run.text, contentOffset: run.escaped ? undefined : this.original(run.start) });
      run = undefined;
    };
    for (const child of children.slice(1, -1)) {
      if (child.type === 'template_substitution') {
        flush();
        parts.push({ hole: shortText(child.text), span: this.span(child) });
        continue;
      }
      run ??= { text: '', escaped: false, start: child.startIndex };
      if (child.type === 'escape_sequence') {
        run.escaped = true;
        run.text += decodeJavaScriptEscape(child.text);
      } else {
        if (child.type !== 'string_fragment') run.escaped = true;
        run.text += child.text;
      }
    }
    flush();
    const span = this.span(node);
    if (parts.every((part) => 'text' in part)) {
      const literal = parts[0] as TemplateLiteral | undefined;
      const value = parts.map((part) => ('text' in part ? part.text : '')).join('');
      const scalar: HostValue = { kind: 'scalar', value, span, contentOffset: parts.length === 0 ? this.original(open.endIndex) : parts.length === 1 ? literal!.contentOffset : undefined };
      if (!this.repaired(node) && !node.hasError) this.syntax.literals.set(scalar, { prefix: '', quote: '`' });
      return scalar;
    }
    if (!parts.some((part) => 'text' in part) || depth > maxDepth) return this.opaque(node);
    return { kind: 'template', span, parts };
  }

  private pythonString(node: Node, depth: number): HostValue {
    const children = node.children;
    const start = children[0];
    const end = children[children.length - 1];
    if (start?.type !== 'string_start' || end?.type !== 'string_end' || end.isMissing || node.hasError) return this.opaque(node);
    const [, prefix = '', quote = '"'] = /^([A-Za-z]*)(.*)$/s.exec(start.text) ?? [];
    // Bytes are not text; \N{...} names a character we would need Unicode's name table for.
    if (/b/i.test(prefix)) return this.opaque(node);
    const raw = /r/i.test(prefix);
    const parts: (TemplateLiteral | TemplateHole)[] = [];
    let run: { text: string; escaped: boolean; start: number } | undefined;
    for (const child of children.slice(1, -1)) {
      if (child.type === 'interpolation') {
        if (run) parts.push({ text: run.text, contentOffset: run.escaped ? undefined : this.original(run.start) });
        run = undefined;
        parts.push({ hole: shortText(child.text), span: this.span(child) });
        continue;
      }
      if (child.type !== 'string_content') return this.opaque(node);
      run ??= { text: '', escaped: false, start: child.startIndex };
      let position = child.startIndex;
      for (const inner of child.children) {
        run.text += this.source.slice(position, inner.startIndex);
        position = inner.endIndex;
        if (inner.type === 'escape_interpolation') {
          run.escaped = true;
          run.text += inner.text[0];
        } else if (inner.type === 'escape_sequence' && !raw) {
          const decoded = decodePythonEscape(inner.text);
          if (decoded === undefined) return this.opaque(node);
          run.escaped = true;
          run.text += decoded;
        } else run.text += inner.text;
      }
      run.text += this.source.slice(position, child.endIndex);
    }
    if (run) parts.push({ text: run.text, contentOffset: run.escaped ? undefined : this.original(run.start) });
    const span = this.span(node);
    if (parts.every((part) => 'text' in part)) {
      const value = parts.map((part) => ('text' in part ? part.text : '')).join('');
      const contentOffset = parts.length === 0 ? this.original(start.endIndex) : parts.length === 1 ? (parts[0] as TemplateLiteral).contentOffset : undefined;
      const scalar: HostValue = { kind: 'scalar', value, span, contentOffset };
      if (!this.repaired(node)) this.syntax.literals.set(scalar, { prefix, quote });
      return scalar;
    }
    if (!parts.some((part) => 'text' in part) || depth > maxDepth) return this.opaque(node);
    return { kind: 'template', span, parts };
  }
}

/** The synthetic policy around a statement: { Version (implied), Statement: [statement] }. */
function wrapStatement(statement: HostValue, span: Span): HostMapping {
  const at: Span = { offset: span.offset, length: 0 };
  return {
    kind: 'mapping',
    span,
    entries: [
      { key: 'Version', keySpan: at, span: at, value: { kind: 'scalar', value: '2012-10-17', span: at, implied: true } },
      { key: 'Statement', keySpan: at, span, value: { kind: 'sequence', span, items: [statement] } },
    ],
  };
}

const simpleEscapes: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** The character(s) a JavaScript escape sequence stands for. */
function decodeJavaScriptEscape(escape: string): string {
  const body = escape.slice(1);
  if (/^(\r\n|\n|\r|\u2028|\u2029)$/.test(body)) return '';
  const hex = /^x([0-9a-fA-F]{2})$/.exec(body) ?? /^u([0-9a-fA-F]{4})$/.exec(body) ?? /^u\{([0-9a-fA-F]+)\}$/.exec(body);
  if (hex) {
    const code = parseInt(hex[1]!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return simpleEscapes[body] ?? body;
}

/** The character(s) a Python escape sequence stands for; undefined for `\N{name}`. */
function decodePythonEscape(escape: string): string | undefined {
  const body = escape.slice(1);
  if (/^(\r\n|\n|\r)$/.test(body)) return '';
  if (body.startsWith('N')) return undefined;
  const hex = /^x([0-9a-fA-F]{2})$/.exec(body) ?? /^u([0-9a-fA-F]{4})$/.exec(body) ?? /^U([0-9a-fA-F]{8})$/.exec(body);
  if (hex) {
    const code = parseInt(hex[1]!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(parseInt(body, 8));
  if (body === 'a') return '\x07';
  if (body === '0') return '\0';
  return simpleEscapes[body] ?? (body === '\\' || body === "'" || body === '"' ? body : escape);
}
