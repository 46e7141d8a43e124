/**
 * How a trust statement limits tokens from GitHub's OIDC provider: through its `token.actions.githubusercontent.com:sub`
 * conditions, whose values look like `repo:OWNER/REPO:ref:refs/heads/BRANCH` (or `...:environment:NAME`,
 * `...:pull_request`). Shared by missing-github-repo-condition-key and specific-github-repo-and-branch-recommended.
 */
import type { ConditionKeyEntry, ConditionOperatorEntry, ConditionValue, Statement } from '../../policy/model';
import { parseOperator } from '../../policy/operators';
import { github, isGitHubProvider, principalValues, type PrincipalValue } from './principals';

export interface SubjectCondition {
  readonly operator: ConditionOperatorEntry;
  readonly key: ConditionKeyEntry;
}

/** The GitHub provider values of the statement's Principal. */
export function gitHubPrincipals(statement: Statement): PrincipalValue[] {
  return principalValues(statement.principal).filter((p) => p.key === 'Federated' && isGitHubProvider(p.value.value));
}

const matchingOperators = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike']);

/**
 * Conditions that require the claim to match the listed values. IfExists is accepted: GitHub puts `sub` in every
 * token, so the key is never absent. ForAllValues is not (vacuously true for an empty set), nor negated operators.
 */
export function claimConditions(statement: Statement, claimKey: string): SubjectCondition[] {
  const found: SubjectCondition[] = [];
  for (const operator of statement.condition?.operators ?? []) {
    const parsed = parseOperator(operator.operator);
    if (!matchingOperators.has(parsed.baseName) || parsed.qualifier === 'ForAllValues') continue;
    for (const key of operator.keys) if (key.key.toLowerCase() === claimKey) found.push({ operator, key });
  }
  return found;
}

export function subjectConditions(statement: Statement): SubjectCondition[] {
  return claimConditions(statement, github.subjectKey);
}

function onlyWildcards(text: string): boolean {
  return /^[*?]*$/.test(text);
}

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/**
 * Whether a sub value names a repository owner: `repo:OWNER/...` with no wildcard in OWNER (anyone can create an
 * organization called `octo-anything`). Values in a customized subject format (not starting with `repo:`) count
 * unless they start with a wildcard.
 */
export function namesOwner(value: ConditionValue): boolean {
  const text = String(value.value).trim();
  if (onlyWildcards(text)) return false;
  if (!text.startsWith('repo:')) return !/^[*?]/.test(text);
  const owner = text.slice('repo:'.length).split(/[/:]/)[0]!;
  return owner.length > 0 && !hasWildcard(owner);
}

/** Every value of the condition names an owner (values are alternatives: one `*` opens the door). */
export function restrictsOwner(condition: SubjectCondition): boolean {
  const { key } = condition;
  return key.values.length > 0 && key.invalid.length === 0 && key.values.every(namesOwner);
}

/**
 * Whether the wildcards of a sub value come only after `repo:OWNER/REPO`, so the repository itself is fixed and only
 * the context (branch, environment, event) is open.
 */
export function fixesRepository(value: ConditionValue): boolean {
  const text = String(value.value);
  if (!text.startsWith('repo:')) return false;
  const match = /^repo:([^/:]+)\/([^/:]+)(:|$)/.exec(text);
  return !!match && !hasWildcard(match[1]!) && !hasWildcard(match[2]!);
}

export function hasWildcardValue(value: ConditionValue): boolean {
  return hasWildcard(String(value.value));
}
