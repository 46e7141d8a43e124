/**
 * What the principals of a statement are: each value of Principal with its key, who "everyone" is, and which kind of
 * identity provider a Federated value names. Facts (built-in web identity providers, provider ARN forms) come from
 * data/trust-principals.json and data/principal-value-formats.json.
 */
import formatData from '../../../../data/principal-value-formats.json';
import trustData from '../../../../data/trust-principals.json';
import type { PrincipalElement, PrincipalEntry, Statement, StringValue } from '../../policy/model';
import { splitArn } from '../../policy/arnParts';
import { findClosest } from './closest';
import { neverApplies } from './impossibleConditions';

export interface PrincipalValue {
  /** The principal key the entry stands for (`AWS`, `Service`...); see principalKeyOf. */
  readonly key: string;
  readonly value: StringValue;
  readonly entry: PrincipalEntry;
}

const principalKeys: readonly string[] = formatData.principalKeys.keys;

/**
 * The principal key an entry stands for: its own key, or the valid key invalid-principal-key's safe fix renames it to
 * (`aws` -> `AWS`). Judging the entry as fixed keeps that fix from bringing up new errors of the value rules.
 */
export function principalKeyOf(entry: PrincipalEntry, siblings: readonly PrincipalEntry[]): string {
  if (principalKeys.includes(entry.kind)) return entry.kind;
  const suggestion = findClosest(entry.kind, principalKeys);
  return suggestion && !siblings.some((s) => s.kind === suggestion) ? suggestion : entry.kind;
}

/** Every string value of a Principal object, in document order. A bare `"*"` is not included (see everyoneValues). */
export function principalValues(element: PrincipalElement | undefined): PrincipalValue[] {
  const values: PrincipalValue[] = [];
  const entries = element?.entries ?? [];
  for (const entry of entries) {
    const key = principalKeyOf(entry, entries);
    for (const value of entry.values) values.push({ key, value, entry });
  }
  return values;
}

/** The values that mean "every principal": a bare `"*"`, or `"*"` under `AWS` (AWS treats both alike). */
export function everyoneValues(element: PrincipalElement | undefined): StringValue[] {
  if (!element) return [];
  if (element.wildcard) return element.wildcard.value === '*' ? [element.wildcard] : [];
  return principalValues(element)
    .filter((p) => p.key === 'AWS' && p.value.value === '*')
    .map((p) => p.value);
}

/**
 * The effect a statement means: `allow` or `"Deny "` count as written right, since invalid-effect's safe fix makes
 * them so. Judging the corrected effect keeps that fix from bringing up new errors of the rules that depend on it.
 */
export function effectOf(statement: Statement): 'Allow' | 'Deny' | undefined {
  const value = statement.effect?.value?.trim().toLowerCase();
  return value === 'allow' ? 'Allow' : value === 'deny' ? 'Deny' : undefined;
}

/** An Allow that can apply: one whose Condition no request satisfies grants nothing (condition-never-true). */
export function isAllow(statement: Statement): boolean {
  return effectOf(statement) === 'Allow' && !neverApplies(statement);
}

export function isDeny(statement: Statement): boolean {
  return effectOf(statement) === 'Deny';
}

export function hasWildcardCharacter(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** `aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`...: the partitions all start with `aws`. */
export function isPartition(text: string): boolean {
  return /^aws(-[a-z]+)*$/.test(text);
}

export type FederatedKind = 'saml' | 'oidc';

export interface FederatedProvider {
  readonly kind: FederatedKind;
  /** For OIDC: the provider as condition keys name it (`token.actions.githubusercontent.com`, `accounts.google.com`). */
  readonly host: string;
}

const builtInProviders = new Set(trustData.builtInOidcProviders.map((p) => p.provider));
const providerTypes = formatData.federatedProviderTypes as { resource: string; kind: FederatedKind }[];

/**
 * The identity provider a Federated value names, or undefined for a value of no known form. Provider ARNs are
 * `arn:<partition>:iam::<account>:saml-provider/<name>` or `...:oidc-provider/<host and path>`.
 */
export function federatedProvider(value: string): FederatedProvider | undefined {
  const arn = splitArn(value);
  if (arn) {
    if (arn.service !== 'iam') return undefined;
    for (const type of providerTypes) {
      if (arn.resource.startsWith(type.resource) && arn.resource.length > type.resource.length) {
        return { kind: type.kind, host: arn.resource.slice(type.resource.length) };
      }
    }
    return undefined;
  }
  if (builtInProviders.has(value.toLowerCase())) return { kind: 'oidc', host: value.toLowerCase() };
  return undefined;
}

export const github = trustData.github;

/** Whether a Federated value is the GitHub Actions OIDC provider registered in some account. */
export function isGitHubProvider(value: string): boolean {
  const provider = federatedProvider(value);
  return provider?.kind === 'oidc' && provider.host.toLowerCase() === github.provider && value.startsWith('arn:');
}

/**
 * The kind a principal value belongs to, as data/trust-principals.json names them for the assume actions; undefined
 * for a Federated value of no known form and for a key that is no principal key (invalid-principal-key reports it,
 * and judging actions against it would only add a second finding once the action is fixed: known failure K17).
 */
export function principalKind(principal: PrincipalValue): string | undefined {
  if (principal.key === 'Federated') return federatedProvider(principal.value.value)?.kind;
  return principalKeys.includes(principal.key) ? principal.key : undefined;
}
