/**
 * Typed access to the facts that completion and hover add to the catalogue: service principals, Regions, principal
 * forms, policy variables, condition values, what the operator modifiers mean and how much each service is used. Each lives in data/*.json with
 * its AWS source; nothing here is typed into code.
 */
import conditionValueData from '../../../data/condition-values.json';
import modifierData from '../../../data/condition-operator-modifiers.json';
import principalFormData from '../../../data/principal-forms.json';
import policyVariableData from '../../../data/policy-variables.json';
import regionData from '../../../data/regions.json';
import servicePrincipalData from '../../../data/service-principals.json';
import serviceRankingData from '../../../data/service-ranking.json';

export interface ServicePrincipal {
  readonly principal: string;
  readonly service: string;
  readonly source: string;
}

/** data/regions.json is shared with the Region lint (server/src/rules/shared/valueFormats.ts) and read as it is. */
export interface Region {
  readonly code: string;
  readonly name: string;
}

export interface PrincipalForm {
  /** The Principal entry it belongs to: AWS, Federated or CanonicalUser. */
  readonly kind: string;
  /** The value, with `${Name}` for each field to fill in. */
  readonly template: string;
  readonly label: string;
  readonly description: string;
  readonly source: string;
}

export interface PolicyVariable {
  /** The text between `${` and `}`, e.g. `aws:username` or `aws:PrincipalTag/${TagKey}`. */
  readonly name: string;
  readonly description: string;
}

export interface ConditionValue {
  readonly value: string;
  readonly description: string;
  /** An LSP snippet with tab stops, for values that are examples of a format rather than literal choices. */
  readonly snippet?: string;
}

interface ConditionValueSource {
  readonly key: string;
  readonly source: string;
  readonly values?: readonly ConditionValue[];
  readonly from?: 'regions' | 'service-principals';
}

interface TypeValues {
  readonly type: string;
  readonly source: string;
  readonly values: readonly ConditionValue[];
}

export const servicePrincipals: readonly ServicePrincipal[] = servicePrincipalData as ServicePrincipal[];
export const regions: readonly Region[] = regionData.regions;
export const principalForms: readonly PrincipalForm[] = principalFormData.forms;
export const policyVariables: readonly PolicyVariable[] = policyVariableData.variables;
export const policyVariablesSource: string = policyVariableData.source;
export const operatorModifiers = {
  ifExists: modifierData.ifExists,
  qualifiers: modifierData.qualifiers as Record<'ForAllValues' | 'ForAnyValue', string>,
  source: modifierData.source,
  qualifiersSource: modifierData.qualifiersSource,
};

const valuesByKey = new Map<string, ConditionValueSource>(
  (conditionValueData.keys as ConditionValueSource[]).map((entry) => [entry.key.toLowerCase(), entry]),
);
const valuesByType = new Map<string, TypeValues>((conditionValueData.types as TypeValues[]).map((entry) => [entry.type, entry]));

const regionValues: readonly ConditionValue[] = regions.map((r) => ({ value: r.code, description: r.name }));
const principalValues: readonly ConditionValue[] = servicePrincipals.map((p) => ({ value: p.principal, description: p.service }));

/** The values a condition key is known to take (case-insensitive key), or undefined when the data says nothing. */
export function valuesOfKey(key: string): readonly ConditionValue[] | undefined {
  const entry = valuesByKey.get(key.toLowerCase());
  if (!entry) return undefined;
  if (entry.from === 'regions') return regionValues;
  if (entry.from === 'service-principals') return principalValues;
  return entry.values;
}

/** Example values for a key type (`Bool`, `Date`, `IPAddress`) or for the `Null` operator. */
export function valuesOfType(type: string): readonly ConditionValue[] | undefined {
  return valuesByType.get(type)?.values;
}

const principalsByName = new Map(servicePrincipals.map((p) => [p.principal.toLowerCase(), p]));

export function findServicePrincipal(principal: string): ServicePrincipal | undefined {
  return principalsByName.get(principal.toLowerCase());
}

/**
 * Service prefixes, most used first (by how many AWS managed policies name them: data/service-ranking.json, written
 * by `npm run corpus -- --service-ranking`): prefix -> rank from 0. Prefixes no managed policy names are absent.
 */
export const serviceRanks: ReadonlyMap<string, number> = new Map(Object.keys(serviceRankingData.services).map((prefix, rank) => [prefix, rank]));
