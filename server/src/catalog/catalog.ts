import { formatsWithChildPaths, matchArn } from './arn';
import { compileGlob, hasWildcard } from './glob';
import type {
  AccessLevel,
  Action,
  ActionResource,
  Catalog,
  CatalogInfo,
  ConditionKey,
  ConditionKeyType,
  ResourceType,
  Service,
} from './types';

/*
 * The index as scripts/build-catalog.mjs writes it (format 1). Arrays rather than objects keep it small and quick
 * to parse. A "key ref" is an index into `conditionKeys`.
 */
type RawKey = [key: string, type: ConditionKeyType, description: string, category?: string];
type RawRow = [resourceType: number, required: 0 | 1, keyRefs?: number[]];
type RawAction = [
  name: string,
  level: number,
  description: string,
  resources: RawRow[],
  keyRefs: number[],
  dependentActions?: string[],
];
type RawResourceType = [name: string, arn: string, keyRefs: number[]];
type RawService = [prefix: string, name: string, actions: RawAction[], resourceTypes: RawResourceType[], keyRefs: number[]];

interface RawIndex {
  readonly format: number;
  readonly source: string;
  readonly dataVersion: string;
  readonly dataDate: string;
  readonly counts: CatalogInfo['counts'];
  readonly levels: AccessLevel[];
  readonly conditionKeys: RawKey[];
  readonly services: RawService[];
}

const INDEX_FORMAT = 1;

/**
 * One service's resource types, built on its first use, and its actions, each built on its own first use: most
 * sessions touch a few services, and even `*:Get*` needs only a seventh of all actions.
 */
interface ServiceDetail {
  readonly resourceTypes: readonly ResourceType[];
  readonly actions: (Action | undefined)[];
}

interface ServiceEntry {
  readonly service: Service;
  readonly raw: RawService;
  detail?: ServiceDetail;
  /** Every action, once something asked for all of them. */
  allActions?: readonly Action[];
}

/** A key with a `${…}` part, matched as a glob in which each placeholder is "one or more characters". */
interface TemplatedKey {
  readonly conditionKey: ConditionKey;
  readonly matches: (key: string) => boolean;
  /** Characters outside placeholders; the most specific template wins when several match. */
  readonly literalLength: number;
}

const NONE: readonly never[] = Object.freeze([]);
const MEMO_LIMIT = 20_000;

export function createCatalog(indexJson: string): Catalog {
  const index = JSON.parse(indexJson) as RawIndex;
  if (index.format !== INDEX_FORMAT) {
    throw new Error(`IAM catalogue index has format ${index.format}; this build reads format ${INDEX_FORMAT}`);
  }
  const info: CatalogInfo = {
    dataVersion: index.dataVersion,
    dataDate: index.dataDate,
    source: index.source,
    counts: index.counts,
  };

  const keys: ConditionKey[] = index.conditionKeys.map(([key, type, description, category]) =>
    category === undefined ? { key, type, description, global: false } : { key, type, description, global: true, category },
  );
  const keysByLower = new Map(keys.map((k) => [k.key.toLowerCase(), k]));
  const templatedKeys = keys.filter((k) => k.key.includes('${')).map(templateOf);
  const globalKeys = keys.filter((k) => k.global);

  const entries: ServiceEntry[] = index.services.map((raw) => ({
    raw,
    service: { prefix: raw[0], name: raw[1], actionNames: raw[2].map((a) => a[0]) },
  }));
  const entriesByPrefix = new Map(entries.map((e) => [e.service.prefix.toLowerCase(), e]));
  const entriesByService = new Map(entries.map((e) => [e.service, e]));
  const services = entries.map((e) => e.service);

  const keyNames = (refs: readonly number[] | undefined): readonly string[] =>
    refs && refs.length ? refs.map((r) => keys[r]!.key) : NONE;

  function detailOf(entry: ServiceEntry): ServiceDetail {
    entry.detail ??= {
      resourceTypes: entry.raw[3].map(([name, arn, refs]) => ({ name, arn, conditionKeys: keyNames(refs) })),
      actions: new Array<Action | undefined>(entry.raw[2].length),
    };
    return entry.detail;
  }

  function actionAt(entry: ServiceEntry, position: number): Action {
    const detail = detailOf(entry);
    const existing = detail.actions[position];
    if (existing) return existing;
    const [name, level, description, rows, refs, dependent] = entry.raw[2][position]!;
    const action: Action = {
      service: entry.service,
      name,
      fullName: `${entry.service.prefix}:${name}`,
      description,
      accessLevel: index.levels[level]!,
      resourceTypes: rows.length
        ? rows.map(
            ([rt, required, rowRefs]): ActionResource => ({
              resourceType: detail.resourceTypes[rt]!,
              required: required === 1,
              conditionKeys: keyNames(rowRefs),
            }),
          )
        : NONE,
      conditionKeys: keyNames(refs),
      dependentActions: dependent ?? NONE,
    };
    detail.actions[position] = action;
    return action;
  }

  function allActionsOf(entry: ServiceEntry): readonly Action[] {
    entry.allActions ??= entry.service.actionNames.map((_, i) => actionAt(entry, i));
    return entry.allActions;
  }

  /** Actions whose name the predicate accepts, building only those. */
  function actionsWhere(entry: ServiceEntry, accepts: (name: string) => boolean): Action[] {
    const found: Action[] = [];
    entry.service.actionNames.forEach((name, i) => {
      if (accepts(name)) found.push(actionAt(entry, i));
    });
    return found;
  }

  /** Names are sorted by their lower-case form (the index guarantees it), so a binary search finds one. */
  function actionNamed(entry: ServiceEntry, name: string): Action | undefined {
    const wanted = name.toLowerCase();
    const names = entry.service.actionNames;
    let low = 0;
    let high = names.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (names[mid]!.toLowerCase() < wanted) low = mid + 1;
      else high = mid;
    }
    return low < names.length && names[low]!.toLowerCase() === wanted ? actionAt(entry, low) : undefined;
  }

  const findService = (prefix: string): Service | undefined => entriesByPrefix.get(prefix.toLowerCase())?.service;

  function actionsOf(service: Service): readonly Action[] {
    const entry = entriesByService.get(service) ?? entriesByPrefix.get(service.prefix.toLowerCase());
    return entry ? allActionsOf(entry) : NONE;
  }

  function findAction(fullName: string): Action | undefined {
    const colon = fullName.indexOf(':');
    if (colon < 0) return undefined;
    const entry = entriesByPrefix.get(fullName.slice(0, colon).toLowerCase());
    return entry && actionNamed(entry, fullName.slice(colon + 1));
  }

  const expansions = new Map<string, readonly Action[]>();
  function expandAction(pattern: string): readonly Action[] {
    const memoKey = pattern.toLowerCase();
    let result = expansions.get(memoKey);
    if (!result) {
      result = computeExpansion(pattern);
      if (expansions.size >= MEMO_LIMIT) expansions.clear();
      expansions.set(memoKey, result);
    }
    return result;
  }

  function computeExpansion(pattern: string): readonly Action[] {
    const colon = pattern.indexOf(':');
    if (colon < 0) {
      // No service part: IAM compares the pattern with the whole `service:Action` name (`*` is everything).
      if (pattern === '*') return entries.flatMap(allActionsOf);
      if (!hasWildcard(pattern)) return NONE;
      const matches = compileGlob(pattern, { ignoreCase: true });
      return entries.flatMap((e) => actionsWhere(e, (name) => matches(`${e.service.prefix}:${name}`)));
    }
    const servicePart = pattern.slice(0, colon);
    const actionPart = pattern.slice(colon + 1);
    const serviceMatches = compileGlob(servicePart, { ignoreCase: true });
    const candidates = hasWildcard(servicePart)
      ? entries.filter((e) => serviceMatches(e.service.prefix))
      : [entriesByPrefix.get(servicePart.toLowerCase())].filter((e): e is ServiceEntry => e !== undefined);
    if (!hasWildcard(actionPart)) return candidates.flatMap((e) => actionNamed(e, actionPart) ?? NONE);
    if (actionPart === '*') return candidates.flatMap(allActionsOf);
    const actionMatches = compileGlob(actionPart, { ignoreCase: true });
    return candidates.flatMap((e) => actionsWhere(e, actionMatches));
  }

  // Formats that head a `/` hierarchy (bucket vs object); computed on the first ARN question.
  let parentFormats: ReadonlySet<string> | undefined;
  const arnAnswers = new Map<string, boolean>();
  function matchResource(resource: string, arnFormat: string): boolean {
    parentFormats ??= formatsWithChildPaths(index.services.flatMap((s) => s[3].map((rt) => rt[1])));
    const memoKey = `${arnFormat}\u0000${resource}`;
    let answer = arnAnswers.get(memoKey);
    if (answer === undefined) {
      answer = matchArn(resource, arnFormat, { hasChildPaths: parentFormats.has(arnFormat) });
      if (arnAnswers.size >= MEMO_LIMIT) arnAnswers.clear();
      arnAnswers.set(memoKey, answer);
    }
    return answer;
  }

  const keysForAction = new WeakMap<Action, readonly ConditionKey[]>();
  function conditionKeysFor(action: Action): readonly ConditionKey[] {
    let result = keysForAction.get(action);
    if (result) return result;
    const found = new Map<string, ConditionKey>();
    const add = (names: readonly string[]): void => {
      for (const name of names) {
        const lower = name.toLowerCase();
        const key = keysByLower.get(lower);
        if (key && !found.has(lower)) found.set(lower, key);
      }
    };
    add(action.conditionKeys);
    for (const row of action.resourceTypes) {
      add(row.conditionKeys);
      add(row.resourceType.conditionKeys);
    }
    for (const g of globalKeys) if (!found.has(g.key.toLowerCase())) found.set(g.key.toLowerCase(), g);
    result = [...found.values()];
    keysForAction.set(action, result);
    return result;
  }

  function findConditionKey(key: string): ConditionKey | undefined {
    const exact = keysByLower.get(key.toLowerCase());
    if (exact) return exact;
    let best: TemplatedKey | undefined;
    for (const t of templatedKeys) {
      if ((!best || t.literalLength > best.literalLength) && t.matches(key)) best = t;
    }
    return best?.conditionKey;
  }

  return {
    info,
    services: () => services,
    findService,
    findAction,
    actionsOf,
    expandAction,
    resourceTypesOf: (action) => action.resourceTypes,
    matchArn: matchResource,
    conditionKeysFor,
    findConditionKey,
    globalConditionKeys: () => globalKeys,
  };
}

/** `s3:ExistingObjectTag/${TagKey}` -> glob `s3:ExistingObjectTag/?*`: a placeholder stands for at least one character. */
function templateOf(conditionKey: ConditionKey): TemplatedKey {
  const pattern = conditionKey.key.replace(/\$\{[^}]*\}/g, '?*');
  return {
    conditionKey,
    matches: compileGlob(pattern, { ignoreCase: true }),
    literalLength: pattern.length - 2 * (pattern.split('?*').length - 1),
  };
}
