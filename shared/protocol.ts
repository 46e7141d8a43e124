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
