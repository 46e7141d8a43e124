/**
 * The typed view of a policy document. Every value keeps the AST node it came from, so rules report offsets and
 * fixes edit exact spans. Built once per document version by `parsePolicy` and passed to every feature.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ASTNode, JSONDocument, PropertyASTNode, StringASTNode } from 'vscode-json-languageservice';

export type { ASTNode, PropertyASTNode, StringASTNode };

/** A region of the document text; offsets are UTF-16 code units, as TextDocument counts them. */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

/** One property of the policy (`"Effect": "Allow"`), with its key and raw value node. */
export interface Element {
  /** The key exactly as written (case preserved). */
  readonly key: string;
  readonly property: PropertyASTNode;
  readonly keyNode: StringASTNode;
  /** Missing when the document is cut off after the colon. */
  readonly valueNode: ASTNode | undefined;
}

/** A string-valued element (`Version`, `Id`, `Sid`, `Effect`). `value` is undefined when the JSON type is not string. */
export interface ScalarElement extends Element {
  readonly value: string | undefined;
}

/** A string found in a string-or-array element, with its node. */
export interface StringValue {
  readonly value: string;
  readonly node: StringASTNode;
}

/**
 * `Action`, `NotAction`, `Resource`, `NotResource`: a string or an array of strings, normalised to a list.
 * Entries of the wrong JSON type are kept in `invalid` so rules can point at them.
 */
export interface ListElement extends Element {
  readonly values: readonly StringValue[];
  /** True when written as an array (even an empty one). */
  readonly isArray: boolean;
  /** Nodes that are neither a string nor an array of strings (a number, an object, a nested array...). */
  readonly invalid: readonly ASTNode[];
  /**
   * Values a host computes (`!GetAtt B.Arn`, `aws_s3_bucket.b.arn`) in a policy inside infrastructure code: not in
   * `values`, never judged; present only when there are some. The list is not empty when they are all it has.
   */
  readonly opaque?: readonly ASTNode[];
}

/** One entry of a Principal object: `"AWS": [...]`, `"Service": "..."`. */
export interface PrincipalEntry {
  readonly kind: string;
  readonly property: PropertyASTNode;
  readonly keyNode: StringASTNode;
  readonly values: readonly StringValue[];
  readonly invalid: readonly ASTNode[];
  /** As ListElement.opaque. */
  readonly opaque?: readonly ASTNode[];
}

/** `Principal` / `NotPrincipal`: either the string `"*"` or an object of principal kinds. */
export interface PrincipalElement extends Element {
  /** Set when the value is a plain string (only `"*"` is legal). */
  readonly wildcard: StringValue | undefined;
  readonly entries: readonly PrincipalEntry[];
}

/** A value inside a condition: strings, numbers and booleans all occur in real policies. */
export interface ConditionValue {
  readonly value: string | number | boolean;
  readonly node: ASTNode;
}

export interface ConditionKeyEntry {
  /** The key as written, e.g. `aws:MultiFactorAuthPresent`. */
  readonly key: string;
  readonly property: PropertyASTNode;
  readonly keyNode: StringASTNode;
  readonly valueNode: ASTNode | undefined;
  readonly values: readonly ConditionValue[];
  readonly isArray: boolean;
  /** Values of a type a condition cannot take (objects, nulls, nested arrays). */
  readonly invalid: readonly ASTNode[];
  /** As ListElement.opaque. */
  readonly opaque?: readonly ASTNode[];
}

/** One operator block: `"StringEquals": { key: values, ... }`. */
export interface ConditionOperatorEntry {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  readonly property: PropertyASTNode;
  readonly keyNode: StringASTNode;
  readonly valueNode: ASTNode | undefined;
  readonly keys: readonly ConditionKeyEntry[];
}

export interface ConditionElement extends Element {
  readonly operators: readonly ConditionOperatorEntry[];
}

export interface Statement {
  /** Position in the Statement array (0 for a single-object Statement). */
  readonly index: number;
  /** The statement's object node. */
  readonly node: ASTNode;
  /** Every property of the statement, in document order, including unknown ones. */
  readonly properties: readonly PropertyASTNode[];
  readonly sid?: ScalarElement;
  readonly effect?: ScalarElement;
  readonly principal?: PrincipalElement;
  readonly notPrincipal?: PrincipalElement;
  readonly action?: ListElement;
  readonly notAction?: ListElement;
  readonly resource?: ListElement;
  readonly notResource?: ListElement;
  readonly condition?: ConditionElement;
}

export interface SyntaxError {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

export interface PolicyModel {
  readonly document: TextDocument;
  readonly text: string;
  readonly json: JSONDocument;
  readonly root: ASTNode | undefined;
  /** Top-level properties, including unknown ones; empty when the root is not an object. */
  readonly properties: readonly PropertyASTNode[];
  readonly version?: ScalarElement;
  readonly id?: ScalarElement;
  /** The `Statement` property itself (its value may be an object or an array). */
  readonly statementElement?: Element;
  /** Statements that are objects; other array items are in `invalidStatements`. */
  readonly statements: readonly Statement[];
  readonly invalidStatements: readonly ASTNode[];
  /** JSON syntax errors, the most precise first. Comments and trailing commas count: AWS rejects both. */
  readonly syntaxErrors: readonly SyntaxError[];
  /** True when the content looks like an IAM policy (a top-level Statement, or a known Version). */
  readonly looksLikePolicy: boolean;
  /** Set when the text was over the size cap and was not parsed at all: the model is empty. */
  readonly tooLarge: boolean;
}
