/**
 * The ARN formats of the Service Authorization Reference, indexed by the service field written in the ARN (which is
 * not always the action prefix: `s3:` actions also act on `s3-object-lambda` ARNs, `es:` actions on `opensearch`
 * ones). Built once per catalogue from the resource types of every action and of every service (allResourceTypes.ts),
 * then shared by the ARN rules.
 */
import {
  formatGroup,
  formatPattern,
  formatsWithChildPaths,
  MAX_ARN_LENGTH,
  resourceMatchesInGroup,
  resourcePartMatchesFormat,
  resourcePartMatchesInGroup,
  resourcePattern,
  type FormatGroup,
  type ResourcePattern,
} from '../../catalog/arn';
import { BoundedMemo } from '../../catalog/memo';
import type { Catalog } from '../../catalog/types';
import { allResourceTypes } from './allResourceTypes';
import { splitArnFields, type ResourceArn } from './arnFields';

export interface ArnFormat {
  /** The format, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  readonly arn: string;
  /**
   * The resource types' ARN text it comes from: usually the format itself, but the data writes a few resource types
   * as two formats joined by ", " (API Gateway's v1 and v2 paths), which are split here.
   */
  readonly sources: readonly string[];
  /** Names of the resource types that use this format (usually one). */
  readonly resourceTypes: readonly string[];
  /** The region field as written: empty for global resources, usually `${Region}`. */
  readonly region: string;
  /** The account field as written: empty for S3 buckets and the like, usually `${Account}`, sometimes `aws`. */
  readonly account: string;
  /** Everything after the fifth colon. */
  readonly resource: string;
  /** Another format extends this one with `/...` (bucket vs object), see catalog/arn.ts. */
  readonly hasChildPaths: boolean;
}

export interface ArnFormatIndex {
  /** Formats by the lower-case service field of the ARN; formats with a placeholder there are in `anyService`. */
  readonly byService: ReadonlyMap<string, readonly ArnFormat[]>;
  readonly anyService: readonly ArnFormat[];
  /** Account fields some format writes as a fixed value instead of a placeholder (`aws`, for AWS managed policies). */
  readonly fixedAccounts: readonly string[];
}

const indexes = new WeakMap<Catalog, ArnFormatIndex>();

export function arnFormatIndex(catalog: Catalog): ArnFormatIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

function buildIndex(catalog: Catalog): ArnFormatIndex {
  const names = new Map<string, Set<string>>();
  const sources = new Map<string, Set<string>>();
  const register = (arn: string, name: string, source: string): void => {
    const set = names.get(arn) ?? new Set<string>();
    set.add(name);
    names.set(arn, set);
    const from = sources.get(arn) ?? new Set<string>();
    from.add(source);
    sources.set(arn, from);
  };
  const add = (name: string, source: string, prefix: string): void => {
    for (const arn of source.split(/,\s*(?=arn:)/)) {
      register(arn, name, source);
      // A format with a placeholder for the service (AWS Backup's recovery points of any vendor) is also the
      // declaring service's own format, under its own name.
      if (arn.includes(':${Vendor}:')) register(arn.replace(':${Vendor}:', `:${prefix}:`), name, source);
    }
  };
  // The types the actions name first, in the order they name them (without building the actions), then the rest.
  for (const service of catalog.services()) {
    for (const type of catalog.resourceTypesNamedByActions(service)) add(type.name, type.arn, service.prefix);
  }
  for (const type of allResourceTypes(catalog)) add(type.name, type.arn, type.service);
  const parents = formatsWithChildPaths(names.keys());
  const byService = new Map<string, ArnFormat[]>();
  const anyService: ArnFormat[] = [];
  for (const [arn, resourceTypes] of names) {
    const fields = splitArnFields(arn);
    if (fields.length < 6) continue;
    const format: ArnFormat = {
      arn,
      sources: [...sources.get(arn)!],
      resourceTypes: [...resourceTypes].sort(),
      region: fields[3]!.text,
      account: fields[4]!.text,
      resource: fields[5]!.text,
      hasChildPaths: parents.has(arn),
    };
    const service = fields[2]!.text;
    if (service.includes('${')) {
      anyService.push(format);
    } else {
      const list = byService.get(service.toLowerCase()) ?? [];
      list.push(format);
      byService.set(service.toLowerCase(), list);
    }
  }
  const all = [...byService.values()].flat().concat(anyService);
  const fixedAccounts = [...new Set(all.map((f) => f.account).filter((a) => a !== '' && !a.includes('${')))].sort();
  return { byService, anyService, fixedAccounts };
}

/**
 * Formats written for this (plain) service field; undefined when no format uses it. The few formats with a
 * placeholder for the service (AWS Backup recovery points of any vendor) are left out: they would fit nearly any ARN.
 */
export function formatsOfService(index: ArnFormatIndex, service: string): readonly ArnFormat[] | undefined {
  return index.byService.get(service.toLowerCase());
}

const groups = new WeakMap<readonly ArnFormat[], FormatGroup>();

/** The formats of a list (a service's, say) compiled to be matched together; kept with the list. */
function groupOf(formats: readonly ArnFormat[]): FormatGroup {
  let group = groups.get(formats);
  if (!group) {
    group = formatGroup(formats.map((format) => formatPattern(format.arn, format.hasChildPaths)));
    groups.set(formats, group);
  }
  return group;
}

/** The formats of the list that a whole Resource value (read once with `resourcePattern`) can name a resource of. */
export function formatsMatching(value: ResourcePattern, formats: readonly ArnFormat[]): ArnFormat[] {
  const matches = resourceMatchesInGroup(value, groupOf(formats));
  return formats.filter((_, k) => matches[k]);
}

/**
 * The formats of the list whose resource part can be named by the resource part of an ARN (after the fifth colon),
 * whatever the other fields say. Both sides are compared as resource parts alone, so a `*` in the region or account
 * cannot swallow colons and make an unrelated resource part fit.
 *
 * Path-style formats (API Gateway `/apis/${ApiId}`, Grafana `/workspaces/${ResourceId}`) also accept the collection
 * path above them (`/apis`): those services authorize creating and listing on the collection's path, AWS's own
 * managed policies name such paths, and the reference does not always list them as resource types.
 */
export function formatsFittingPart(part: ResourcePattern, formats: readonly ArnFormat[]): ArnFormat[] {
  const group = groupOf(formats);
  const matches = resourcePartMatchesInGroup(part, group);
  const text = part.text;
  let collection: ResourcePattern | undefined;
  return formats.filter((format, k) => {
    if (matches[k]) return true;
    if (!format.resource.startsWith('/') || !text.startsWith('/') || text.endsWith('/')) return false;
    collection ??= resourcePattern(`${text}/*`);
    return resourcePartMatchesFormat(collection, group.formats[k]!);
  });
}

/**
 * The resource parts a real ARN matched by this one can have. A `*` that ends a field may run on over the colons
 * after it, so when the account field ends with one, the resource part is either the one written (the `*` stayed in
 * the account) or anything that ends with a colon and it: `arn:aws:secretsmanager:*:*:name!*` matches
 * `arn:aws:secretsmanager:us-east-1:111122223333:secret:name!x`, and AWS's own policies rely on it.
 */
function matchedResourceParts(arn: ResourceArn): readonly string[] {
  const written = arn.resource.text;
  return arn.account.text.endsWith('*') ? [written, `*:${written}`] : [written];
}

/** Per-value answers, shared by every document: the same ARNs recur across policies and edits. */
const memoBounds = { maxEntries: 20_000, maxKeyChars: 2_000_000, maxKeyLength: MAX_ARN_LENGTH };
const fittingMemo = new WeakMap<ArnFormatIndex, BoundedMemo<readonly ArnFormat[] | undefined>>();

/**
 * The formats of the ARN's service whose resource part the ARN's resource part can match (see formatsFittingPart);
 * undefined when no format is written for the service. Memoised by the ARN's text: several rules ask.
 */
export function formatsFittingResourcePart(index: ArnFormatIndex, arn: ResourceArn): readonly ArnFormat[] | undefined {
  let memo = fittingMemo.get(index);
  if (!memo) {
    memo = new BoundedMemo(memoBounds);
    fittingMemo.set(index, memo);
  }
  return memo.getOrCompute(arn.value, () => {
    const formats = formatsOfService(index, arn.service.text);
    if (!formats) return undefined;
    const parts = matchedResourceParts(arn);
    if (parts.length === 1) return formatsFittingPart(resourcePattern(parts[0]!), formats);
    const fitting = new Set(parts.flatMap((part) => formatsFittingPart(resourcePattern(part), formats)));
    // In the service's order, as formatsFittingPart gives them.
    return formats.filter((format) => fitting.has(format));
  });
}

/**
 * The formats the ARN is probably written for: those of its service whose resource part it can match. When none
 * matches (a wrong resource part, which invalid-arn-resource reports), every format of the service.
 */
export function candidateFormats(index: ArnFormatIndex, arn: ResourceArn): readonly ArnFormat[] | undefined {
  const fitting = formatsFittingResourcePart(index, arn);
  return fitting?.length ? fitting : formatsOfService(index, arn.service.text);
}
