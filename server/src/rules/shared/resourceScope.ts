/**
 * "Does this Resource name every resource of that kind?" A Resource of `*` does; so does `arn:aws:iam::*:role/*` for
 * roles, or `arn:aws:s3:::*` for buckets and objects. A specific Region or account does not narrow for this question
 * (one account's every role is still every role the caller can reach), while a name prefix, a path, a `?` or a policy
 * variable (`${aws:username}`) does.
 */
import { compileGlob, matchGlob } from '../../catalog/glob';
import { formatPattern, MAX_ARN_LENGTH, resourcePartMatchesFormat, resourcePattern } from '../../catalog/arn';
import { BoundedMemo } from '../../catalog/memo';
import type { Statement } from '../../policy/model';
import { fillPlaceholders } from '../../policy/placeholders';

// Both asked for every action of a statement, with every resource type of each: read each value and format once.
const skeletons = new BoundedMemo<string>({ maxEntries: 20_000, maxKeyChars: 2_000_000, maxKeyLength: MAX_ARN_LENGTH });
const everyArnPatterns = new BoundedMemo<((skeleton: string) => boolean) | undefined>({
  maxEntries: 20_000,
  maxKeyChars: 2_000_000,
  maxKeyLength: MAX_ARN_LENGTH,
});

/** An ARN format with every `${Placeholder}` written as a literal `*`, e.g. `arn:*:iam::*:role/*`. */
function skeleton(arnFormat: string): string {
  return skeletons.getOrCompute(arnFormat, (format) => format.replace(/\$\{[^}]*\}/g, '*'));
}

/**
 * The value as the pattern `coversEveryArn` matches skeletons with; undefined when a `?` or a variable narrows it.
 * A placeholder is read as the name it will be filled in with: `arn:aws:iam::${Account}:role/*` is every role of an
 * account, while `role/${RoleName}` is one role.
 */
function everyArnPattern(resource: string): ((skeleton: string) => boolean) | undefined {
  return everyArnPatterns.getOrCompute(resource, (written) => {
    const value = fillPlaceholders(written);
    if (value.includes('?') || value.includes('${')) return undefined;
    const fields = value.split(':');
    // Partition, Region and account do not narrow here; the service and the resource part do.
    const pattern = fields.length >= 6 ? ['arn', '*', fields[2], '*', '*', fields.slice(5).join(':')].join(':') : value;
    return compileGlob(pattern, { ignoreCase: true });
  });
}

/**
 * True when the Resource value matches every ARN the format stands for. The value is read as an IAM wildcard
 * pattern and matched against the format's skeleton, whose `*` are literal characters: only a `*` in the value can
 * absorb them, so `role/*` covers `role/*` while `role/app-*` or `role/service-role/*` does not.
 */
export function coversEveryArn(resource: string, arnFormat: string): boolean {
  if (resource === '*') return true;
  const matches = everyArnPattern(resource);
  return matches !== undefined && matches(skeleton(arnFormat));
}

/**
 * True when the Resource value can name some resource of the format: its service field matches the format's and its
 * resource part (after the fifth colon) the format's resource part. Each field is read on its own, so a `*` Region
 * or account does not run on into the resource part and make `stack/app-*` fit a stack set or `app/*` a notebook.
 */
export function namesResourceOfFormat(resource: string, arnFormat: string): boolean {
  if (resource === '*') return true;
  if (resource.length > MAX_ARN_LENGTH) return false;
  const fields = resource.split(':');
  const formatService = arnFormat.split(':')[2];
  if (fields.length < 6 || formatService === undefined || !matchGlob(fields[2]!, formatService, { ignoreCase: true })) return false;
  return resourcePartMatchesFormat(resourcePattern(fields.slice(5).join(':')), formatPattern(arnFormat, false));
}

/**
 * Whether the statement lets an action act on every resource of some type it supports: a Resource value that is `*`
 * or covers a whole type (see above), or a NotResource that leaves at least one whole type untouched. The action is
 * given by its resource types' ARN formats (catalog.resourceTypeArnsOf), so rules asking about thousands of actions
 * by id build none of them.
 */
export function grantsOnEveryResource(statement: Statement, resourceTypeArns: readonly string[]): boolean {
  if (statement.resource) {
    return statement.resource.values.some((value) => value.value === '*' || resourceTypeArns.some((arn) => coversEveryArn(value.value, arn)));
  }
  if (!statement.notResource) return false;
  const excluded = statement.notResource.values;
  if (excluded.some((v) => v.value === '*')) return false;
  if (resourceTypeArns.length === 0) return true;
  return resourceTypeArns.some((arn) => !excluded.some((v) => coversEveryArn(v.value, arn)));
}

/**
 * Resources a finding is about: every resource of a type (an ARN format), or those a Resource value names, written as
 * that value (a pattern whose `*` and `?` stand for themselves here, since any resource it names may be meant).
 */
export type ResourceTarget = { readonly everyOf: string } | { readonly named: string };

const namedPatterns = new BoundedMemo<(text: string) => boolean>({ maxEntries: 20_000, maxKeyChars: 2_000_000, maxKeyLength: MAX_ARN_LENGTH });

/**
 * Whether a Resource value covers all the target's resources: `*`; for every resource of a type, a value that
 * coversEveryArn; for named ones, the same text or a value whose wildcards match the target's text (its own `*` read
 * literally), so `arn:aws:s3:::app-*` covers `arn:aws:s3:::app-*` and `arn:aws:s3:::app-data`. A policy variable
 * covers only the same text.
 */
export function coversTarget(value: string, target: ResourceTarget): boolean {
  if (value === '*') return true;
  if ('everyOf' in target) return coversEveryArn(value, target.everyOf);
  if (value === target.named) return true;
  if (value.includes('${')) return false;
  return namedPatterns.getOrCompute(value, (pattern) => compileGlob(pattern, { ignoreCase: true }))(target.named);
}

/**
 * Whether the statement's Resource (or NotResource) takes in all the target's resources. A NotResource statement does
 * when none of its values can reach them: for every resource of a type, none names that type's service (or uses a
 * wildcard there); for named ones, none covers the target or is covered by it (partly overlapping patterns are not
 * told apart).
 */
export function statementCoversTarget(statement: Statement, target: ResourceTarget): boolean {
  if (statement.resource) return statement.resource.values.some((value) => coversTarget(value.value, target));
  if (!statement.notResource) return false;
  const excluded = statement.notResource.values.map((value) => value.value);
  if ('everyOf' in target) {
    const service = target.everyOf.split(':')[2]?.toLowerCase();
    return !excluded.some((value) => {
      const field = value.split(':')[2];
      return field === undefined || /[*?$]/.test(field) || field.toLowerCase() === service;
    });
  }
  return !excluded.some((value) => coversTarget(value, target) || coversTarget(target.named, { named: value }));
}
