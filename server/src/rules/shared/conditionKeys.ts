/**
 * What a condition key written in a policy is: a key the catalogue (or data/extra-condition-keys.json) defines, a
 * claim of an identity provider we cannot enumerate, or one of the ways of being wrong (bad format, unknown global
 * key, unknown service key, tag key without its tag). Key names are case-insensitive in IAM.
 */
import extraData from '../../../../data/extra-condition-keys.json';
import type { Action, Catalog, ConditionKeyType, Service } from '../../catalog/types';
import type { OperatorFamily } from '../../policy/operators';

export interface KnownKey {
  /** Canonical spelling, templated parts as `${TagKey}`. */
  readonly key: string;
  readonly type: ConditionKeyType;
  /** Valid for every action (global and cross-service keys). */
  readonly global: boolean;
  /** Operator families the key accepts besides the one its type implies (aws:EpochTime takes Numeric too). */
  readonly alsoAccepts: readonly OperatorFamily[];
}

export type KeyResolution =
  | { readonly kind: 'known'; readonly info: KnownKey }
  | { readonly kind: 'deprecated'; readonly info: KnownKey; readonly replacements: readonly string[] }
  /** `<provider>:<claim>` of an OIDC provider the data does not list; typed when the claim is a standard one. */
  | { readonly kind: 'federated'; readonly type: ConditionKeyType | undefined }
  /** `aws:ResourceTag` or `aws:ResourceTag/`: the template without its tag key. */
  | { readonly kind: 'missingTagKey'; readonly template: string }
  | { readonly kind: 'badFormat' }
  | { readonly kind: 'unknownGlobal' }
  | { readonly kind: 'unknownServiceKey'; readonly service: Service }
  | { readonly kind: 'unknownService'; readonly prefix: string };

interface ExtraKey {
  key: string;
  type: string;
  global: boolean;
}

const extraKeys = new Map((extraData.keys as ExtraKey[]).map((k) => [k.key.toLowerCase(), k]));
const deprecatedKeys = new Map(extraData.deprecated.map((k) => [k.key.toLowerCase(), k]));
const alsoAcceptsByKey = new Map(extraData.alsoAccepts.map((k) => [k.key.toLowerCase(), k.families as OperatorFamily[]]));
const claimTypes = new Map(extraData.federatedClaims.claims.map((c) => [c.claim.toLowerCase(), c.type as ConditionKeyType]));

const NONE: readonly never[] = [];

function knownKey(key: string, type: ConditionKeyType, global: boolean): KnownKey {
  return { key, type, global, alsoAccepts: alsoAcceptsByKey.get(key.toLowerCase()) ?? NONE };
}

/** `service:name`: a prefix of letters, digits, dots, dashes, slashes; a non-empty name; no whitespace. */
export function hasKeyFormat(key: string): boolean {
  const colon = key.indexOf(':');
  return colon > 0 && colon < key.length - 1 && !/\s/.test(key);
}

/**
 * The `…/${TagKey}` template a key is the stem of (`aws:ResourceTag` -> `aws:ResourceTag/${TagKey}`): probing the
 * catalogue with a made-up tag key finds it without listing every key.
 */
function tagTemplateOf(catalog: Catalog, stem: string): string | undefined {
  const probe = catalog.findConditionKey(`${stem}/tag-key-probe`);
  const suffix = '/${TagKey}';
  return probe && probe.key.endsWith(suffix) && probe.key.slice(0, -suffix.length).toLowerCase() === stem.toLowerCase()
    ? probe.key
    : undefined;
}

const serviceKeyMemo = new WeakMap<Service, readonly string[]>();
/** The keys a service defines (its prefix only), canonical spelling, sorted. */
export function serviceKeyNames(catalog: Catalog, service: Service): readonly string[] {
  let names = serviceKeyMemo.get(service);
  if (!names) {
    const found = new Set<string>();
    const prefix = `${service.prefix.toLowerCase()}:`;
    const add = (keys: readonly string[]) => {
      for (const key of keys) if (key.toLowerCase().startsWith(prefix)) found.add(key);
    };
    for (const action of catalog.actionsOf(service)) {
      add(action.conditionKeys);
      for (const row of action.resourceTypes) {
        add(row.conditionKeys);
        add(row.resourceType.conditionKeys);
      }
    }
    names = [...found].sort();
    serviceKeyMemo.set(service, names);
  }
  return names;
}

const resolutionMemo = new WeakMap<Catalog, Map<string, KeyResolution>>();

export function resolveConditionKey(catalog: Catalog, key: string): KeyResolution {
  let memo = resolutionMemo.get(catalog);
  if (!memo) {
    memo = new Map();
    resolutionMemo.set(catalog, memo);
  }
  const lower = key.toLowerCase();
  let result = memo.get(lower);
  if (!result) {
    result = classify(catalog, key);
    if (memo.size > 5_000) memo.clear();
    memo.set(lower, result);
  }
  return result;
}

function classify(catalog: Catalog, key: string): KeyResolution {
  if (!hasKeyFormat(key)) return { kind: 'badFormat' };
  const lower = key.toLowerCase();
  const extra = extraKeys.get(lower);
  if (extra) return { kind: 'known', info: knownKey(extra.key, extra.type as ConditionKeyType, extra.global) };
  const deprecated = deprecatedKeys.get(lower);
  if (deprecated) {
    return { kind: 'deprecated', info: knownKey(deprecated.key, deprecated.type as ConditionKeyType, true), replacements: deprecated.replacements };
  }
  const found = catalog.findConditionKey(key);
  if (found) return { kind: 'known', info: knownKey(found.key, found.type, found.global) };
  const stem = lower.endsWith('/') ? lower.slice(0, -1) : lower;
  const template = tagTemplateOf(catalog, stem);
  if (template) return { kind: 'missingTagKey', template };
  const prefix = key.slice(0, key.indexOf(':'));
  if (prefix.toLowerCase() === 'aws') return { kind: 'unknownGlobal' };
  // An identity provider's host (and path): its claims depend on the provider and cannot all be known.
  if (prefix.includes('.') || prefix.includes('/')) {
    const claim = key.slice(prefix.length + 1).toLowerCase();
    return { kind: 'federated', type: claimTypes.get(claim) };
  }
  const service = catalog.findService(prefix);
  return service ? { kind: 'unknownServiceKey', service } : { kind: 'unknownService', prefix };
}

/** The type of a key when we know it (known, deprecated or a standard federated claim). */
export function keyType(resolution: KeyResolution): ConditionKeyType | undefined {
  if (resolution.kind === 'known' || resolution.kind === 'deprecated') return resolution.info.type;
  if (resolution.kind === 'federated') return resolution.type;
  return undefined;
}

export function isMultiValued(type: ConditionKeyType): boolean {
  return type.startsWith('ArrayOf');
}

/**
 * Whether the action (its own keys, its resource types' keys) or the global keys define the key. Compared with the
 * action's key lists in place, without a set per action: `"*"` asks this of 22,000 actions once per key.
 */
export function actionSupportsKey(action: Action, info: KnownKey): boolean {
  if (info.global) return true;
  const wanted = info.key;
  const lower = wanted.toLowerCase();
  const lists = (keys: readonly string[]): boolean => {
    for (const key of keys) if (key.length === wanted.length && (key === wanted || key.toLowerCase() === lower)) return true;
    return false;
  };
  return lists(action.conditionKeys) || action.resourceTypes.some((row) => lists(row.conditionKeys) || lists(row.resourceType.conditionKeys));
}
