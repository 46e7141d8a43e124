/**
 * Policies inside infrastructure code. A host (a CloudFormation template, a Terraform file, a serverless.yml, CDK
 * code) is read into a small tree of its own values with exact offsets; each policy it holds becomes an
 * EmbeddedPolicy. The engine renders that tree as a JSON policy (a virtual document), runs unchanged on it, and maps
 * ranges back; a fix's effect on the JSON is written back in the host's own syntax by the host's HostWriter.
 * Nothing here knows about the rules: the hosts only say what is where and how to write it.
 */
import type { Span } from '../policy/model';
import type { Edit } from '../rules/types';
import type { PolicyType } from '../../../shared/settings';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

interface NodeBase {
  /** The whole value in the host text (quotes, tags and brackets included). */
  readonly span: Span;
  /**
   * Not written in the host: a value the host supplies (Terraform's policy documents default Version to 2012-10-17;
   * a CDK statement's Effect defaults to Allow). Its span is empty, where it would be written. No finding is
   * reported on it and no writer edits it.
   */
  readonly implied?: boolean;
}

/** A literal value: a YAML scalar, an HCL string/number/bool literal, a JSON primitive. */
export interface HostScalar extends NodeBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  /**
   * Where the value's characters stand one for one in the host text (a plain scalar, or a quoted one with no escape
   * sequences): then a position inside the value maps to the exact character. Undefined otherwise (escapes, folded
   * or block scalars), and positions map to the whole value.
   */
  readonly contentOffset?: number;
}

/** A literal piece of a template string, with where its characters stand one for one (when they do). */
export interface TemplateLiteral {
  readonly text: string;
  readonly contentOffset?: number;
}

/** A piece the host computes inside a string: `${Bucket}` in `!Sub`, `${var.name}` in HCL. */
export interface TemplateHole {
  /** As written, for hover and messages. */
  readonly hole: string;
  readonly span: Span;
}

/**
 * A string built from literal text and values the host computes: `!Sub "arn:${AWS::Partition}:s3:::${B}/*"`,
 * `"${aws_s3_bucket.b.arn}/*"`, `Fn::Join` of literals and references. At least one part is literal; a template of
 * holes only is a HostOpaque.
 */
export interface HostTemplate extends NodeBase {
  readonly kind: 'template';
  readonly parts: readonly (TemplateLiteral | TemplateHole)[];
}

/** A value only the host can compute: `!GetAtt B.Arn`, `!If [...]`, `aws_s3_bucket.b.arn`, `${self:custom.x}`. */
export interface HostOpaque extends NodeBase {
  readonly kind: 'opaque';
  /** What it is, as written (shortened to a line): shown in hover. */
  readonly text: string;
}

export interface HostEntry {
  readonly key: string;
  readonly keySpan: Span;
  /** As HostScalar.contentOffset, for the key. */
  readonly keyContentOffset?: number;
  /** The whole entry, key to the end of its value. */
  readonly span: Span;
  /** Undefined when the key has no value at all yet (a YAML `Action:` is a null scalar, not undefined). */
  readonly value: HostValue | undefined;
}

export interface HostMapping extends NodeBase {
  readonly kind: 'mapping';
  readonly entries: readonly HostEntry[];
}

export interface HostSequence extends NodeBase {
  readonly kind: 'sequence';
  readonly items: readonly HostValue[];
}

export type HostValue = HostScalar | HostTemplate | HostOpaque | HostMapping | HostSequence;

/**
 * Writes changes to one embedded policy in its host's syntax. The engine works out what changed in the policy's
 * JSON and calls these; each returns edits by offset into the host text, or undefined when it cannot write that
 * change (the fix is then not offered, never applied half). Values come as JSON values; the writer renders them
 * (quoting, indentation, HCL lists and blocks) to fit where they go.
 */
export interface HostWriter {
  /** A new value in place of `node` (a scalar, template or opaque value, or a whole collection). */
  replaceValue(node: HostValue, value: JsonValue): readonly Edit[] | undefined;
  /** A new entry in `mapping`, before `before` (or at the end when undefined). */
  insertEntry(mapping: HostMapping, before: HostEntry | undefined, key: string, value: JsonValue): readonly Edit[] | undefined;
  /** Removes these entries of `mapping` (all of them empties it). */
  removeEntries(mapping: HostMapping, entries: readonly HostEntry[]): readonly Edit[] | undefined;
  /** The same value under another key. */
  renameKey(mapping: HostMapping, entry: HostEntry, key: string): readonly Edit[] | undefined;
  /** New items in `sequence`, before item `index` (items.length: at the end). */
  insertItems(sequence: HostSequence, index: number, values: readonly JsonValue[]): readonly Edit[] | undefined;
  /** Removes these items of `sequence` (all of them empties it). */
  removeItems(sequence: HostSequence, items: readonly HostValue[]): readonly Edit[] | undefined;
}

/** One policy found in a host. */
export interface EmbeddedPolicy {
  /** The policy document value (usually a mapping with Version and Statement). */
  readonly root: HostValue;
  /** The policy type the host says (trust for AssumeRolePolicyDocument, resource for a bucket policy, ...). */
  readonly policyType: PolicyType;
  /** Where it is, for people: `Resources.AppRole.Properties.AssumeRolePolicyDocument`, `data.aws_iam_policy_document.x`. */
  readonly label: string;
  readonly writer: HostWriter;
  /**
   * The host shows statements, not a whole policy document (CDK's PolicyStatement): only findings about the values
   * written are reported (unknown actions, wildcards, NotAction, ARNs), never ones about the document around them.
   */
  readonly fragment?: boolean;
  /**
   * An identity policy of a role that only AWS services assume: the trust policy beside it names service principals
   * alone, or the host makes the role for a function (SAM, the Serverless Framework). No session of such a role has
   * MFA, so the findings about people's sessions (missing-mfa) do not stand.
   */
  readonly serviceRole?: boolean;
}

export type HostKind = 'cloudformation' | 'serverless' | 'terraform' | 'cdk';

export interface HostSyntaxError {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/** What a host file holds. `policies` is empty for a file of the host's kind that has none. */
export interface HostDocument {
  readonly kind: HostKind;
  readonly policies: readonly EmbeddedPolicy[];
  /**
   * Syntax errors of the host file. Reported once, as one diagnostic each; policies that still parse are checked.
   */
  readonly syntaxErrors: readonly HostSyntaxError[];
  /**
   * The parser recovered from errors it does not report (CDK code: the language's own tools report them). Findings
   * stand; fixes and refactorings are not offered, as for a host with syntax errors.
   */
  readonly recovered?: boolean;
}
