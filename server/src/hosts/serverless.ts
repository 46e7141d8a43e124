/**
 * Serverless Framework files (serverless.yml): the IAM statements of the service's role, `provider.iam.role.statements`
 * (v3, v4) and v2's `provider.iamRoleStatements`, and the per-function `functions.<name>.iamRoleStatements` of the
 * serverless-iam-roles-per-function plugin. Each list is one identity policy whose root is a synthetic mapping
 * {Version (implied), Statement: the list as written}. Not policies: `provider.iamManagedPolicies` and
 * `provider.iam.role.managedPolicies` (ARNs), `provider.iam.role.permissionsBoundary` (an ARN). `resources.Resources`
 * is raw CloudFormation, for the CloudFormation host.
 *
 * Serverless variables (`${self:custom.x}`, `${opt:stage}`, `${env:X}`, `${ssm:/a}`, `${cf:stack.out}`,
 * `${file(./x.yml):y}`, `${aws:accountId}`...) are resolved by the framework before deployment: a whole-string
 * variable is opaque, one inside a longer string a hole of a template. Any other `${...}` (`${aws:username}`) is an
 * IAM policy variable and stays literal text.
 */
import type { Span } from '../policy/model';
import type { EmbeddedPolicy, HostDocument, HostEntry, HostMapping, HostScalar, HostValue, HostWriter, TemplateHole, TemplateLiteral } from './types';
import { interpretIntrinsics } from './cloudformation';
import { throughOrigins } from './shift';
import { copyYamlLayout, readYaml, type YamlDocument, type YamlRead } from './yaml';
import { yamlWriter } from './yamlWriter';

/** The sources of Serverless variables (`${source:address}`, `${file(path):address}`); `aws:` only for these two. */
const variableSource = /^\s*(?:self|opt|env|sls|param|s3|git|cf(?:\.[\w-]+)?|ssm(?:\.[\w-]+)?|aws:(?:accountId|region)(?![\w/-])|(?:file|strToBool)\s*\()/;
const sourceEnd = /^\s*(?:self|opt|env|sls|param|s3|git|cf(?:\.[\w-]+)?|ssm(?:\.[\w-]+)?):/;

function isServerlessVariable(inner: string): boolean {
  if (!variableSource.test(inner)) return false;
  return /^\s*aws:/.test(inner) || /^\s*(?:file|strToBool)\s*\(/.test(inner) || sourceEnd.test(inner);
}

/** The Serverless variables in a string: [start, end) of each `${...}` (nested ones inside count as one). */
function variablesIn(value: string): [number, number][] {
  const found: [number, number][] = [];
  let from = value.indexOf('${');
  while (from >= 0) {
    let depth = 0;
    let close = -1;
    for (let i = from; i < value.length; i++) {
      if (value[i] === '{') depth++;
      else if (value[i] === '}' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0) break;
    if (isServerlessVariable(value.slice(from + 2, close))) {
      found.push([from, close + 1]);
      from = value.indexOf('${', close + 1);
    } else from = value.indexOf('${', from + 2);
  }
  return found;
}

/** A string scalar with variables as an opaque value or a template; anything else unchanged. */
function withVariables(scalar: HostScalar): HostValue {
  const value = scalar.value;
  if (typeof value !== 'string' || !value.includes('${')) return scalar;
  const variables = variablesIn(value);
  if (variables.length === 0) return scalar;
  if (variables.length === 1 && variables[0][0] === 0 && variables[0][1] === value.length) {
    return { kind: 'opaque', span: scalar.span, text: value.length > 80 ? `${value.slice(0, 79)}…` : value };
  }
  const at = scalar.contentOffset;
  const parts: (TemplateLiteral | TemplateHole)[] = [];
  let last = 0;
  const literal = (from: number, to: number): void => {
    if (to > from) parts.push({ text: value.slice(from, to), contentOffset: at === undefined ? undefined : at + from });
  };
  for (const [from, to] of variables) {
    literal(last, from);
    const span: Span = at === undefined ? scalar.span : { offset: at + from, length: to - from };
    parts.push({ hole: value.slice(from, to), span });
    last = to;
  }
  literal(last, value.length);
  if (!parts.some((p) => 'text' in p)) return { kind: 'opaque', span: scalar.span, text: value };
  return { kind: 'template', span: scalar.span, parts };
}

/** The tree with Serverless variables interpreted; containers are rebuilt only where something changed. */
export function interpretVariables(value: HostValue): HostValue {
  switch (value.kind) {
    case 'scalar':
      return withVariables(value);
    case 'mapping': {
      // Fn::Sub reads every `${...}` in its string as a hole itself: the CloudFormation reading covers our variables.
      if (value.entries.length === 1 && value.entries[0].key === 'Fn::Sub') return value;
      let changed = false;
      const entries = value.entries.map((entry): HostEntry => {
        const inner = entry.value ? interpretVariables(entry.value) : undefined;
        if (inner === entry.value) return entry;
        changed = true;
        return { ...entry, value: inner };
      });
      if (!changed) return value;
      const rebuilt: HostMapping = { ...value, entries };
      copyYamlLayout(value, rebuilt);
      return rebuilt;
    }
    case 'sequence': {
      const items = value.items.map(interpretVariables);
      if (items.every((item, i) => item === value.items[i])) return value;
      const rebuilt: HostValue = { ...value, items };
      copyYamlLayout(value, rebuilt);
      return rebuilt;
    }
    default:
      return value;
  }
}


function entryOf(mapping: HostValue | undefined, key: string): HostEntry | undefined {
  if (!mapping || mapping.kind !== 'mapping') return undefined;
  for (let i = mapping.entries.length - 1; i >= 0; i--) if (mapping.entries[i].key === key) return mapping.entries[i];
  return undefined;
}

const valueOf = (mapping: HostValue | undefined, key: string): HostValue | undefined => entryOf(mapping, key)?.value;

function scalarText(value: HostValue | undefined): string | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

/** Is this document's root a Serverless Framework service for AWS? By content only. */
function isServerless(root: HostValue | undefined): root is HostMapping {
  if (!root || root.kind !== 'mapping') return false;
  const provider = valueOf(root, 'provider');
  if (!provider || provider.kind !== 'mapping') return false;
  const name = valueOf(provider, 'name');
  if (name !== undefined) {
    // A provider named by a variable is still ours only if it says `aws` literally; any other name is not AWS.
    if (scalarText(name) !== 'aws') return false;
    return entryOf(root, 'service') !== undefined || entryOf(provider, 'iam') !== undefined || entryOf(provider, 'iamRoleStatements') !== undefined;
  }
  if (entryOf(provider, 'iam') || entryOf(provider, 'iamRoleStatements')) return true;
  // serverless.yml without `provider.name`: a service with functions or a provider with a runtime.
  return entryOf(root, 'service') !== undefined && (entryOf(root, 'functions') !== undefined || entryOf(provider, 'runtime') !== undefined);
}

/** Synthetic policy roots: the writer refuses to edit them (they are not in the file); the list inside is real. */
const syntheticRoots = new WeakSet<HostValue>();

function policyWriter(writer: HostWriter): HostWriter {
  const real = (node: HostValue): boolean => throughOrigins(node, (origin) => syntheticRoots.has(origin) || undefined) === undefined && !node.implied;
  return {
    replaceValue: (node, value) => (real(node) ? writer.replaceValue(node, value) : undefined),
    insertEntry: (mapping, before, key, value) => (real(mapping) ? writer.insertEntry(mapping, before, key, value) : undefined),
    removeEntries: (mapping, entries) => (real(mapping) ? writer.removeEntries(mapping, entries) : undefined),
    renameKey: (mapping, entry, key) => (real(mapping) ? writer.renameKey(mapping, entry, key) : undefined),
    insertItems: (sequence, index, values) => (real(sequence) ? writer.insertItems(sequence, index, values) : undefined),
    removeItems: (sequence, items) => (real(sequence) ? writer.removeItems(sequence, items) : undefined),
  };
}

function policyOf(text: string, statements: HostEntry, label: string, writer: HostWriter): EmbeddedPolicy | undefined {
  const list = statements.value;
  if (!list || list.kind !== 'sequence') return undefined;
  // Serverless resolves its variables before CloudFormation sees the template, so they are read first; then the
  // intrinsics (`Fn::GetAtt`, `!Ref`, `Fn::Join`, `Fn::Sub`) as the CloudFormation host reads them.
  const statement = interpretIntrinsics(interpretVariables(list), text);
  const version: HostScalar = { kind: 'scalar', value: '2012-10-17', span: { offset: list.span.offset, length: 0 }, implied: true };
  const root: HostMapping = {
    kind: 'mapping',
    span: list.span,
    entries: [
      { key: 'Version', keySpan: { offset: list.span.offset, length: 0 }, span: { offset: list.span.offset, length: 0 }, value: version },
      { key: 'Statement', keySpan: statements.keySpan, keyContentOffset: statements.keyContentOffset, span: statements.span, value: statement },
    ],
  };
  syntheticRoots.add(root);
  // The statements go to the role the framework makes for the functions, which only Lambda assumes.
  return { root, policyType: 'identity', label, writer, serviceRole: true };
}

/**
 * The Serverless Framework service in `text`, or undefined when it is not one. `source` is the text already read
 * (its syntax errors then come from it; a bare document list has none to give).
 */
export function readServerless(text: string, source?: readonly YamlDocument[] | YamlRead): HostDocument | undefined {
  const read: YamlRead = source === undefined ? readYaml(text) : 'documents' in source ? source : { documents: source, errors: [] };
  const root = read.documents.map((doc) => doc.root).find(isServerless);
  if (!root) return undefined;
  const writer = policyWriter(yamlWriter(text));
  const policies: EmbeddedPolicy[] = [];
  const add = (entry: HostEntry | undefined, label: string): void => {
    const policy = entry && policyOf(text, entry, label, writer);
    if (policy) policies.push(policy);
  };
  const provider = valueOf(root, 'provider');
  add(entryOf(valueOf(valueOf(provider, 'iam'), 'role'), 'statements'), 'provider.iam.role.statements');
  add(entryOf(provider, 'iamRoleStatements'), 'provider.iamRoleStatements');
  const functions = valueOf(root, 'functions');
  if (functions?.kind === 'mapping') {
    for (const fn of functions.entries) add(entryOf(fn.value, 'iamRoleStatements'), `functions.${fn.key}.iamRoleStatements`);
  }
  return { kind: 'serverless', policies, syntaxErrors: read.errors };
}
