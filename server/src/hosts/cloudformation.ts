/**
 * CloudFormation and SAM templates, in YAML or JSON: which documents are templates (by content, never by file name),
 * where their policies are and of which type, and what CloudFormation's intrinsic functions mean for the checker.
 *
 * The YAML reader turns short-form tags (`!Sub`, `!GetAtt`) into the long form (`{"Fn::Sub": ...}`), so one
 * interpretation serves both syntaxes. An intrinsic becomes a HostOpaque, or a HostTemplate where literal text is
 * still checkable (`!Sub`, `!Join`). `Fn::If` never picks a branch, except that a branch of `AWS::NoValue` means
 * "written conditionally": the other branch is checked as if present.
 */
import type { Span } from '../policy/model';
import type { PolicyType } from '../../../shared/settings';
import type {
  EmbeddedPolicy,
  HostDocument,
  HostEntry,
  HostMapping,
  HostOpaque,
  HostSyntaxError,
  HostTemplate,
  HostValue,
  HostWriter,
  JsonValue,
  TemplateHole,
  TemplateLiteral,
} from './types';
import { jsonWriter, oneLine, readJson } from './json';
import { throughOrigins } from './shift';
import { copyYamlLayout, readYaml, type YamlRead } from './yaml';
import { yamlWriter } from './yamlWriter';

// ---------------------------------------------------------------------------------------------------------------
// Small readers of the host tree

function entryOf(mapping: HostValue | undefined, key: string): HostEntry | undefined {
  if (mapping?.kind !== 'mapping') return undefined;
  // CloudFormation rejects duplicate keys; the first one is what the user sees first.
  return mapping.entries.find((entry) => entry.key === key);
}

function valueOf(mapping: HostValue | undefined, key: string): HostValue | undefined {
  return entryOf(mapping, key)?.value;
}

function stringOf(value: HostValue | undefined): string | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Detection

/** `AWS::Service::Resource`: the type of a resource CloudFormation provides (custom resources do not count alone). */
const awsResourceType = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/;

/**
 * Is this document a CloudFormation (or SAM) template? `AWSTemplateFormatVersion`, a SAM transform, or `Resources`
 * with at least one AWS resource type. A workflow, a Kubernetes manifest, a compose file or an OpenAPI file has none.
 */
export function isCloudFormation(root: HostValue | undefined): boolean {
  if (root?.kind !== 'mapping') return false;
  if (entryOf(root, 'AWSTemplateFormatVersion')) return true;
  if (isServerlessTransform(valueOf(root, 'Transform'))) return true;
  const resources = valueOf(root, 'Resources');
  if (resources?.kind !== 'mapping') return false;
  return resources.entries.some((entry) => awsResourceType.test(stringOf(valueOf(entry.value, 'Type')) ?? ''));
}

function isServerlessTransform(transform: HostValue | undefined): boolean {
  const named = (value: HostValue | undefined) => (stringOf(value) ?? '').startsWith('AWS::Serverless-');
  return transform?.kind === 'sequence' ? transform.items.some(named) : named(transform);
}

// ---------------------------------------------------------------------------------------------------------------
// Intrinsic functions

/** The one entry of an intrinsic function call (`{"Fn::Sub": ...}`, `!Ref X`), or undefined for other values. */
function intrinsicCall(value: HostValue): HostEntry | undefined {
  if (value.kind !== 'mapping' || value.entries.length !== 1) return undefined;
  const entry = value.entries[0]!;
  if (entry.key === 'Ref' || entry.key.startsWith('Fn::')) return entry;
  // `Condition` names a condition only with a string; a policy's Condition element is a mapping.
  if (entry.key === 'Condition' && stringOf(entry.value) !== undefined) return entry;
  return undefined;
}

function isNoValue(value: HostValue | undefined): boolean {
  if (!value) return false;
  const call = intrinsicCall(value);
  return call?.key === 'Ref' && stringOf(call.value) === 'AWS::NoValue';
}

/**
 * Sequences with an item written under `Fn::If` (shown as its branch): the writers place and remove items by their
 * spans, and the branch's span is inside the If, so items are neither inserted nor removed there.
 */
const conditionalItems = new WeakSet<HostValue>();
const hasConditionalItems = (sequence: HostValue) => throughOrigins(sequence, (node) => conditionalItems.has(node) || undefined) !== undefined;

/** Beyond this depth a subtree is left as it is: no policy nests so deep, and recursion must stay bounded. */
const maxDepth = 200;

/**
 * The value as the checker should see it: intrinsics become opaque values or templates, recursively. `text` is the
 * host text, for the opaque values' hover text (as written); without it, the text is rendered from the tree.
 */
export function interpretIntrinsics(value: HostValue, text?: string): HostValue {
  return interpret(value, text, 0);
}

function interpret(value: HostValue, text: string | undefined, depth: number): HostValue {
  if (depth > maxDepth) return value;
  const call = intrinsicCall(value);
  if (call) return interpretCall(value, call, text, depth);
  if (value.kind === 'mapping') {
    let changed = false;
    const entries = value.entries.map((entry) => {
      if (!entry.value) return entry;
      const interpreted = interpret(entry.value, text, depth + 1);
      if (interpreted === entry.value) return entry;
      changed = true;
      return { ...entry, value: interpreted };
    });
    if (!changed) return value;
    const rebuilt: HostMapping = { ...value, entries };
    copyYamlLayout(value, rebuilt);
    return rebuilt;
  }
  if (value.kind === 'sequence') {
    let changed = false;
    let conditional = false;
    const items = value.items.map((item) => {
      const interpreted = interpret(item, text, depth + 1);
      if (interpreted !== item) changed = true;
      // An item that is the branch of an If stands inside the If: its span is not the item's.
      if (intrinsicCall(item)?.key === 'Fn::If' && interpreted.kind !== 'opaque') conditional = true;
      return interpreted;
    });
    if (!changed) return value;
    const rebuilt = { ...value, items };
    copyYamlLayout(value, rebuilt);
    if (conditional) conditionalItems.add(rebuilt);
    return rebuilt;
  }
  return value;
}

function interpretCall(value: HostValue, call: HostEntry, text: string | undefined, depth: number): HostValue {
  switch (call.key) {
    case 'Fn::Sub':
      return sub(value, call.value) ?? opaque(value, text);
    case 'Fn::Join':
      return join(value, call.value, text, depth) ?? opaque(value, text);
    case 'Fn::If': {
      // Written conditionally (one branch is "nothing"): checked as if present. Otherwise the value depends on a
      // condition we cannot know: never pick a branch.
      const args = call.value;
      if (args?.kind !== 'sequence' || args.items.length !== 3) return opaque(value, text);
      const [, whenTrue, whenFalse] = args.items;
      if (isNoValue(whenTrue) && !isNoValue(whenFalse)) return interpret(whenFalse!, text, depth + 1);
      if (isNoValue(whenFalse) && !isNoValue(whenTrue)) return interpret(whenTrue!, text, depth + 1);
      return opaque(value, text);
    }
    default:
      return opaque(value, text);
  }
}

function opaque(value: HostValue, text: string | undefined): HostOpaque {
  const shown = text !== undefined ? oneLine(text.slice(value.span.offset, value.span.offset + value.span.length)) : oneLine(describe(value, 0));
  const result: HostOpaque = { kind: 'opaque', span: value.span, text: shown };
  copyYamlLayout(value, result);
  return result;
}

/** A short rendering of a value when the host text is not at hand: intrinsics in their short form. */
function describe(value: HostValue | undefined, depth: number): string {
  if (!value) return '';
  if (depth > 8) return '…';
  switch (value.kind) {
    case 'scalar':
      // Quoted where the bare text would read as something else (`!Split [",", ...]`).
      return typeof value.value !== 'string' ? String(value.value) : /^$|[\s,[\]{}:"']/.test(value.value) ? JSON.stringify(value.value) : value.value;
    case 'template':
      return value.parts.map((part) => ('hole' in part ? part.hole : part.text)).join('');
    case 'opaque':
      return value.text;
    case 'sequence':
      return `[${value.items.map((item) => describe(item, depth + 1)).join(', ')}]`;
    case 'mapping': {
      const call = intrinsicCall(value);
      if (call) return `!${call.key.replace(/^Fn::/, '')} ${describe(call.value, depth + 1)}`;
      return `{${value.entries.map((entry) => `${entry.key}: ${describe(entry.value, depth + 1)}`).join(', ')}}`;
    }
  }
}

/**
 * `Fn::Sub` of a string (or of [string, variables]): literal text with `${X}` holes. `${!Literal}` is the literal
 * text `${Literal}` (how IAM policy variables are written inside a Sub); its characters do not stand one for one.
 */
function sub(value: HostValue, argument: HostValue | undefined): HostTemplate | undefined {
  const source = argument?.kind === 'sequence' ? argument.items[0] : argument;
  if (source?.kind !== 'scalar' || typeof source.value !== 'string') return undefined;
  const string = source.value;
  const base = source.contentOffset;
  const parts: (TemplateLiteral | TemplateHole)[] = [];
  const literal = (from: number, to: number) => {
    if (to > from) parts.push(base === undefined ? { text: string.slice(from, to) } : { text: string.slice(from, to), contentOffset: base + from });
  };
  let at = 0;
  while (at < string.length) {
    const open = string.indexOf('${', at);
    const close = open < 0 ? -1 : string.indexOf('}', open + 2);
    if (open < 0 || close < 0) {
      literal(at, string.length);
      break;
    }
    literal(at, open);
    if (string.charCodeAt(open + 2) === 0x21 /* ! */) {
      parts.push({ text: `\${${string.slice(open + 3, close + 1)}` });
    } else {
      const span: Span = base === undefined ? source.span : { offset: base + open, length: close + 1 - open };
      parts.push({ hole: string.slice(open, close + 1), span });
    }
    at = close + 1;
  }
  return templateOf(value, parts);
}

/**
 * `Fn::Join` with a literal delimiter and a written list: literal strings with their places, the delimiters as
 * literal text that is not written between them (no place), intrinsics as holes (or their own literal parts).
 */
function join(value: HostValue, argument: HostValue | undefined, text: string | undefined, depth: number): HostTemplate | undefined {
  if (argument?.kind !== 'sequence' || argument.items.length !== 2) return undefined;
  const [delimiterNode, list] = argument.items;
  const delimiter = stringOf(delimiterNode);
  if (delimiter === undefined || list?.kind !== 'sequence') return undefined;
  const parts: (TemplateLiteral | TemplateHole)[] = [];
  list.items.forEach((item, index) => {
    if (index > 0 && delimiter !== '') parts.push({ text: delimiter });
    const piece = interpret(item, text, depth + 1);
    if (piece.kind === 'scalar' && piece.value !== null) {
      const pieceText = String(piece.value);
      if (pieceText !== '') parts.push(piece.contentOffset === undefined ? { text: pieceText } : { text: pieceText, contentOffset: piece.contentOffset });
    } else if (piece.kind === 'template') {
      parts.push(...piece.parts);
    } else {
      const shown = piece.kind === 'opaque' ? piece.text : text !== undefined ? oneLine(text.slice(piece.span.offset, piece.span.offset + piece.span.length)) : describe(piece, 0);
      parts.push({ hole: shown, span: piece.span });
    }
  });
  return templateOf(value, parts);
}

/** A template of these parts in place of `value`, or undefined when no literal text remains (then it is opaque). */
function templateOf(value: HostValue, parts: readonly (TemplateLiteral | TemplateHole)[]): HostTemplate | undefined {
  if (!parts.some((part) => !('hole' in part) && part.text !== '')) return undefined;
  const template: HostTemplate = { kind: 'template', span: value.span, parts };
  copyYamlLayout(value, template);
  return template;
}

// ---------------------------------------------------------------------------------------------------------------
// Where the policies are

/** One property of a resource type that holds a policy document. */
interface PolicyProperty {
  readonly property: string;
  readonly policyType: PolicyType;
  /**
   * How the property holds documents: `document` (the value is one), `inline` (a list of {PolicyName, PolicyDocument},
   * as IAM roles, users and groups have), `sam` (SAM's Policies: a document, or a list of names, SAM policy templates
   * and documents).
   */
  readonly shape: 'document' | 'inline' | 'sam';
}

const documentOf = (property: string, policyType: PolicyType): PolicyProperty => ({ property, policyType, shape: 'document' });

/**
 * Resource types and the properties that hold policy documents (names as in the CloudFormation template reference).
 * Organizations policies are handled apart: their type says what kind of policy they are.
 */
const policyProperties: Readonly<Record<string, readonly PolicyProperty[]>> = {
  'AWS::IAM::Role': [documentOf('AssumeRolePolicyDocument', 'trust'), { property: 'Policies', policyType: 'identity', shape: 'inline' }],
  'AWS::IAM::User': [{ property: 'Policies', policyType: 'identity', shape: 'inline' }],
  'AWS::IAM::Group': [{ property: 'Policies', policyType: 'identity', shape: 'inline' }],
  'AWS::IAM::Policy': [documentOf('PolicyDocument', 'identity')],
  'AWS::IAM::ManagedPolicy': [documentOf('PolicyDocument', 'identity')],
  'AWS::IAM::RolePolicy': [documentOf('PolicyDocument', 'identity')],
  'AWS::IAM::UserPolicy': [documentOf('PolicyDocument', 'identity')],
  'AWS::IAM::GroupPolicy': [documentOf('PolicyDocument', 'identity')],
  'AWS::SSO::PermissionSet': [documentOf('InlinePolicy', 'identity')],
  'AWS::S3::BucketPolicy': [documentOf('PolicyDocument', 'resource')],
  'AWS::S3::AccessPoint': [documentOf('Policy', 'resource')],
  'AWS::S3Express::BucketPolicy': [documentOf('PolicyDocument', 'resource')],
  'AWS::SQS::QueuePolicy': [documentOf('PolicyDocument', 'resource')],
  'AWS::SNS::TopicPolicy': [documentOf('PolicyDocument', 'resource')],
  'AWS::KMS::Key': [documentOf('KeyPolicy', 'resource')],
  'AWS::KMS::ReplicaKey': [documentOf('KeyPolicy', 'resource')],
  'AWS::SecretsManager::ResourcePolicy': [documentOf('ResourcePolicy', 'resource')],
  'AWS::ECR::Repository': [documentOf('RepositoryPolicyText', 'resource')],
  'AWS::ECR::PublicRepository': [documentOf('RepositoryPolicyText', 'resource')],
  'AWS::ECR::RegistryPolicy': [documentOf('PolicyText', 'resource')],
  'AWS::Logs::ResourcePolicy': [documentOf('PolicyDocument', 'resource')],
  'AWS::OpenSearchService::Domain': [documentOf('AccessPolicies', 'resource')],
  'AWS::Elasticsearch::Domain': [documentOf('AccessPolicies', 'resource')],
  'AWS::EFS::FileSystem': [documentOf('FileSystemPolicy', 'resource')],
  'AWS::Backup::BackupVault': [documentOf('AccessPolicy', 'resource')],
  'AWS::CodeArtifact::Domain': [documentOf('PermissionsPolicyDocument', 'resource')],
  'AWS::CodeArtifact::Repository': [documentOf('PermissionsPolicyDocument', 'resource')],
  'AWS::ApiGateway::RestApi': [documentOf('Policy', 'resource')],
  'AWS::Events::EventBus': [documentOf('Policy', 'resource')],
  'AWS::S3::MultiRegionAccessPointPolicy': [documentOf('Policy', 'resource')],
  'AWS::S3ObjectLambda::AccessPointPolicy': [documentOf('PolicyDocument', 'resource')],
  'AWS::Serverless::Function': [documentOf('AssumeRolePolicyDocument', 'trust'), { property: 'Policies', policyType: 'identity', shape: 'sam' }],
  'AWS::Serverless::StateMachine': [{ property: 'Policies', policyType: 'identity', shape: 'sam' }],
};

/** AWS Organizations policy types that are IAM policy documents; the others (tag, backup, AI opt-out) are not. */
const organizationsPolicyTypes: Readonly<Record<string, PolicyType>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

/** What the reading of one template needs at hand. */
interface TemplateReading {
  readonly text: string;
  readonly writer: HostWriter;
  readonly policies: EmbeddedPolicy[];
  /** Beside each policy, how its writer is made (a template read piece by piece makes them for the whole text). */
  readonly writerKinds: WriterKind[];
}

/** A policy's writer: the template's syntax, JSON inside a string, or JSON inside a one-line quoted string. */
export type WriterKind = 'template' | 'json' | "'" | '"';

/** The writer of a kind for a template's text (the JSON writers also serve JSON strings inside a template). */
export function templateWriter(kind: WriterKind, text: string, syntax: 'yaml' | 'json'): HostWriter {
  if (kind === 'template') return guardConditionalItems(syntax === 'yaml' ? yamlWriter(text) : jsonWriter(text));
  return kind === 'json' ? jsonWriter(text) : oneLineWriter(jsonWriter(text), kind);
}

/**
 * Reads a CloudFormation or SAM template; undefined when the text is not one (in YAML, when no document of the stream
 * is a template). Syntax errors are reported and the policies that still parse are returned.
 */
export function readCloudFormation(text: string, languageHint: 'yaml' | 'json', yamlRead?: YamlRead): HostDocument | undefined {
  let roots: { root: HostValue | undefined; span: Span }[];
  let errors: readonly HostSyntaxError[];
  if (languageHint === 'json') {
    const reading = readJson(text);
    roots = [{ root: reading.root, span: { offset: 0, length: text.length } }];
    errors = reading.errors;
  } else {
    const reading = yamlRead ?? readYaml(text);
    roots = [...reading.documents];
    errors = reading.errors;
  }
  const templates = roots.filter((document) => isCloudFormation(document.root));
  if (templates.length === 0) return undefined;
  const reading: TemplateReading = { text, writer: templateWriter('template', text, languageHint), policies: [], writerKinds: [] };
  for (const template of templates) readTemplate(reading, template.root as HostMapping);
  return { kind: 'cloudformation', policies: reading.policies, syntaxErrors: errorsOfTemplates(errors, roots, templates) };
}

/**
 * The policies of a `Resources` mapping outside a template: serverless.yml's `resources.Resources` is raw
 * CloudFormation merged into the stack the framework generates.
 */
export function readResourcesSection(text: string, holder: HostMapping, writer: HostWriter): EmbeddedPolicy[] {
  const reading: TemplateReading = { text, writer: guardConditionalItems(writer), policies: [], writerKinds: [] };
  readTemplate(reading, holder);
  return reading.policies;
}

/** One resource of a template, read alone: its policies and what it says about the others. */
export interface ResourceReading {
  readonly type: string | undefined;
  readonly policies: readonly EmbeddedPolicy[];
  readonly writerKinds: readonly WriterKind[];
  /** The managed policies it names as permissions boundaries. */
  readonly boundaries: ReadonlySet<string>;
}

/**
 * The resources of a `Resources` mapping read each alone (a large template is read resource by resource, and a
 * resource whose text did not change is not read again). A managed policy is typed 'identity' here: whether another
 * resource uses it as a permissions boundary is for the caller to say.
 */
export function readResource(text: string, syntax: 'yaml' | 'json', resources: HostMapping, resource: HostEntry): ResourceReading {
  const reading: TemplateReading = { text, writer: templateWriter('template', text, syntax), policies: [], writerKinds: [] };
  readResourceEntry(reading, resource, new Set());
  return { type: stringOf(valueOf(resource.value, 'Type')), policies: reading.policies, writerKinds: reading.writerKinds, boundaries: boundaryNames(resources) };
}

/** Is this resource one that makes its document a template (`isCloudFormation`): an AWS resource type. */
export const isAwsResourceType = (type: string | undefined) => awsResourceType.test(type ?? '');

/** The writer, refusing to insert or remove items of a sequence where an item is the branch of an If. */
function guardConditionalItems(writer: HostWriter): HostWriter {
  return {
    replaceValue: (node, value) => writer.replaceValue(node, value),
    insertEntry: (mapping, before, key, value) => writer.insertEntry(mapping, before, key, value),
    removeEntries: (mapping, entries) => writer.removeEntries(mapping, entries),
    renameKey: (mapping, entry, key) => writer.renameKey(mapping, entry, key),
    insertItems: (sequence, index, values) => (hasConditionalItems(sequence) ? undefined : writer.insertItems(sequence, index, values)),
    removeItems: (sequence, items) => (hasConditionalItems(sequence) ? undefined : writer.removeItems(sequence, items)),
  };
}

/** The errors inside the templates of a stream, or outside every document; those of other documents are not ours. */
function errorsOfTemplates(
  errors: readonly HostSyntaxError[],
  documents: readonly { span: Span }[],
  templates: readonly { span: Span }[],
): HostSyntaxError[] {
  if (documents.length <= 1) return [...errors];
  const inside = (error: HostSyntaxError, span: Span) => error.offset >= span.offset && error.offset <= span.offset + span.length;
  return errors.filter((error) => templates.some((t) => inside(error, t.span)) || !documents.some((d) => inside(error, d.span)));
}

/**
 * The managed policies the template uses as permissions boundaries: `PermissionsBoundary: !Ref Name` on a role, a
 * user or a SAM function names them (a boundary given by ARN is not in the template).
 */
function boundaryNames(resources: HostMapping): Set<string> {
  const names = new Set<string>();
  for (const resource of resources.entries) {
    const boundary = valueOf(unwrapConditional(valueOf(resource.value, 'Properties')), 'PermissionsBoundary');
    const call = boundary && intrinsicCall(boundary);
    const name = call?.key === 'Ref' ? stringOf(call.value) : undefined;
    if (name !== undefined) names.add(name);
  }
  return names;
}

function readTemplate(reading: TemplateReading, root: HostMapping): void {
  const resources = valueOf(root, 'Resources');
  if (resources?.kind !== 'mapping') return;
  const boundaries = boundaryNames(resources);
  for (const resource of resources.entries) readResourceEntry(reading, resource, boundaries);
}

function readResourceEntry(reading: TemplateReading, resource: HostEntry, boundaries: ReadonlySet<string>): void {
  const type = stringOf(valueOf(resource.value, 'Type'));
  const properties = unwrapConditional(valueOf(resource.value, 'Properties'));
  if (type === undefined || properties?.kind !== 'mapping') return;
  const where = `Resources.${resource.key}.Properties`;
  if (type === 'AWS::Organizations::Policy') {
    const policyType = organizationsPolicyTypes[stringOf(valueOf(properties, 'Type')) ?? ''];
    const content = valueOf(properties, 'Content');
    // Content as a JSON string is left alone; as an object it is the policy.
    if (policyType && content && content.kind !== 'scalar') addDocument(reading, content, { policyType, label: `${where}.Content`, serviceRole: false }, false);
    return;
  }
  const serviceRole = assumedOnlyByServices(type, properties);
  for (const { property, policyType: typeOfProperty, shape } of policyProperties[type] ?? []) {
    const value = valueOf(properties, property);
    if (!value) continue;
    const policyType = type === 'AWS::IAM::ManagedPolicy' && boundaries.has(resource.key) ? 'permissions-boundary' : typeOfProperty;
    const label = `${where}.${property}`;
    const place = { policyType, label, serviceRole: serviceRole && policyType === 'identity' };
    if (shape === 'document') addDocument(reading, value, place, true);
    else if (shape === 'inline') readInlinePolicies(reading, value, place);
    else readSamPolicies(reading, value, place);
  }
}

/** Where a document is: its policy type, its label, whether it belongs to a role only services assume. */
interface DocumentPlace {
  readonly policyType: PolicyType;
  readonly label: string;
  readonly serviceRole: boolean;
}

/**
 * Whether the resource's own role is assumed by AWS services alone: an IAM role whose trust policy allows service
 * principals only, or the role SAM makes for a function or state machine (for Lambda or Step Functions, unless an
 * AssumeRolePolicyDocument of the function says otherwise). Policies attached from other resources are not judged.
 */
function assumedOnlyByServices(type: string, properties: HostMapping): boolean {
  const trust = valueOf(properties, 'AssumeRolePolicyDocument');
  if (type === 'AWS::IAM::Role') return trustsOnlyServices(trust);
  if (type === 'AWS::Serverless::Function' || type === 'AWS::Serverless::StateMachine') return trust === undefined || trustsOnlyServices(trust);
  return false;
}

/** Whether every Allow of a trust policy (written as a mapping) names service principals and nothing else. */
function trustsOnlyServices(document: HostValue | undefined): boolean {
  const root = unwrapConditional(document);
  if (root?.kind !== 'mapping') return false;
  const statements = unwrapConditional(valueOf(root, 'Statement'));
  const list = statements?.kind === 'sequence' ? statements.items : statements ? [statements] : [];
  let allows = 0;
  for (const item of list) {
    const statement = unwrapConditional(item);
    if (statement?.kind !== 'mapping') return false;
    const effect = stringOf(valueOf(statement, 'Effect'));
    if (effect === 'Deny') continue;
    if (effect !== 'Allow' || entryOf(statement, 'NotPrincipal')) return false;
    const principal = unwrapConditional(valueOf(statement, 'Principal'));
    if (principal?.kind !== 'mapping' || principal.entries.length === 0 || principal.entries.some((entry) => entry.key !== 'Service')) return false;
    allows++;
  }
  return allows > 0;
}

/** A value written conditionally (`!If [c, X, !Ref AWS::NoValue]`) as X; any other value as it is. */
function unwrapConditional(value: HostValue | undefined): HostValue | undefined {
  let current = value;
  for (let guard = 0; current && guard < maxDepth; guard++) {
    const call = intrinsicCall(current);
    if (call?.key !== 'Fn::If' || call.value?.kind !== 'sequence' || call.value.items.length !== 3) return current;
    const [, whenTrue, whenFalse] = call.value.items;
    if (isNoValue(whenTrue) && !isNoValue(whenFalse)) current = whenFalse;
    else if (isNoValue(whenFalse) && !isNoValue(whenTrue)) current = whenTrue;
    else return current;
  }
  return current;
}

/** IAM roles', users' and groups' `Policies`: a list of {PolicyName, PolicyDocument}. */
function readInlinePolicies(reading: TemplateReading, value: HostValue, place: DocumentPlace): void {
  const list = unwrapConditional(value);
  if (list?.kind !== 'sequence') return;
  list.items.forEach((item, index) => {
    const document = valueOf(unwrapConditional(item), 'PolicyDocument');
    if (document) addDocument(reading, document, { ...place, label: `${place.label}[${index}].PolicyDocument` }, true);
  });
}

/**
 * SAM's `Policies`: one policy document, or a list whose items are managed policy names or ARNs, SAM policy
 * templates (`{S3ReadPolicy: {...}}`) or policy documents. Only documents (they have a Statement) are policies.
 */
function readSamPolicies(reading: TemplateReading, value: HostValue, place: DocumentPlace): void {
  const policies = unwrapConditional(value);
  if (policies?.kind === 'mapping') {
    if (entryOf(policies, 'Statement')) addDocument(reading, policies, place, false);
    return;
  }
  if (policies?.kind !== 'sequence') return;
  policies.items.forEach((item, index) => {
    const document = unwrapConditional(item);
    if (document?.kind === 'mapping' && entryOf(document, 'Statement')) addDocument(reading, document, { ...place, label: `${place.label}[${index}]` }, false);
  });
}

/** The policy as the host hands it on: a role only services assume says so. */
function embeddedPolicy(root: HostValue, place: DocumentPlace, writer: HostWriter): EmbeddedPolicy {
  const policy = { root, policyType: place.policyType, label: place.label, writer };
  return place.serviceRole ? { ...policy, serviceRole: true } : policy;
}

function addDocument(reading: TemplateReading, value: HostValue, place: DocumentPlace, jsonStringAllowed: boolean): void {
  const document = unwrapConditional(value);
  if (!document) return;
  if (document.kind === 'scalar') {
    if (jsonStringAllowed) addJsonString(reading, document, place);
    return;
  }
  const call = intrinsicCall(document);
  if (call?.key === 'Fn::Sub' && jsonStringAllowed) {
    addSubJsonString(reading, call.value, place);
    return;
  }
  // An intrinsic in place of the whole document (`!Ref`, `!If` of two documents) is not something we can check.
  const root = interpretIntrinsics(document, reading.text);
  if (root.kind !== 'mapping') return;
  reading.policies.push(embeddedPolicy(root, place, reading.writer));
  reading.writerKinds.push('template');
}

/** A policy written as a JSON string (some properties take one; `AWS::Logs::ResourcePolicy` only takes one). */
function addJsonString(reading: TemplateReading, scalar: HostValue & { kind: 'scalar' }, place: DocumentPlace): void {
  const json = jsonOfString(reading.text, scalar);
  if (!json) return;
  reading.policies.push(embeddedPolicy(json.root, place, templateWriter(json.kind, reading.text, 'json')));
  reading.writerKinds.push(json.kind);
}

/**
 * A policy written as JSON inside `Fn::Sub` (`PolicyDocument: !Sub '{"Statement": [...]}'`), read as addJsonString
 * reads a string; then each JSON string with `${X}` in it is a template whose holes are the Sub's variables, as the
 * same text is when the policy is written in YAML or JSON itself.
 */
function addSubJsonString(reading: TemplateReading, argument: HostValue | undefined, place: DocumentPlace): void {
  const source = argument?.kind === 'sequence' ? argument.items[0] : argument;
  if (source?.kind !== 'scalar') return;
  const json = jsonOfString(reading.text, source);
  if (!json) return;
  reading.policies.push(embeddedPolicy(withSubHoles(json.root), place, templateWriter(json.kind, reading.text, 'json')));
  reading.writerKinds.push(json.kind);
}

/** The JSON tree with every string that has a `${...}` read as a Sub template (an opaque value when it is all holes). */
function withSubHoles(value: HostValue): HostValue {
  switch (value.kind) {
    case 'mapping':
      return { ...value, entries: value.entries.map((entry) => (entry.value ? { ...entry, value: withSubHoles(entry.value) } : entry)) };
    case 'sequence':
      return { ...value, items: value.items.map(withSubHoles) };
    case 'scalar':
      if (typeof value.value !== 'string' || !value.value.includes('${')) return value;
      return sub(value, value) ?? opaque(value, undefined);
    default:
      return value;
  }
}

/**
 * A JSON document written in a string, read from the host text itself when the JSON stands there character for
 * character: a string without escapes, or a YAML block scalar (its indentation is whitespace between JSON tokens, and
 * a JSON string never spans lines). The reading must give back exactly the string's value, else there is none.
 */
function jsonOfString(text: string, scalar: HostValue & { kind: 'scalar' }): { root: HostMapping; kind: WriterKind } | undefined {
  if (typeof scalar.value !== 'string') return undefined;
  let start: number;
  let end: number;
  let quoted = false;
  if (scalar.contentOffset !== undefined) {
    start = scalar.contentOffset;
    end = start + scalar.value.length;
    quoted = start > scalar.span.offset;
  } else if (text[scalar.span.offset] === '|' || text[scalar.span.offset] === '>') {
    // The block starts on the line after its header (`|`, `>-`, `|2 # comment`).
    const lineEnd = text.slice(scalar.span.offset, scalar.span.offset + scalar.span.length).search(/[\r\n]/);
    if (lineEnd < 0) return undefined;
    start = scalar.span.offset + lineEnd;
    end = scalar.span.offset + scalar.span.length;
  } else {
    return undefined;
  }
  let expected: unknown;
  try {
    expected = JSON.parse(scalar.value);
  } catch {
    return undefined;
  }
  const parsed = readJson(text, start, end);
  if (parsed.errors.length > 0 || parsed.root?.kind !== 'mapping' || !sameJson(plainJson(parsed.root), expected)) return undefined;
  return { root: parsed.root, kind: !quoted ? 'json' : text[scalar.span.offset] === '"' ? '"' : "'" };
}

/**
 * The JSON writer for JSON inside a one-line quoted string: its edits must stay on the line and must not contain the
 * quote that closes the string (nor a backslash, which a double-quoted YAML string reads as an escape).
 */
function oneLineWriter(writer: HostWriter, quote: string): HostWriter {
  const check = (edits: ReturnType<HostWriter['replaceValue']>) =>
    edits && edits.every((edit) => !/[\r\n\\]/.test(edit.text) && !edit.text.includes(quote)) ? edits : undefined;
  return {
    replaceValue: (node, value) => check(writer.replaceValue(node, value)),
    insertEntry: (mapping, before, key, value) => check(writer.insertEntry(mapping, before, key, value)),
    removeEntries: (mapping, entries) => check(writer.removeEntries(mapping, entries)),
    renameKey: (mapping, entry, key) => check(writer.renameKey(mapping, entry, key)),
    insertItems: (sequence, index, values) => check(writer.insertItems(sequence, index, values)),
    removeItems: (sequence, items) => check(writer.removeItems(sequence, items)),
  };
}

/** A tree read by readJson as the JSON value it is (it holds no computed values). */
function plainJson(value: HostValue | undefined): JsonValue {
  if (!value) return null;
  switch (value.kind) {
    case 'scalar':
      return value.value;
    case 'sequence':
      return value.items.map(plainJson);
    case 'mapping': {
      const object: { [key: string]: JsonValue } = {};
      for (const entry of value.entries) object[entry.key] = plainJson(entry.value);
      return object;
    }
    default:
      return null;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
