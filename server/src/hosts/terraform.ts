/**
 * Terraform as a host: the policies of a `.tf` file, read with the tree-sitter Terraform grammar. A policy is the
 * value of a known argument (`policy`, `assume_role_policy`, ...) written as `jsonencode({...})`, as JSON in a
 * heredoc or a string, or a `data "aws_iam_policy_document"` block, which becomes a synthetic tree shaped like the
 * JSON it produces, each real value keeping its exact span. Offsets are UTF-16 code units: web-tree-sitter parses
 * a JS string as UTF-16 and its indices count code units (checked by the tests with astral characters).
 */
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Span } from '../policy/model';
import type { PolicyType } from '../../../shared/settings';
import { jsonWriter, oneLine, readJson } from './json';
import {
  describeHclNode,
  hclWriter,
  type AttributePlace,
  type BlockPlace,
  type ConditionPlace,
  type PrincipalPlace,
} from './hclWriter';
import { policySpan } from './shift';
import { loadGrammar, loadedParser } from './treeSitter';
import type {
  EmbeddedPolicy,
  HostDocument,
  HostEntry,
  HostMapping,
  HostOpaque,
  HostScalar,
  HostSequence,
  HostSyntaxError,
  HostValue,
  HostWriter,
  TemplateHole,
  TemplateLiteral,
} from './types';

/** Loads the Terraform grammar; readTerraform needs it. */
export async function loadTerraform(): Promise<void> {
  await loadGrammar('terraform');
}

/** Where a resource type holds a policy: the argument and the policy type it has. */
interface PolicyArgument {
  readonly argument: string;
  readonly policyType: PolicyType | 'organizations';
}

const identityPolicy: readonly PolicyArgument[] = [{ argument: 'policy', policyType: 'identity' }];
const resourcePolicy: readonly PolicyArgument[] = [{ argument: 'policy', policyType: 'resource' }];

/** Resource types and their policy arguments (Terraform AWS provider's argument names). */
const policyArguments: Readonly<Record<string, readonly PolicyArgument[]>> = {
  aws_iam_policy: identityPolicy,
  aws_iam_role_policy: identityPolicy,
  aws_iam_user_policy: identityPolicy,
  aws_iam_group_policy: identityPolicy,
  aws_iam_role: [{ argument: 'assume_role_policy', policyType: 'trust' }],
  // Listed so the reader visits users: their permissions_boundary names a boundary policy.
  aws_iam_user: [],
  aws_s3_bucket_policy: resourcePolicy,
  aws_sqs_queue_policy: resourcePolicy,
  aws_sns_topic_policy: [{ argument: 'policy', policyType: 'resource' }],
  aws_kms_key: resourcePolicy,
  aws_kms_key_policy: resourcePolicy,
  aws_ecr_repository_policy: resourcePolicy,
  aws_ecrpublic_repository_policy: resourcePolicy,
  aws_ecr_registry_policy: resourcePolicy,
  aws_secretsmanager_secret_policy: resourcePolicy,
  aws_cloudwatch_log_resource_policy: [{ argument: 'policy_document', policyType: 'resource' }],
  aws_opensearch_domain_policy: [{ argument: 'access_policies', policyType: 'resource' }],
  aws_elasticsearch_domain_policy: [{ argument: 'access_policies', policyType: 'resource' }],
  aws_organizations_policy: [{ argument: 'content', policyType: 'organizations' }],
};

/** aws_organizations_policy's `type` (default SERVICE_CONTROL_POLICY) -> the policy type; other types are not IAM. */
const organizationsPolicyTypes: Readonly<Record<string, PolicyType>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

/** Arguments of aws_iam_policy_document that bring in documents we cannot see. */
const opaqueDocumentInputs = new Set(['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json']);

const noWriter: HostWriter = {
  replaceValue: () => undefined,
  insertEntry: () => undefined,
  removeEntries: () => undefined,
  renameKey: () => undefined,
  insertItems: () => undefined,
  removeItems: () => undefined,
};

/** The syntax errors reported for one file at most (a binary file read as .tf would give thousands). */
const errorLimit = 50;

/**
 * The policies of a Terraform file. Synchronous: `loadTerraform()` must have finished (an Error says so otherwise).
 * Undefined only if the parser gives no tree at all.
 */
export function readTerraform(text: string): HostDocument | undefined {
  const parser = loadedParser('terraform');
  if (!parser) throw new Error('readTerraform: the Terraform grammar is not loaded (await loadTerraform() first)');
  let tree = parser.parse(text);
  if (!tree) return undefined;
  try {
    const syntaxErrors = tree.rootNode.hasError ? collectErrors(tree.rootNode) : [];
    // Error recovery can swallow the blocks after a broken one: blank the top-level chunk holding the first error
    // (same length, so every offset stays the host's) and parse again, a few times at most.
    let source = text;
    for (let round = 0; round < recoveryRounds && tree.rootNode.hasError; round++) {
      const first = collectErrors(tree.rootNode)[0];
      if (!first) break;
      const [from, to] = topLevelChunk(source, first.offset);
      const blanked = source.slice(0, from) + source.slice(from, to).replace(/[^\r\n]/g, ' ') + source.slice(to);
      if (blanked === source) break;
      const next = parser.parse(blanked);
      if (!next) break;
      tree.delete();
      tree = next;
      source = blanked;
    }
    const reader = new TerraformReader(text);
    for (const block of topBlocks(tree.rootNode)) reader.readBlock(block);
    const reading = reader.reading();
    const policies = typedPolicies([reading], (policy, policyType) => (policyType === policy.policyType ? policy : { ...policy, policyType }));
    return { kind: 'terraform', policies, syntaxErrors: [...syntaxErrors, ...reading.jsonErrors] };
  } finally {
    // The tree lives in WebAssembly memory: the language server parses on every edit.
    tree.delete();
  }
}

const recoveryRounds = 8;

/** A line starting a top-level construct (`resource "x" "y" {`, `locals {`): an identifier in the first column. */
export function startsTopLevel(text: string, lineStart: number): boolean {
  const c = text.charCodeAt(lineStart);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * The lines around `offset` from the top-level start before it to the next one after it: where a broken block is
 * in a file laid out as `terraform fmt` does. Only used to recover from a syntax error.
 */
function topLevelChunk(text: string, offset: number): [number, number] {
  let from = Math.min(offset, text.length);
  while (from > 0 && text[from - 1] !== '\n') from--;
  while (from > 0 && !startsTopLevel(text, from)) {
    from--;
    while (from > 0 && text[from - 1] !== '\n') from--;
  }
  let to = from;
  for (;;) {
    while (to < text.length && text[to] !== '\n') to++;
    if (to >= text.length) return [from, text.length];
    to++;
    if (to > offset && startsTopLevel(text, to)) return [from, to];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Syntax tree helpers

function spanOf(node: SyntaxNode): Span {
  return { offset: node.startIndex, length: node.endIndex - node.startIndex };
}

function spanBetween(from: number, to: number): Span {
  return { offset: from, length: Math.max(0, to - from) };
}

function endOf(span: Span): number {
  return span.offset + span.length;
}

function union(spans: readonly Span[]): Span {
  const from = Math.min(...spans.map((s) => s.offset));
  return spanBetween(from, Math.max(...spans.map(endOf)));
}

/** Blocks of the file, also those that error recovery put inside ERROR nodes. */
export function topBlocks(node: SyntaxNode): SyntaxNode[] {
  const blocks: SyntaxNode[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'block') blocks.push(child);
    else if (child.type === 'body' || child.type === 'ERROR') blocks.push(...topBlocks(child));
  }
  return blocks;
}

function collectErrors(root: SyntaxNode): HostSyntaxError[] {
  const errors: HostSyntaxError[] = [];
  const visit = (node: SyntaxNode): void => {
    if (errors.length >= errorLimit) return;
    if (node.isMissing) {
      errors.push({ offset: node.startIndex, length: 0, message: `Syntax error: missing ${node.type}.` });
      return;
    }
    if (node.isError) {
      errors.push({ offset: node.startIndex, length: node.endIndex - node.startIndex, message: 'Syntax error: unexpected text.' });
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return errors;
}

/** An expression's one meaningful node: `expression` wraps every value. */
function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.type === 'expression' && current.namedChildCount === 1) current = current.namedChild(0)!;
  return current;
}

interface Attribute {
  readonly name: string;
  readonly nameSpan: Span;
  readonly span: Span;
  readonly value: SyntaxNode;
}

interface Block {
  readonly node: SyntaxNode;
  readonly type: string;
  readonly labels: readonly string[];
  readonly place: BlockPlace;
  readonly attributes: readonly Attribute[];
  readonly blocks: readonly Block[];
}

/** A block's parts; nested blocks are read only when `deep`. */
function readBlockShape(node: SyntaxNode, text: string, deep: boolean): Block | undefined {
  const typeNode = node.namedChild(0);
  if (!typeNode || typeNode.type !== 'identifier') return undefined;
  const labels: string[] = [];
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  let open = -1;
  let close = -1;
  const children = node.namedChildren;
  for (let i = 1; i < children.length; i++) {
    const child = children[i];
    if (!child) continue;
    if (child.type === 'string_lit') labels.push(text.slice(child.startIndex + 1, child.endIndex - 1));
    else if (child.type === 'identifier') labels.push(child.text);
    else if (child.type === 'block_start') open = child.startIndex;
    else if (child.type === 'block_end' && !child.isMissing) close = child.startIndex;
    else if (child.type === 'body') {
      for (const member of child.namedChildren) {
        if (!member) continue;
        if (member.type === 'attribute') {
          const name = member.namedChild(0);
          const value = member.namedChild(1);
          if (name?.type === 'identifier' && value) attributes.push({ name: name.text, nameSpan: spanOf(name), span: spanOf(member), value });
        } else if (member.type === 'block' && deep) {
          const inner = readBlockShape(member, text, true);
          if (inner) blocks.push(inner);
        }
      }
    }
  }
  if (open < 0 || close < 0) return undefined;
  return { node, type: typeNode.text, labels, place: { span: spanOf(node), typeSpan: spanOf(typeNode), open, close }, attributes, blocks };
}

function attributeOf(block: Block, name: string): Attribute | undefined {
  return block.attributes.find((a) => a.name === name);
}

// ---------------------------------------------------------------------------------------------------------------
// Strings

interface Run {
  readonly text: string;
  /** Where the run's characters stand one for one (a run without escapes). */
  readonly offset?: number;
  /** The host characters it was read from. */
  readonly rawStart: number;
  readonly rawEnd: number;
}

const backslashEscapes: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
const jsonOnlyEscapes: Readonly<Record<string, string>> = { '/': '/', b: '\b', f: '\f' };

/**
 * Splits a string's raw text into runs: plain runs (one for one) and escape runs. `backslash` decodes backslash
 * escapes (HCL quoted strings, or JSON strings; heredocs keep backslashes); with `templateEscapes`, `$${` and `%%{`
 * are HCL's escapes of a literal `${`/`%{` (an IAM policy variable such as `${aws:username}`). Undefined for an
 * invalid escape.
 */
function decodeRuns(raw: string, base: number, backslash: 'hcl' | 'json' | 'none', templateEscapes: boolean): Run[] | undefined {
  const runs: Run[] = [];
  let plainStart = 0;
  const flushPlain = (to: number): void => {
    if (to > plainStart) runs.push({ text: raw.slice(plainStart, to), offset: base + plainStart, rawStart: base + plainStart, rawEnd: base + to });
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    let decoded: string | undefined;
    let width = 0;
    if (c === '\\' && backslash !== 'none') {
      const next = raw[i + 1] ?? '';
      const hex4 = raw.slice(i + 2, i + 6);
      const hex8 = raw.slice(i + 2, i + 10);
      if (next in backslashEscapes || (backslash === 'json' && next in jsonOnlyEscapes)) {
        decoded = backslashEscapes[next] ?? jsonOnlyEscapes[next];
        width = 2;
      } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(hex4)) {
        decoded = String.fromCharCode(parseInt(hex4, 16));
        width = 6;
      } else if (next === 'U' && backslash === 'hcl' && /^[0-9a-fA-F]{8}$/.test(hex8) && parseInt(hex8, 16) <= 0x10ffff) {
        decoded = String.fromCodePoint(parseInt(hex8, 16));
        width = 10;
      } else return undefined;
    } else if (templateEscapes && (c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      decoded = `${c}{`;
      width = 3;
    }
    if (decoded === undefined) {
      i++;
      continue;
    }
    flushPlain(i);
    const last = runs[runs.length - 1];
    // Neighbouring escapes make one run: no position inside it maps one for one.
    if (last && last.offset === undefined && last.rawEnd === base + i) runs[runs.length - 1] = { text: last.text + decoded, rawStart: last.rawStart, rawEnd: base + i + width };
    else runs.push({ text: decoded, rawStart: base + i, rawEnd: base + i + width });
    i += width;
    plainStart = i;
  }
  flushPlain(raw.length);
  return runs;
}

function scalarFromRuns(span: Span, runs: readonly Run[]): HostScalar {
  const value = runs.map((r) => r.text).join('');
  const one = runs.length === 0 ? span.offset + 1 : runs.length === 1 ? runs[0]!.offset : undefined;
  return { kind: 'scalar', span, value, contentOffset: one };
}

/** A template from its literal runs and holes in order; opaque when no part is literal. */
function templateOf(span: Span, pieces: readonly (Run | TemplateHole)[], source: string): HostValue {
  const parts: (TemplateLiteral | TemplateHole)[] = [];
  for (const piece of pieces) {
    if ('hole' in piece) parts.push(piece);
    else if (piece.text) parts.push(piece.offset === undefined ? { text: piece.text } : { text: piece.text, contentOffset: piece.offset });
  }
  if (!parts.some((p) => !('hole' in p))) return opaque(span, source);
  if (!parts.some((p) => 'hole' in p)) return scalarFromRuns(span, pieces as Run[]);
  return { kind: 'template', span, parts };
}

/** The text from `start` to `stop` with these interpolations masked: `0` and spaces, as long as each. */
function maskHoles(text: string, start: number, stop: number, holes: readonly TemplateHole[]): string {
  const pieces: string[] = [];
  let cursor = start;
  for (const { span } of holes) {
    pieces.push(text.slice(cursor, span.offset), '0'.padEnd(span.length, ' '));
    cursor = endOf(span);
  }
  pieces.push(text.slice(cursor, stop));
  return pieces.join('');
}

function opaque(span: Span, source: string): HostOpaque {
  return { kind: 'opaque', span, text: oneLine(source) };
}

// ---------------------------------------------------------------------------------------------------------------
// The reader

export interface DocumentUse {
  readonly policyType: PolicyType;
  /** The argument's label (`resource.aws_iam_policy.NAME.policy`), to find boundaries among them. */
  readonly label: string;
}

/** `aws_iam_policy.NAME.arn` (the way a role or user names its permissions boundary) -> NAME. */
const policyArnReference = /^aws_iam_policy\.([A-Za-z_][\w-]*)\.arn$/;

/** A policy's writer: HCL, JSON inside a heredoc, or none (JSON inside a quoted HCL string). */
export type TerraformWriterKind = 'hcl' | 'heredoc' | 'none';

export function terraformWriter(kind: TerraformWriterKind, text: string): HostWriter {
  if (kind === 'hcl') return hclWriter(text);
  return kind === 'heredoc' ? escapingTemplates(jsonWriter(text)) : noWriter;
}

/** A `data "aws_iam_policy_document"` block's policy: its type depends on where the file uses it. */
export interface PolicyDocumentBlock {
  readonly name: string;
  readonly policy: EmbeddedPolicy;
  readonly hasPrincipals: boolean;
  readonly trustOnly: boolean;
}

/**
 * What some blocks of a file say (the whole file, or one block read alone when the file is read by pieces): their
 * policies with the type their argument gives, and what decides the types of policies in other blocks.
 */
export interface TerraformReading {
  readonly policies: readonly EmbeddedPolicy[];
  readonly writerKinds: readonly TerraformWriterKind[];
  readonly documents: readonly PolicyDocumentBlock[];
  /** `data.aws_iam_policy_document.NAME.json` used in a known argument: the type that argument gives. */
  readonly documentUses: ReadonlyMap<string, readonly DocumentUse[]>;
  /** aws_iam_policy resources that a role or user uses as its permissions boundary. */
  readonly boundaries: ReadonlySet<string>;
  readonly jsonErrors: readonly HostSyntaxError[];
}

/**
 * The file's policies in order, each with its final type: an aws_iam_policy a role names as its boundary is a
 * permissions boundary, a policy document takes the type of the argument that uses it (or its principals say).
 * `typed` gives a policy its type (a reader copies the policy; a piece reading places it).
 */
export function typedPolicies(readings: readonly TerraformReading[], typed: (policy: EmbeddedPolicy, policyType: PolicyType) => EmbeddedPolicy): EmbeddedPolicy[] {
  const boundaries = new Set<string>();
  const uses = new Map<string, DocumentUse[]>();
  for (const reading of readings) {
    for (const name of reading.boundaries) boundaries.add(name);
    for (const [name, list] of reading.documentUses) uses.set(name, [...(uses.get(name) ?? []), ...list]);
  }
  const boundaryType = (label: string, type: PolicyType): PolicyType => {
    const name = /^resource\.aws_iam_policy\.([^.]+)\.policy$/.exec(label)?.[1];
    return name !== undefined && boundaries.has(name) ? 'permissions-boundary' : type;
  };
  const policies: EmbeddedPolicy[] = [];
  for (const reading of readings) for (const policy of reading.policies) policies.push(typed(policy, boundaryType(policy.label, policy.policyType)));
  for (const reading of readings) {
    for (const document of reading.documents) {
      const types = new Set((uses.get(document.name) ?? []).map((u) => boundaryType(u.label, u.policyType)));
      let policyType: PolicyType;
      if (types.size === 1) policyType = [...types][0]!;
      else if (document.hasPrincipals) policyType = document.trustOnly ? 'trust' : 'resource';
      else policyType = 'identity';
      policies.push(typed(document.policy, policyType));
    }
  }
  // Where each is, without copying the tree of a policy a piece reading moved.
  const starts = new Map(policies.map((policy) => [policy, policySpan(policy).offset]));
  return policies.sort((a, b) => starts.get(a)! - starts.get(b)!);
}

export class TerraformReader {
  private readonly policies: EmbeddedPolicy[] = [];
  private readonly writerKinds: TerraformWriterKind[] = [];
  private readonly jsonErrors: HostSyntaxError[] = [];
  private readonly writer: HostWriter;
  private readonly heredocJsonWriter: HostWriter;
  private readonly documentUses = new Map<string, DocumentUse[]>();
  private readonly documents: PolicyDocumentBlock[] = [];
  private readonly boundaries = new Set<string>();

  constructor(private readonly text: string) {
    this.writer = terraformWriter('hcl', text);
    this.heredocJsonWriter = terraformWriter('heredoc', text);
  }

  reading(): TerraformReading {
    const { policies, writerKinds, documents, documentUses, boundaries, jsonErrors } = this;
    return { policies, writerKinds, documents, documentUses, boundaries, jsonErrors };
  }

  readBlock(node: SyntaxNode): void {
    const kind = node.namedChild(0);
    if (kind?.type !== 'identifier') return;
    // Most blocks of a file hold no policy: their first label says so before their body is read.
    const label = node.namedChild(1);
    const first = label?.type === 'string_lit' ? this.text.slice(label.startIndex + 1, label.endIndex - 1) : undefined;
    if (kind.text === 'resource' && first !== undefined && first in policyArguments) this.readResource(node);
    else if (kind.text === 'data' && first === 'aws_iam_policy_document') {
      const block = readBlockShape(node, this.text, true);
      if (block?.labels[0] === 'aws_iam_policy_document' && block.labels[1] !== undefined) this.readPolicyDocument(block);
    }
  }

  private readResource(node: SyntaxNode): void {
    const block = readBlockShape(node, this.text, true);
    if (!block) return;
    const [resourceType, name] = block.labels;
    if (resourceType === undefined || name === undefined) return;
    const prefix = `resource.${resourceType}.${name}`;
    for (const { argument, policyType } of policyArguments[resourceType] ?? []) {
      const attribute = attributeOf(block, argument);
      if (!attribute) continue;
      let type: PolicyType | undefined;
      if (policyType === 'organizations') {
        const typeAttribute = attributeOf(block, 'type');
        const literal = typeAttribute ? stringLiteral(unwrap(typeAttribute.value), this.text) : 'SERVICE_CONTROL_POLICY';
        type = literal === undefined ? undefined : organizationsPolicyTypes[literal];
      } else type = policyType;
      if (type) this.readPolicyArgument(attribute.value, type, `${prefix}.${argument}`);
    }
    if (resourceType === 'aws_iam_role' || resourceType === 'aws_iam_user') {
      const boundary = attributeOf(block, 'permissions_boundary');
      const name = boundary && policyArnReference.exec(this.text.slice(boundary.value.startIndex, boundary.value.endIndex).trim())?.[1];
      if (name) this.boundaries.add(name);
    }
    if (resourceType === 'aws_iam_role') {
      const inline = block.blocks.filter((b) => b.type === 'inline_policy');
      inline.forEach((b, i) => {
        const attribute = attributeOf(b, 'policy');
        if (attribute) this.readPolicyArgument(attribute.value, 'identity', `${prefix}.inline_policy${inline.length > 1 ? `[${i}]` : ''}.policy`);
      });
    }
  }

  private readPolicyArgument(expression: SyntaxNode, policyType: PolicyType, label: string): void {
    const node = unwrap(expression);
    const documentName = policyDocumentReference(expression);
    if (documentName !== undefined) {
      const uses = this.documentUses.get(documentName) ?? [];
      uses.push({ policyType, label });
      this.documentUses.set(documentName, uses);
      return;
    }
    if (node.type === 'function_call' && node.namedChild(0)?.text === 'jsonencode') {
      const args = node.namedChildren.find((c) => c?.type === 'function_arguments');
      const argument = args?.namedChild(0);
      if (!argument || args!.namedChildCount !== 1) return;
      const root = this.hclValue(argument);
      if (root.kind !== 'mapping') return;
      this.policies.push({ root, policyType, label, writer: this.writer });
      this.writerKinds.push('hcl');
      return;
    }
    const template = node.type === 'template_expr' ? node.namedChild(0) : node.type === 'literal_value' ? node.namedChild(0) : node;
    if (template?.type === 'heredoc_template') this.readHeredocJson(template, policyType, label);
    else if (template?.type === 'string_lit' || template?.type === 'quoted_template') this.readQuotedJson(template, policyType, label);
  }

  // -------------------------------------------------------------------------------------------------------------
  // HCL values (jsonencode)

  private hclValue(expression: SyntaxNode): HostValue {
    const node = unwrap(expression);
    const span = spanOf(expression);
    const source = this.text.slice(span.offset, endOf(span));
    switch (node.type) {
      case 'literal_value': {
        const literal = node.namedChild(0)!;
        if (literal.type === 'string_lit') return this.quotedString(literal) ?? opaque(span, source);
        if (literal.type === 'numeric_lit') {
          const value = Number(source);
          if (!Number.isFinite(value)) return opaque(span, source);
          return { kind: 'scalar', span, value, contentOffset: String(value) === source ? span.offset : undefined };
        }
        if (literal.type === 'bool_lit') return { kind: 'scalar', span, value: source === 'true', contentOffset: span.offset };
        if (literal.type === 'null_lit') return { kind: 'scalar', span, value: null, contentOffset: span.offset };
        return opaque(span, source);
      }
      case 'template_expr': {
        const template = node.namedChild(0);
        return template?.type === 'quoted_template' ? (this.quotedString(template) ?? opaque(span, source)) : opaque(span, source);
      }
      case 'collection_value': {
        const collection = node.namedChild(0)!;
        if (collection.type === 'tuple') {
          const items = collection.namedChildren.filter((c): c is SyntaxNode => c?.type === 'expression').map((c) => this.hclValue(c));
          return describeHclNode({ kind: 'sequence', span, items } satisfies HostSequence, { kind: 'tuple', list: false });
        }
        if (collection.type === 'object') return this.hclObject(collection, span);
        return opaque(span, source);
      }
      default:
        // References, function calls, conditionals, for expressions, splats, operations: the host computes them.
        return opaque(span, source);
    }
  }

  private hclObject(object: SyntaxNode, span: Span): HostValue {
    const entries: HostEntry[] = [];
    let quotedKeys: boolean | undefined;
    let separator: '=' | ':' | undefined;
    for (const element of object.namedChildren) {
      if (element?.type !== 'object_elem') continue;
      const keyNode = element.childForFieldName('key');
      const valueNode = element.childForFieldName('val');
      if (!keyNode || !valueNode) continue;
      const key = unwrap(keyNode);
      const keySpan = spanOf(keyNode);
      let name: string | undefined;
      let keyContentOffset: number | undefined;
      if (key.type === 'variable_expr') {
        name = key.text;
        keyContentOffset = keySpan.offset;
        quotedKeys ??= false;
      } else if (key.type === 'literal_value' && key.namedChild(0)?.type === 'string_lit') {
        const scalar = this.quotedString(key.namedChild(0)!);
        if (scalar?.kind === 'scalar' && typeof scalar.value === 'string') {
          name = scalar.value;
          keyContentOffset = scalar.contentOffset;
        }
        quotedKeys ??= true;
      }
      // A computed key (`(var.k) = ...`) has no name we can know: the entry is left out.
      if (name === undefined) continue;
      const operator = element.children.find((c) => c?.type === '=' || c?.type === ':');
      separator ??= operator?.type === ':' ? ':' : '=';
      const value = this.hclValue(valueNode);
      entries.push({ key: name, keySpan, keyContentOffset, span: spanBetween(keySpan.offset, endOf(value.span)), value });
    }
    return describeHclNode({ kind: 'mapping', span, entries } satisfies HostMapping, {
      kind: 'object',
      quotedKeys: quotedKeys ?? false,
      separator: separator ?? '=',
    });
  }

  /** A quoted HCL string (`string_lit` or `quoted_template`): scalar, template, or undefined when it cannot be read. */
  private quotedString(node: SyntaxNode): HostValue | undefined {
    const span = spanOf(node);
    const source = this.text.slice(span.offset, endOf(span));
    const children = node.children.filter((c): c is SyntaxNode => c !== null);
    const start = children[0];
    const close = children[children.length - 1];
    if (start?.type !== 'quoted_template_start' || close?.type !== 'quoted_template_end' || close.isMissing) return undefined;
    const pieces: (Run | TemplateHole)[] = [];
    let cursor = start.endIndex;
    for (const child of children) {
      if (child.type === 'template_directive') return opaque(span, source);
      if (child.type !== 'template_interpolation') continue;
      // `${~ x ~}` strips the whitespace around it: the literal parts would not be what is written.
      if (child.namedChildren.some((c) => c?.type === 'strip_marker')) return opaque(span, source);
      const runs = decodeRuns(this.text.slice(cursor, child.startIndex), cursor, 'hcl', true);
      if (!runs) return opaque(span, source);
      pieces.push(...runs, { hole: child.text, span: spanOf(child) });
      cursor = child.endIndex;
    }
    const runs = decodeRuns(this.text.slice(cursor, close.startIndex), cursor, 'hcl', true);
    if (!runs) return opaque(span, source);
    pieces.push(...runs);
    return templateOf(span, pieces, source);
  }

  // -------------------------------------------------------------------------------------------------------------
  // JSON in heredocs and strings

  /**
   * JSON in a heredoc. Interpolations are masked (same length, `0` then spaces: a JSON value outside strings, plain
   * characters inside) so the JSON reader sees JSON and every offset stays the host's; then strings holding
   * interpolations become templates and masked values opaque. `<<-` only strips indentation, which JSON ignores.
   */
  private readHeredocJson(heredoc: SyntaxNode, policyType: PolicyType, label: string): void {
    const identifiers = heredoc.namedChildren.filter((c) => c?.type === 'heredoc_identifier');
    if (identifiers.length !== 2) return;
    const [opening, closing] = identifiers as [SyntaxNode, SyntaxNode];
    if (heredoc.namedChildren.some((c) => c?.type === 'template_directive')) return;
    let start = opening.endIndex;
    while (start < this.text.length && this.text[start] !== '\n') start++;
    start++;
    let stop = closing.startIndex;
    while (stop > start && (this.text[stop - 1] === ' ' || this.text[stop - 1] === '\t')) stop--;
    const holes = heredoc.namedChildren
      .filter((c): c is SyntaxNode => c?.type === 'template_interpolation')
      .map((c) => ({ hole: c.text, span: spanOf(c) }));
    const first = this.text.slice(start, stop).trimStart()[0];
    if (first !== '{') return;
    // Only the heredoc's text is read (a copy of the whole file per heredoc would be quadratic); spans are shifted.
    const json = maskHoles(this.text, start, stop, holes);
    const local = holes.map((h) => ({ hole: h.hole, span: { offset: h.span.offset - start, length: h.span.length } }));
    const reading = readJson(json);
    for (const error of reading.errors) this.jsonErrors.push({ ...error, offset: error.offset + start });
    if (!reading.root) return;
    const root = this.adoptJson(reading.root, json, local, (offset) => offset + start, 'none');
    if (root.kind !== 'mapping') return;
    this.policies.push({ root, policyType, label, writer: this.heredocJsonWriter });
    this.writerKinds.push('heredoc');
  }

  /**
   * JSON in a quoted HCL string (`"{\"Version\": ...}"`): decoded, read, and its spans mapped back to the host.
   * Its edits would need JSON escaped inside an HCL string: it has no writer.
   */
  private readQuotedJson(node: SyntaxNode, policyType: PolicyType, label: string): void {
    const children = node.children.filter((c): c is SyntaxNode => c !== null);
    const start = children[0];
    const close = children[children.length - 1];
    if (start?.type !== 'quoted_template_start' || close?.type !== 'quoted_template_end' || close.isMissing) return;
    // decoded[i] came from host offset map[i]; map[decoded.length] is the closing quote.
    let decoded = '';
    const map: number[] = [];
    const holes: TemplateHole[] = [];
    const append = (from: number, to: number): boolean => {
      const runs = decodeRuns(this.text.slice(from, to), from, 'hcl', true);
      if (!runs) return false;
      for (const run of runs) {
        // An escape's characters all map to where it starts: no position inside it stands one for one.
        for (let k = 0; k < run.text.length; k++) map.push(run.offset === undefined ? run.rawStart : run.offset + k);
        decoded += run.text;
      }
      return true;
    };
    let cursor = start.endIndex;
    for (const child of children) {
      if (child.type === 'template_directive') return;
      if (child.type !== 'template_interpolation') continue;
      if (!append(cursor, child.startIndex)) return;
      const hole = { hole: child.text, span: spanOf(child) };
      holes.push({ hole: hole.hole, span: { offset: decoded.length, length: hole.span.length } });
      for (let k = 0; k < hole.span.length; k++) map.push(hole.span.offset + k);
      decoded += '0'.padEnd(hole.span.length, ' ');
      cursor = child.endIndex;
    }
    if (!append(cursor, close.startIndex)) return;
    map.push(close.startIndex);
    if (decoded.trimStart()[0] !== '{') return;
    const reading = readJson(decoded);
    const toHost = (offset: number): number => map[Math.min(offset, map.length - 1)]!;
    for (const error of reading.errors) this.jsonErrors.push({ ...error, offset: toHost(error.offset), length: toHost(error.offset + error.length) - toHost(error.offset) });
    if (!reading.root) return;
    const root = this.adoptJson(reading.root, decoded, holes, toHost, 'json');
    if (root.kind !== 'mapping') return;
    this.policies.push({ root, policyType, label, writer: noWriter });
    this.writerKinds.push('none');
  }

  /**
   * The JSON reader's tree in host terms: spans through `toHost`, masked holes opaque, strings with holes
   * templates, `$${`/`%%{` decoded (heredocs; a quoted string's are decoded before reading).
   */
  private adoptJson(node: HostValue, json: string, holes: readonly TemplateHole[], toHost: (offset: number) => number, decodedEscapes: 'none' | 'json'): HostValue {
    const mapSpan = (span: Span): Span => spanBetween(toHost(span.offset), toHost(endOf(span)));
    const mapContent = (offset: number | undefined, length: number): number | undefined =>
      offset !== undefined && toHost(offset + length) - toHost(offset) === length ? toHost(offset) : undefined;
    const adopt = (value: HostValue): HostValue => {
      const span = mapSpan(value.span);
      switch (value.kind) {
        case 'mapping':
          return {
            kind: 'mapping',
            span,
            entries: value.entries.map((entry) => ({
              key: entry.key,
              keySpan: mapSpan(entry.keySpan),
              keyContentOffset: mapContent(entry.keyContentOffset, entry.key.length),
              span: mapSpan(entry.span),
              value: entry.value && adopt(entry.value),
            })),
          };
        case 'sequence':
          return { kind: 'sequence', span, items: value.items.map(adopt) };
        case 'scalar': {
          const inside = holes.filter((h) => h.span.offset >= value.span.offset && endOf(h.span) <= endOf(value.span));
          const source = this.text.slice(span.offset, endOf(span));
          if (typeof value.value !== 'string') {
            // A masked interpolation reads as the number 0 at its first character.
            const masked = holes.find((h) => h.span.offset === value.span.offset);
            if (masked) return { kind: 'opaque', span: mapSpan(masked.span), text: oneLine(masked.hole) };
            return { ...value, span, contentOffset: mapContent(value.contentOffset, String(value.value).length) };
          }
          const rawInner = json.slice(value.span.offset + 1, endOf(value.span) - 1);
          const templateEscapes = decodedEscapes === 'none' && (rawInner.includes('$${') || rawInner.includes('%%{'));
          if (!inside.length && !templateEscapes) return { ...value, span, contentOffset: mapContent(value.contentOffset, value.value.length) };
          const pieces: (Run | TemplateHole)[] = [];
          let cursor = value.span.offset + 1;
          for (const hole of [...inside, undefined]) {
            const to = hole ? hole.span.offset : endOf(value.span) - 1;
            const runs = decodeRuns(json.slice(cursor, to), cursor, 'json', decodedEscapes === 'none');
            if (!runs) return opaque(span, source);
            for (const run of runs) pieces.push({ ...run, offset: mapContent(run.offset, run.text.length) });
            if (hole) {
              pieces.push({ hole: hole.hole, span: mapSpan(hole.span) });
              cursor = endOf(hole.span);
            }
          }
          return templateOf(span, pieces, source);
        }
        default:
          return { ...value, span };
      }
    };
    return adopt(node);
  }

  // -------------------------------------------------------------------------------------------------------------
  // data "aws_iam_policy_document"

  private readPolicyDocument(block: Block): void {
    const name = block.labels[1]!;
    const entries: HostEntry[] = [];
    const attributes = new Map<string, AttributePlace>(block.attributes.map((a) => [a.name, { span: a.span, nameSpan: a.nameSpan }]));
    const firstMember = Math.min(block.place.close, ...block.attributes.map((a) => a.span.offset), ...block.blocks.map((b) => b.place.span.offset));
    const version = attributeOf(block, 'version');
    if (version) entries.push(this.stringAttributeEntry('Version', version));
    else {
      const span = spanBetween(firstMember, firstMember);
      const value = describeHclNode({ kind: 'scalar', span, value: '2012-10-17', implied: true } satisfies HostScalar, {
        kind: 'implied',
        attribute: 'version',
        block: block.place,
      });
      entries.push({ key: 'Version', keySpan: span, span, value });
    }
    const policyId = attributeOf(block, 'policy_id');
    if (policyId) entries.push(this.stringAttributeEntry('Id', policyId));
    const statementBlocks = block.blocks.filter((b) => b.type === 'statement' || (b.type === 'dynamic' && b.labels[0] === 'statement'));
    let hasPrincipals = false;
    let trustOnly = true;
    if (statementBlocks.length) {
      const items = statementBlocks.map((b) => {
        if (b.type === 'dynamic') return opaque(b.place.span, this.text.slice(b.place.span.offset, endOf(b.place.span)));
        const statement = this.statement(b);
        hasPrincipals ||= statement.hasPrincipals;
        trustOnly &&= statement.trustOnly;
        return statement.value;
      });
      const span = union(statementBlocks.map((b) => b.place.span));
      const sequence = describeHclNode({ kind: 'sequence', span, items } satisfies HostSequence, {
        kind: 'statements',
        document: block.place,
        blocks: statementBlocks.map((b) => b.place),
      });
      entries.push({ key: 'Statement', keySpan: statementBlocks[0]!.place.typeSpan, span, value: sequence });
    } else {
      // Statements only from documents we cannot see (source_policy_documents...): they are there, computed.
      const input = block.attributes.find((a) => opaqueDocumentInputs.has(a.name));
      if (input) {
        const span = spanOf(input.value);
        entries.push({ key: 'Statement', keySpan: input.nameSpan, span: input.span, value: opaque(span, this.text.slice(span.offset, endOf(span))) });
      }
    }
    const complete = !block.attributes.some((a) => opaqueDocumentInputs.has(a.name)) && block.blocks.every((b) => b.type === 'statement');
    const root = describeHclNode({ kind: 'mapping', span: block.place.span, entries } satisfies HostMapping, {
      kind: 'document',
      block: block.place,
      attributes,
      statements: statementBlocks.filter((b) => b.type === 'statement').map((b) => b.place),
      complete,
    });
    this.documents.push({
      name,
      policy: { root, policyType: 'identity', label: `data.aws_iam_policy_document.${name}`, writer: this.writer },
      hasPrincipals,
      trustOnly: hasPrincipals && trustOnly,
    });
  }

  private stringAttributeEntry(key: string, attribute: Attribute): HostEntry {
    const value = this.hclValue(attribute.value);
    if (value.kind === 'scalar') describeHclNode(value, { kind: 'stringAttribute' });
    return { key, keySpan: attribute.nameSpan, span: attribute.span, value };
  }

  private listAttributeEntry(key: string, attribute: Attribute): HostEntry {
    const value = this.hclValue(attribute.value);
    if (value.kind === 'sequence') describeHclNode(value, { kind: 'tuple', list: true });
    return { key, keySpan: attribute.nameSpan, span: attribute.span, value };
  }

  private statement(block: Block): { value: HostMapping; hasPrincipals: boolean; trustOnly: boolean } {
    const found: { offset: number; entry: HostEntry }[] = [];
    const attributes = new Map<string, AttributePlace>();
    let effectSeen = false;
    let trustOnly = true;
    for (const attribute of block.attributes) {
      attributes.set(attribute.name, { span: attribute.span, nameSpan: attribute.nameSpan });
      const stringKey = attribute.name === 'sid' ? 'Sid' : attribute.name === 'effect' ? 'Effect' : undefined;
      const listKey = { actions: 'Action', not_actions: 'NotAction', resources: 'Resource', not_resources: 'NotResource' }[attribute.name];
      if (stringKey) {
        effectSeen ||= stringKey === 'Effect';
        found.push({ offset: attribute.span.offset, entry: this.stringAttributeEntry(stringKey, attribute) });
      } else if (listKey) {
        const entry = this.listAttributeEntry(listKey, attribute);
        if (listKey === 'Action' || listKey === 'NotAction') trustOnly &&= listKey === 'Action' && onlyTrustActions(entry.value);
        found.push({ offset: attribute.span.offset, entry });
      }
    }
    const blocks = new Map<string, BlockPlace[]>();
    for (const inner of block.blocks) {
      const type = inner.type === 'dynamic' ? inner.labels[0] : inner.type;
      if (type === undefined) continue;
      blocks.set(type, [...(blocks.get(type) ?? []), inner.place]);
    }
    for (const [key, blockType] of [
      ['Principal', 'principals'],
      ['NotPrincipal', 'not_principals'],
    ] as const) {
      const entry = this.principals(block, key, blockType);
      if (entry) found.push({ offset: entry.span.offset, entry });
    }
    const condition = this.conditions(block);
    if (condition) found.push({ offset: condition.span.offset, entry: condition });
    found.sort((a, b) => a.offset - b.offset);
    const entries = found.map((f) => f.entry);
    if (!effectSeen) {
      const at = Math.min(block.place.close, ...found.map((f) => f.offset));
      const span = spanBetween(at, at);
      const value = describeHclNode({ kind: 'scalar', span, value: 'Allow', implied: true } satisfies HostScalar, {
        kind: 'implied',
        attribute: 'effect',
        block: block.place,
      });
      entries.unshift({ key: 'Effect', keySpan: span, span, value });
    }
    const value = describeHclNode({ kind: 'mapping', span: block.place.span, entries } satisfies HostMapping, {
      kind: 'statement',
      block: block.place,
      attributes,
      blocks,
    });
    const hasPrincipals = entries.some((e) => e.key === 'Principal' || e.key === 'NotPrincipal');
    return { value, hasPrincipals, trustOnly: trustOnly && entries.some((e) => e.key === 'Action') };
  }

  /** `principals` blocks merged by type into one Principal mapping (`type = "*"` with `["*"]` alone: Principal "*"). */
  private principals(statement: Block, key: string, blockType: string): HostEntry | undefined {
    const blocks = statement.blocks.filter((b) => b.type === blockType || (b.type === 'dynamic' && b.labels[0] === blockType));
    if (!blocks.length) return undefined;
    const span = union(blocks.map((b) => b.place.span));
    const keySpan = blocks[0]!.place.typeSpan;
    const whole = (): HostEntry => ({ key, keySpan, span, value: opaque(span, this.text.slice(span.offset, endOf(span))) });
    const places: PrincipalPlace[] = [];
    const byType = new Map<string, { places: PrincipalPlace[]; values: HostValue[]; spans: Span[]; keySpan: Span; keyContentOffset?: number }>();
    for (const b of blocks) {
      const typeAttribute = attributeOf(b, 'type');
      const identifiers = attributeOf(b, 'identifiers');
      const type = typeAttribute && this.hclValue(typeAttribute.value);
      if (b.type === 'dynamic' || !identifiers || type?.kind !== 'scalar' || typeof type.value !== 'string') return whole();
      const place: PrincipalPlace = { block: b.place, type: type.value, typeSpan: type.span };
      places.push(place);
      const value = this.hclValue(identifiers.value);
      if (value.kind === 'sequence') describeHclNode(value, { kind: 'tuple', list: true });
      const group = byType.get(type.value) ?? { places: [], values: [], spans: [], keySpan: type.span, keyContentOffset: type.contentOffset };
      group.places.push(place);
      group.values.push(value);
      group.spans.push(typeAttribute!.span, identifiers.span);
      byType.set(type.value, group);
    }
    const only = byType.get('*');
    if (byType.size === 1 && only && only.values.length === 1) {
      const ids = only.values[0]!;
      const star = ids.kind === 'sequence' && ids.items.length === 1 ? ids.items[0] : undefined;
      if (star?.kind === 'scalar' && star.value === '*') {
        const value = describeHclNode({ ...star }, { kind: 'principalStar', statement: statement.place, blockType, places });
        return { key, keySpan, span, value };
      }
    }
    const entries: HostEntry[] = [];
    for (const [type, group] of byType) {
      const value = group.values.length === 1 ? group.values[0]! : this.mergedList(group.values, group.places.map((p) => p.block));
      entries.push({ key: type, keySpan: group.keySpan, keyContentOffset: group.keyContentOffset, span: union(group.spans), value });
    }
    const value = describeHclNode({ kind: 'mapping', span, entries } satisfies HostMapping, {
      kind: 'principals',
      statement: statement.place,
      blockType,
      places,
    });
    return { key, keySpan, span, value };
  }

  /** `condition` blocks as { test: { variable: values } }; blocks with the same test and variable merge their values. */
  private conditions(statement: Block): HostEntry | undefined {
    const blocks = statement.blocks.filter((b) => b.type === 'condition' || (b.type === 'dynamic' && b.labels[0] === 'condition'));
    if (!blocks.length) return undefined;
    const span = union(blocks.map((b) => b.place.span));
    const keySpan = blocks[0]!.place.typeSpan;
    const places: ConditionPlace[] = [];
    interface Group {
      keySpan: Span;
      keyContentOffset?: number;
      spans: Span[];
      variables: Map<string, { keySpan: Span; keyContentOffset?: number; spans: Span[]; values: HostValue[]; blocks: BlockPlace[] }>;
    }
    const tests = new Map<string, Group>();
    for (const b of blocks) {
      const test = attributeOf(b, 'test');
      const variable = attributeOf(b, 'variable');
      const values = attributeOf(b, 'values');
      const testValue = test && this.hclValue(test.value);
      const variableValue = variable && this.hclValue(variable.value);
      if (
        b.type === 'dynamic' ||
        !values ||
        testValue?.kind !== 'scalar' ||
        typeof testValue.value !== 'string' ||
        variableValue?.kind !== 'scalar' ||
        typeof variableValue.value !== 'string'
      ) {
        return { key: 'Condition', keySpan, span, value: opaque(span, this.text.slice(span.offset, endOf(span))) };
      }
      places.push({ block: b.place, test: testValue.value, testSpan: testValue.span, variable: variableValue.value, variableSpan: variableValue.span });
      const value = this.hclValue(values.value);
      if (value.kind === 'sequence') describeHclNode(value, { kind: 'tuple', list: true });
      const group: Group = tests.get(testValue.value) ?? { keySpan: testValue.span, keyContentOffset: testValue.contentOffset, spans: [], variables: new Map() };
      group.spans.push(b.place.span);
      const byVariable = group.variables.get(variableValue.value) ?? {
        keySpan: variableValue.span,
        keyContentOffset: variableValue.contentOffset,
        spans: [],
        values: [],
        blocks: [],
      };
      byVariable.spans.push(variable!.span, values.span);
      byVariable.values.push(value);
      byVariable.blocks.push(b.place);
      group.variables.set(variableValue.value, byVariable);
      tests.set(testValue.value, group);
    }
    const entries: HostEntry[] = [];
    for (const [test, group] of tests) {
      const variables: HostEntry[] = [];
      for (const [variable, v] of group.variables) {
        const value = v.values.length === 1 ? v.values[0]! : this.mergedList(v.values, v.blocks);
        variables.push({ key: variable, keySpan: v.keySpan, keyContentOffset: v.keyContentOffset, span: union(v.spans), value });
      }
      const groupSpan = union(group.spans);
      const value = describeHclNode({ kind: 'mapping', span: groupSpan, entries: variables } satisfies HostMapping, {
        kind: 'conditionTest',
        statement: statement.place,
        test,
        places: places.filter((p) => p.test === test),
      });
      entries.push({ key: test, keySpan: group.keySpan, keyContentOffset: group.keyContentOffset, span: union([group.keySpan, groupSpan]), value });
    }
    const value = describeHclNode({ kind: 'mapping', span, entries } satisfies HostMapping, { kind: 'conditions', statement: statement.place, places });
    return { key: 'Condition', keySpan, span, value };
  }

  /** One list of several blocks' lists; an opaque list stands as one opaque item. */
  private mergedList(parts: readonly HostValue[], blocks: readonly BlockPlace[]): HostSequence {
    const items = parts.flatMap((p) => (p.kind === 'sequence' ? p.items : [p]));
    return describeHclNode({ kind: 'sequence', span: union(parts.map((p) => p.span)), items } satisfies HostSequence, { kind: 'merged', parts, blocks });
  }
}

/** A string literal's text without escapes, or undefined (an expression, a template). */
function stringLiteral(node: SyntaxNode, text: string): string | undefined {
  const literal = node.type === 'literal_value' ? node.namedChild(0) : node;
  if (literal?.type !== 'string_lit') return undefined;
  const raw = text.slice(literal.startIndex + 1, literal.endIndex - 1);
  return raw.includes('\\') || raw.includes('{') ? undefined : raw;
}

/** `data.aws_iam_policy_document.NAME.json` -> NAME. */
function policyDocumentReference(expression: SyntaxNode): string | undefined {
  const parts = expression.type === 'expression' ? expression.namedChildren : [];
  if (parts.length !== 4) return undefined;
  const [head, kind, name, output] = parts;
  if (head?.type !== 'variable_expr' || head.text !== 'data') return undefined;
  const attr = (n: SyntaxNode | null): string | undefined => (n?.type === 'get_attr' ? n.namedChild(0)?.text : undefined);
  if (attr(kind) !== 'aws_iam_policy_document' || attr(output) !== 'json') return undefined;
  return attr(name);
}

const trustAction = /^sts:(AssumeRole[A-Za-z]*|TagSession|SetSourceIdentity)$/i;

/** Every literal action is one of a trust policy's (sts:AssumeRole*, sts:TagSession, sts:SetSourceIdentity). */
function onlyTrustActions(value: HostValue | undefined): boolean {
  if (!value) return false;
  const items = value.kind === 'sequence' ? value.items : [value];
  return items.length > 0 && items.every((item) => item.kind === 'scalar' && typeof item.value === 'string' && trustAction.test(item.value));
}

/**
 * A JSON writer for JSON inside a heredoc: HCL would interpolate `${` in what it writes, so `${`/`%{` are doubled
 * (an IAM policy variable `${aws:username}` is written `$${aws:username}`). A replacement function, not a string:
 * `$$` in a replacement string means one `$`.
 */
function escapingTemplates(writer: HostWriter): HostWriter {
  const escape = (edits: ReturnType<HostWriter['replaceValue']>) =>
    edits?.map((edit) => ({ ...edit, text: edit.text.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{') }));
  return {
    replaceValue: (node, value) => escape(writer.replaceValue(node, value)),
    insertEntry: (mapping, before, key, value) => escape(writer.insertEntry(mapping, before, key, value)),
    removeEntries: (mapping, entries) => escape(writer.removeEntries(mapping, entries)),
    renameKey: (mapping, entry, key) => escape(writer.renameKey(mapping, entry, key)),
    insertItems: (sequence, index, values) => escape(writer.insertItems(sequence, index, values)),
    removeItems: (sequence, items) => escape(writer.removeItems(sequence, items)),
  };
}
