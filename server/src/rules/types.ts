/**
 * What a rule is. A rule is pure: it reads the PolicyModel and the catalogue and reports problems as offsets.
 * Severity, settings and positions are applied by the service, in one place.
 */
import type { Catalog } from '../catalog/types';
import type { ASTNode, PolicyModel, Span, Statement } from '../policy/model';
import type { NeverAllow, PolicyType, Severity } from '../../../shared/settings';

export type { NeverAllow, PolicyType, Severity };

/** A text edit by offset into the document as the rule saw it. */
export interface Edit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  /**
   * The edits insert placeholders for the user to fill in (`${BucketName}`, policy/placeholders.ts): only ever a
   * suggestion, and editors that can make them snippet tab stops.
   */
  readonly placeholders?: true;
}

/** What `check` reports: a node or a span, a message id with its data, and optional remedies. */
export interface Report<MessageId extends string = string> {
  readonly node?: ASTNode;
  readonly span?: Span;
  readonly messageId: MessageId;
  readonly data?: Record<string, string | number>;
  /** Safe to apply without review (S in the lint catalogue). */
  readonly fix?: Fix;
  /**
   * Changes what the policy grants (G in the catalogue): shown, never preferred, never applied by fix-all. A
   * function is called the first time someone reads the problem's `suggestions` (the CLI never does): for
   * suggestions that are costly to build, such as a service's whole list of actions.
   */
  readonly suggestions?: readonly Fix[] | (() => readonly Fix[]);
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

/** A reported problem, resolved to text: the service turns these into LSP diagnostics and code actions. */
export interface Problem {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  readonly severity: Severity;
  readonly fix?: Fix;
  readonly suggestions: readonly Fix[];
  readonly tags: readonly ('unnecessary' | 'deprecated')[];
}

export interface RuleContext<MessageId extends string = string> {
  readonly policy: PolicyModel;
  /**
   * The statements to check, in document order. `policy.statements` for every rule, except that a rule with a
   * `scope` re-run after an edit gets only those whose findings may differ from the last run's.
   */
  readonly statements: readonly Statement[];
  readonly catalog: Catalog;
  readonly policyType: PolicyType;
  /** The project config's `neverAllow` entry, if it has one (never-allowed-access). */
  readonly neverAllow?: NeverAllow;
  report(report: Report<MessageId>): void;
}

export interface RuleDefinition<MessageId extends string> {
  /** kebab-case; equals the file name, the doc page name and the settings key. */
  readonly id: string;
  readonly severity: Severity;
  /** One sentence: README table, settings description. */
  readonly summary: string;
  /** Policy types the rule checks; omitted means every type. */
  readonly policyTypes?: readonly PolicyType[];
  /** Whether the rule offers a safe fix, suggestions, both or nothing (for docs and the README table). */
  readonly fixable?: 'safe' | 'suggestion' | 'safe+suggestion';
  /** Whether the rule should still run when the JSON has syntax errors (structure rules must not pile on). */
  readonly runsOnSyntaxErrors?: boolean;
  /**
   * Whether the rule runs on JSON that is something else (an object none of whose keys is Version, Id or Statement):
   * a package.json opened as a policy gets one hint (not-a-policy), not a finding per key.
   */
  readonly runsOnNonPolicies?: boolean;
  /**
   * `'statement'`: whether the rule finds something in a statement depends on that statement's text alone (besides
   * the policy type, the settings and the text before the first statement and after the last, such as Version), not
   * on the other statements, nor on its place among them. Such a rule checks
   * `context.statements`, never `policy.statements`, and reports inside the statement it checks; what a finding's fix
   * or message says may read the whole policy. The language server then re-runs it after an edit only on the
   * statements the edit changed and on those it found something in before.
   * `'statement-and-denials'`: the same, except that the findings may also depend on the policy's statements whose
   * Effect is not "Allow" (a Deny that takes the grant back); when one of those changes, the rule re-checks all.
   * The rule tests check the claim on every case of the rule's table (test/support/ruleTester.ts).
   */
  readonly scope?: 'statement' | 'statement-and-denials';
  /** Message id -> template; `{name}` is replaced from the report's data. */
  readonly messages: Record<MessageId, string>;
  check(context: RuleContext<MessageId>): void;
}

export type Rule = RuleDefinition<string>;

/** Identity function that keeps message ids typed; rules are plain objects. */
export function defineRule<MessageId extends string>(rule: RuleDefinition<MessageId>): Rule {
  return rule as unknown as Rule;
}

/** Where a rule's documentation lives; `codeDescription.href` and SARIF `helpUri` use it. */
export const docsBaseUrl = 'https://github.com/iam-policy-tools/iam-policy-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${docsBaseUrl}${ruleId}.md`;
}
