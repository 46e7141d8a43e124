import { formatPattern, formatsWithChildPaths, MAX_ARN_LENGTH, resourceMatchesFormat, resourcePattern, type ResourcePattern } from './arn';
import { BoundedMemo } from './memo';
import { compileGlob, hasWildcard } from './glob';
import type {
  AccessLevel,
  Action,
  ActionFacts,
  ActionListName,
  ActionResource,
  Catalog,
  CatalogInfo,
  ConditionKey,
  ConditionKeyType,
  ResourceType,
  Service,
} from './types';

/*
 * The index as scripts/build-catalog.mjs writes it (format 2). Arrays rather than objects keep it small and quick
 * to parse. A "key ref" is an index into `conditionKeys`. Creating the catalogue parses only the text before
 * `serviceDetails` (a third of it); a service's action details are parsed from their own span of the text when one
 * of its actions is first asked for.
 */
type RawKey = [key: string, type: ConditionKeyType, description: string, category?: string];
type RawRow = [resourceType: number, required: 0 | 1, keyRefs?: number[]];
type RawActionDetail = [level: number, description: string, resources: RawRow[], keyRefs: number[], dependentActions?: string[]];
type RawResourceType = [name: string, arn: string, keyRefs: number[]];
type RawService = [
  prefix: string,
  name: string,
  actionNames: string[],
  resourceTypes: RawResourceType[],
  keyRefs: number[],
  /** Where the service's action details lie, counted from the `[` that opens `serviceDetails`. */
  details: [start: number, end: number],
  /** Indexes of the resource types its actions name, in the order they first name them. */
  namedTypes: number[],
  /** The id of the service's first action in full-name order; its actions have the ids that follow. */
  firstId: number,
  /** Where each action (in actionNames order) falls among the service's ids; absent when the orders agree. */
  ranks?: number[],
];

interface RawIndex {
  readonly format: number;
  readonly source: string;
  readonly dataVersion: string;
  readonly dataDate: string;
  readonly counts: CatalogInfo['counts'];
  readonly levels: AccessLevel[];
  /** Access levels (digits indexing `levels`, by action id) and data lists as base64 bitsets by action id. */
  readonly actionFacts: { readonly levels: string; readonly sets: Readonly<Record<ActionListName, string>> };
  readonly conditionKeys: RawKey[];
  readonly services: RawService[];
}

const INDEX_FORMAT = 3;
/** Comes before the services' action details, the index's last member. */
const DETAILS_MEMBER = ',"serviceDetails":';

/**
 * One service's actions, each built on its own first use (even `*:Get*` needs only a seventh of all actions), from
 * the service's details, parsed when the first is asked for. The service entry holds them weakly and each action
 * strongly (DETAIL): once nobody holds any of a service's actions (after a rule looked at every action once, say),
 * a full GC may drop them and the next question parses them again, while an action someone still holds stays the
 * one that findAction and expandAction return.
 */
interface ServiceDetail {
  /** The parsed details; an action's entry is dropped once the action is built from it. */
  readonly raw: (RawActionDetail | undefined)[];
  readonly actions: (Action | undefined)[];
  /** Rows without keys of their own, shared by the actions that have the same (by resource type and `required`). */
  readonly rows: Map<number, ActionResource>;
  /** Every action, once something asked for all of them. */
  all?: readonly Action[];
}

interface ServiceEntry {
  readonly service: Service;
  readonly raw: RawService;
  /** Built on first use and kept: 2,334 in all, and the resource rows of every action built point at them. */
  resourceTypes?: readonly ResourceType[];
  detail?: WeakRef<ServiceDetail>;
}

const DETAIL = Symbol('service detail');

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
  const detailsAt = indexJson.indexOf(DETAILS_MEMBER);
  const index = JSON.parse(detailsAt < 0 ? indexJson : `${indexJson.slice(0, detailsAt)}}`) as RawIndex;
  if (index.format !== INDEX_FORMAT) {
    throw new Error(`IAM catalogue index has format ${index.format}; this build reads format ${INDEX_FORMAT}`);
  }
  if (detailsAt < 0) throw new Error('IAM catalogue index has no serviceDetails');
  const detailsStart = detailsAt + DETAILS_MEMBER.length;
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
    service: { prefix: raw[0], name: raw[1], actionNames: raw[2] },
  }));
  const entriesByPrefix = new Map(entries.map((e) => [e.service.prefix.toLowerCase(), e]));
  const entriesByService = new Map(entries.map((e) => [e.service, e]));
  const services = entries.map((e) => e.service);
  const actionCount = index.counts.actions;

  const idAt = (entry: ServiceEntry, position: number): number => entry.raw[7] + (entry.raw[8]?.[position] ?? position);

  // Which service and position each id stands for, built on the first question by id.
  let idOwners: { entry: Uint16Array; position: Uint16Array } | undefined;
  function ownersById(id: number): { entry: Uint16Array; position: Uint16Array } {
    if (!idOwners) {
      idOwners = { entry: new Uint16Array(actionCount), position: new Uint16Array(actionCount) };
      entries.forEach((entry, e) => {
        for (let position = 0; position < entry.service.actionNames.length; position++) {
          const at = idAt(entry, position);
          idOwners!.entry[at] = e;
          idOwners!.position[at] = position;
        }
      });
    }
    if (!(id >= 0 && id < actionCount)) throw new RangeError(`no action has id ${id}`);
    return idOwners;
  }

  function actionById(id: number): Action {
    const owners = ownersById(id);
    return actionAt(entries[owners.entry[id]!]!, owners.position[id]!);
  }

  // Asked of every action of a statement by rules that compare them with the statement's resources: read from the
  // service's details without building the action (its description, keys and name strings).
  const resourceArnsById: (readonly string[] | undefined)[] = new Array(actionCount);
  function resourceTypeArnsOf(id: number): readonly string[] {
    const known = resourceArnsById[id];
    if (known) return known;
    const owners = ownersById(id);
    const entry = entries[owners.entry[id]!]!;
    const position = owners.position[id]!;
    const detail = detailOf(entry);
    const built = detail.actions[position];
    let arns: readonly string[];
    if (built) {
      arns = built.resourceTypes.map((row) => row.resourceType.arn);
    } else {
      // actionAt drops an action's raw details once it has built it; until then they are read here.
      const types = ownResourceTypes(entry);
      arns = detail.raw[position]![2].map(([rt]) => types[rt]!.arn);
    }
    const answer = arns.length ? arns : NONE;
    resourceArnsById[id] = answer;
    return answer;
  }

  const actionFacts = factsOf(index.actionFacts, index.levels, actionCount);

  const keyNames = (refs: readonly number[] | undefined): readonly string[] =>
    refs && refs.length ? refs.map((r) => keys[r]!.key) : NONE;

  function ownResourceTypes(entry: ServiceEntry): readonly ResourceType[] {
    entry.resourceTypes ??= entry.raw[3].map(([name, arn, refs]) => ({ name, arn, conditionKeys: keyNames(refs) }));
    return entry.resourceTypes;
  }

  function detailOf(entry: ServiceEntry): ServiceDetail {
    let detail = entry.detail?.deref();
    if (!detail) {
      const [start, end] = entry.raw[5];
      const raw = JSON.parse(indexJson.slice(detailsStart + start, detailsStart + end)) as RawActionDetail[];
      detail = { raw, actions: new Array<Action | undefined>(raw.length), rows: new Map() };
      entry.detail = new WeakRef(detail);
    }
    return detail;
  }

  function actionAt(entry: ServiceEntry, position: number): Action {
    const detail = detailOf(entry);
    const existing = detail.actions[position];
    if (existing) return existing;
    const [level, description, rows, refs, dependent] = detail.raw[position]!;
    detail.raw[position] = undefined;
    const name = entry.service.actionNames[position]!;
    const resourceTypes = ownResourceTypes(entry);
    const row = ([rt, required, rowRefs]: RawRow): ActionResource => {
      const make = (): ActionResource => ({ resourceType: resourceTypes[rt]!, required: required === 1, conditionKeys: keyNames(rowRefs) });
      if (rowRefs?.length) return make();
      const shared = detail.rows.get(rt * 2 + required) ?? make();
      detail.rows.set(rt * 2 + required, shared);
      return shared;
    };
    const action: Action & { readonly [DETAIL]: ServiceDetail } = {
      id: idAt(entry, position),
      service: entry.service,
      name,
      fullName: `${entry.service.prefix}:${name}`,
      description,
      accessLevel: index.levels[level]!,
      resourceTypes: rows.length ? rows.map(row) : NONE,
      conditionKeys: keyNames(refs),
      dependentActions: dependent ?? NONE,
      [DETAIL]: detail,
    };
    detail.actions[position] = action;
    return action;
  }

  function allActionsOf(entry: ServiceEntry): readonly Action[] {
    const detail = detailOf(entry);
    detail.all ??= entry.service.actionNames.map((_, i) => actionAt(entry, i));
    return detail.all;
  }

  /** Names are sorted by their lower-case form (the index guarantees it), so a binary search finds one. */
  function positionNamed(entry: ServiceEntry, name: string): number | undefined {
    const wanted = name.toLowerCase();
    const names = entry.service.actionNames;
    let low = 0;
    let high = names.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareLowerCase(names[mid]!, wanted) < 0) low = mid + 1;
      else high = mid;
    }
    return low < names.length && compareLowerCase(names[low]!, wanted) === 0 ? low : undefined;
  }

  const findService = (prefix: string): Service | undefined => entriesByPrefix.get(prefix.toLowerCase())?.service;

  const entryOf = (service: Service): ServiceEntry | undefined =>
    entriesByService.get(service) ?? entriesByPrefix.get(service.prefix.toLowerCase());

  function actionsOf(service: Service): readonly Action[] {
    const entry = entryOf(service);
    return entry ? allActionsOf(entry) : NONE;
  }

  function resourceTypesOfService(service: Service): readonly ResourceType[] {
    const entry = entryOf(service);
    return entry ? ownResourceTypes(entry) : NONE;
  }

  function resourceTypesNamedByActions(service: Service): readonly ResourceType[] {
    const entry = entryOf(service);
    if (!entry) return NONE;
    const types = ownResourceTypes(entry);
    return entry.raw[6].map((i) => types[i]!);
  }

  /** Where `service:Action` (no wildcard, any case) is: its service's entry and its position there. */
  function locate(fullName: string): { entry: ServiceEntry; position: number } | undefined {
    const colon = fullName.indexOf(':');
    if (colon < 0) return undefined;
    const entry = entriesByPrefix.get(fullName.slice(0, colon).toLowerCase());
    const position = entry && positionNamed(entry, fullName.slice(colon + 1));
    return position === undefined ? undefined : { entry: entry!, position };
  }

  function findAction(fullName: string): Action | undefined {
    const found = locate(fullName);
    return found && actionAt(found.entry, found.position);
  }

  const expandAction = patternMemo(computeExpansion);
  const expandActionIds = patternMemo(computeIdExpansion, plainNameIds);

  // One list per action named in full, shared by every spelling of it (most Action strings are such names).
  const singleIds: (Int32Array | undefined)[] = new Array(actionCount);

  /** The id list of `service:Action` written without a wildcard: a binary search, no lower-cased key remembered. */
  function plainNameIds(name: string): Int32Array {
    const found = locate(name);
    if (!found) return NO_IDS;
    const id = idAt(found.entry, found.position);
    return (singleIds[id] ??= Int32Array.of(id));
  }

  /**
   * Visits what an action pattern as written in a policy matches, service by service (by prefix) and each service's
   * actions in the index's order. Case-insensitive, `*` and `?` as IAM defines them; linear-time matching, never a
   * regex built from user text.
   */
  function visitMatches(pattern: string, visit: (entry: ServiceEntry, position: number) => void): void {
    const visitWhere = (candidates: readonly ServiceEntry[], accepts?: (entry: ServiceEntry, name: string) => boolean): void => {
      for (const entry of candidates) {
        const names = entry.service.actionNames;
        for (let position = 0; position < names.length; position++) if (!accepts || accepts(entry, names[position]!)) visit(entry, position);
      }
    };
    const colon = pattern.indexOf(':');
    if (colon < 0) {
      // No service part: IAM compares the pattern with the whole `service:Action` name (`*` is everything).
      if (pattern === '*') return visitWhere(entries);
      if (!hasWildcard(pattern)) return;
      const matches = compileGlob(pattern, { ignoreCase: true });
      return visitWhere(entries, (e, name) => matches(`${e.service.prefix}:${name}`));
    }
    const servicePart = pattern.slice(0, colon);
    const actionPart = pattern.slice(colon + 1);
    let candidates: readonly ServiceEntry[];
    if (hasWildcard(servicePart)) {
      const serviceMatches = compileGlob(servicePart, { ignoreCase: true });
      candidates = entries.filter((e) => serviceMatches(e.service.prefix));
    } else {
      const entry = entriesByPrefix.get(servicePart.toLowerCase());
      if (!entry) return;
      candidates = [entry];
    }
    if (!hasWildcard(actionPart)) {
      // The common case, one action named in full: a binary search, nothing compiled.
      for (const entry of candidates) {
        const position = positionNamed(entry, actionPart);
        if (position !== undefined) visit(entry, position);
      }
      return;
    }
    if (actionPart === '*') return visitWhere(candidates);
    const actionMatches = compileGlob(actionPart, { ignoreCase: true });
    visitWhere(candidates, (_, name) => actionMatches(name));
  }

  function computeIdExpansion(pattern: string): Int32Array {
    if (pattern === '*') return everyId();
    const found: number[] = [];
    visitMatches(pattern, (entry, position) => found.push(idAt(entry, position)));
    return found.length === 0 ? NO_IDS : Int32Array.from(found).sort();
  }

  let allIds: Int32Array | undefined;
  function everyId(): Int32Array {
    allIds ??= Int32Array.from({ length: actionCount }, (_, id) => id);
    return allIds;
  }

  function computeExpansion(pattern: string): readonly Action[] {
    const found: Action[] = [];
    visitMatches(pattern, (entry, position) => found.push(actionAt(entry, position)));
    return found.length === 0 ? NONE : found;
  }

  // Formats that head a `/` hierarchy (bucket vs object); computed on the first ARN question.
  let parentFormats: ReadonlySet<string> | undefined;
  // Values read once and kept by their text, bounded by the total length (known failure K5); the formats are kept by
  // catalog/arn.ts. A value longer than any ARN names no resource and is not matched at all.
  const resourcePatterns = new BoundedMemo<ResourcePattern>({ maxEntries: MEMO_LIMIT, maxKeyChars: 2_000_000, maxKeyLength: MAX_ARN_LENGTH });
  function matchResource(resource: string, arnFormat: string): boolean {
    if (resource.length > MAX_ARN_LENGTH) return false;
    parentFormats ??= formatsWithChildPaths(index.services.flatMap((s) => s[3].map((rt) => rt[1])));
    return resourceMatchesFormat(resourcePatterns.getOrCompute(resource, resourcePattern), formatPattern(arnFormat, parentFormats.has(arnFormat)));
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

  // Rules resolve each condition key of each statement; the same few keys recur across statements and documents.
  const resolvedKeys = new BoundedMemo<ConditionKey | undefined>({ maxEntries: MEMO_LIMIT, maxKeyChars: 1_000_000, maxKeyLength: 1_000 });
  function findConditionKey(key: string): ConditionKey | undefined {
    return resolvedKeys.getOrCompute(key, resolveConditionKey);
  }

  function resolveConditionKey(key: string): ConditionKey | undefined {
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
    actionCount,
    actionFacts,
    actionById,
    expandActionIds,
    services: () => services,
    findService,
    findAction,
    actionsOf,
    expandAction,
    resourceTypesOf: (action) => action.resourceTypes,
    resourceTypeArnsOf,
    resourceTypesOfService,
    resourceTypesNamedByActions,
    matchArn: matchResource,
    conditionKeysFor,
    findConditionKey,
    globalConditionKeys: () => globalKeys,
  };
}

const NO_IDS = new Int32Array(0);

/**
 * An action pattern's expansion, memoised. Bounded by the keys' total length too: a pattern is whatever the user typed
 * (known failure K5). Kept by the pattern in lower case, and as written: most lookups are of a pattern as written
 * before, and the rules ask about every Action string several times; the lower-case key is a new string to hash on
 * every call. A name without a wildcard, when `computePlain` is given, is answered by it and kept as written only.
 */
function patternMemo<T>(compute: (pattern: string) => T, computePlain?: (name: string) => T): (pattern: string) => T {
  const byLowerCase = new BoundedMemo<T>({ maxEntries: MEMO_LIMIT, maxKeyChars: 1_000_000, maxKeyLength: 1_000 });
  const asWritten = new BoundedMemo<T>({ maxEntries: MEMO_LIMIT, maxKeyChars: 1_000_000, maxKeyLength: 1_000 });
  return (pattern) => {
    let result = asWritten.get(pattern);
    if (result) return result;
    // A name without a wildcard is cheap to look up and shares its answer with its other spellings by itself.
    if (computePlain && !hasWildcard(pattern)) {
      result = computePlain(pattern);
      asWritten.set(pattern, result);
      return result;
    }
    const key = pattern.toLowerCase();
    result = byLowerCase.get(key);
    if (!result) {
      result = compute(pattern);
      byLowerCase.set(key, result);
    }
    asWritten.set(pattern, result);
    return result;
  };
}

function factsOf(raw: RawIndex['actionFacts'], levels: readonly AccessLevel[], actionCount: number): ActionFacts {
  if (raw.levels.length !== actionCount) throw new Error(`IAM catalogue index has access levels for ${raw.levels.length} of ${actionCount} actions`);
  // Decoded on first use; a record rather than a Map: `listed` is asked of every action of `"Action": "*"`.
  const bits: Partial<Record<ActionListName, Uint8Array>> = {};
  const idLists = new Map<ActionListName, Int32Array>();
  const bitsOf = (list: ActionListName): Uint8Array => {
    const set = bits[list];
    if (set) return set;
    const text = raw.sets[list];
    if (text === undefined) throw new Error(`IAM catalogue index has no action list ${list}`);
    return (bits[list] = Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  };
  return {
    accessLevel: (id) => levels[raw.levels.charCodeAt(id) - 0x30]!,
    listed: (list, id) => (bitsOf(list)[id >> 3]! & (1 << (id & 7))) !== 0,
    idsOf(list) {
      let ids = idLists.get(list);
      if (!ids) {
        const set = bitsOf(list);
        const found: number[] = [];
        for (let id = 0; id < actionCount; id++) if ((set[id >> 3]! & (1 << (id & 7))) !== 0) found.push(id);
        ids = Int32Array.from(found);
        idLists.set(list, ids);
      }
      return ids;
    },
  };
}

/**
 * `name.toLowerCase()` compared with `lower` (already lower case) as strings compare, without building the lower-case
 * copy: action names are ASCII (test/catalog checks), so folding ASCII letters is the whole of toLowerCase for them.
 */
function compareLowerCase(name: string, lower: string): number {
  const length = Math.min(name.length, lower.length);
  for (let i = 0; i < length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    const d = lower.charCodeAt(i);
    if (c !== d) return c - d;
  }
  return name.length - lower.length;
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
