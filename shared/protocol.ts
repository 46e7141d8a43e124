/** Custom messages between the client and the server, declared once for both sides. */
import type { PolicyType } from './settings';

/** What a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** The settings to start with, for clients that do not answer `workspace/configuration`. */
  readonly settings?: unknown;
  /**
   * `startLine`: the editor indents every line after the first of a snippet edit by the indentation of the line the
   * edit starts on, as VS Code does (LSP's SnippetTextEdit has no way to ask it not to), so the server leaves that
   * indentation out of the snippet edits it sends. Absent: snippet edits are applied as written.
   */
  readonly snippetEditIndentation?: 'startLine';
}

export interface PolicyTypeInfo {
  readonly type: PolicyType;
  readonly source: 'explicit' | 'setting' | 'file name' | 'content' | 'default' | 'host';
  /** For a policy inside infrastructure code: where it is (`Resources.AppRole.Properties.AssumeRolePolicyDocument`). */
  readonly label?: string;
}

/** Request: the policy type the server checks a document as (for the status bar), or null when it does not serve it. */
export const policyTypeRequest = 'iamPolicy/policyType';
export interface PolicyTypeParams {
  readonly uri: string;
  /** In a file that holds several policies (a template), the one at this position. */
  readonly position?: { readonly line: number; readonly character: number };
}

/** Request: the actions each statement (or the statement at `position`) covers, as a Markdown listing. */
export const grantsRequest = 'iamPolicy/grants';
export interface GrantsParams {
  readonly uri: string;
  /** When inside a statement, only that statement is listed. */
  readonly position?: { readonly line: number; readonly character: number };
}
/** The server's GrantsListing (server/src/service/grants.ts); the client only shows the text. */
export interface GrantsResult {
  readonly text: string;
}

/** Request: which IAM data the checks use (the server's CatalogInfo). */
export const dataInfoRequest = 'iamPolicy/dataInfo';
export interface DataInfo {
  readonly source: string;
  readonly dataVersion: string;
  readonly dataDate: string;
  readonly counts: {
    readonly services: number;
    readonly actions: number;
    readonly resourceTypes: number;
    readonly conditionKeys: number;
    readonly globalConditionKeys: number;
  };
}

/** A range in a document, 0-based (the LSP's shape, declared here so the client needs no server types). */
export interface AccessRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/**
 * Request: evaluate one request against the policies of a document (a policy file, or every policy of a template),
 * offline (server/src/access). Null when the server does not serve the document.
 */
export const checkAccessRequest = 'iamPolicy/checkAccess';
export interface CheckAccessParams {
  readonly uri: string;
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
  /** Key/value pairs; a key given several times is multivalued. */
  readonly context?: readonly (readonly [string, string])[];
}
export interface CheckAccessStatement {
  readonly range: AccessRange;
  /** `Allow statement 2 "ReadOnly" (identity)`, with the policy's label inside a template. */
  readonly label: string;
  readonly effect: 'Allow' | 'Deny';
  /** True for the statements that decided; false for others that applied. */
  readonly deciding: boolean;
}
export interface CheckAccessCondition {
  /** The condition key's entry in the policy. */
  readonly range: AccessRange;
  readonly statement: string;
  readonly operator: string;
  readonly key: string;
  readonly reason: 'keyMissing' | 'keyPresent' | 'valueMismatch' | 'unknownOperator';
  readonly detail: string;
}
export interface CheckAccessResult {
  readonly decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  /** One line for a notification. */
  readonly summary: string;
  readonly reasons: readonly string[];
  readonly notes: readonly string[];
  readonly statements: readonly CheckAccessStatement[];
  readonly failedConditions: readonly CheckAccessCondition[];
}

/**
 * Request: what the Check access command offers. Without `action`: action names, those the document names first.
 * With `action`: the condition keys the catalogue lists for it (its own, its resource types', then the global ones).
 */
export const accessVocabularyRequest = 'iamPolicy/accessVocabulary';
export interface AccessVocabularyParams {
  readonly uri?: string;
  readonly action?: string;
  /** The cursor: the actions of the statement there come first (the command started from a statement). */
  readonly position?: { readonly line: number; readonly character: number };
}
export interface AccessVocabularyResult {
  readonly actions: readonly string[];
  /** Actions the document's statements name (already in `actions`, first; the statement at `position` before the rest). */
  readonly documentActions: readonly string[];
  readonly conditionKeys: readonly { readonly key: string; readonly type: string; readonly description: string }[];
  /** For an action: the resource ARN formats it takes, to prefill the resource box. */
  readonly resourceFormats: readonly string[];
}

/**
 * Request: what the document allows that a base version of it did not ("Compare with committed version"). The
 * client supplies the base text (it reads git); the server compares it with the document as it is in the editor.
 */
export const compareWithBaseRequest = 'iamPolicy/compareWithBase';
export interface CompareWithBaseParams {
  readonly uri: string;
  /** The base version's text, or null when the file is not in it (then everything it allows is new). */
  readonly baseText: string | null;
  /** How the base is named in the result (`HEAD`). */
  readonly baseLabel: string;
}
export interface CompareFinding {
  /** The statement that grants the access. */
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
  readonly kind: 'new' | 'may widen';
  readonly message: string;
}
/** The result as Markdown to show, the findings to highlight, or why the two could not be compared. */
export interface CompareWithBaseResult {
  readonly text: string;
  readonly findings: readonly CompareFinding[];
  readonly error?: string;
}
