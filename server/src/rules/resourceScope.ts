/**
 * "Does this Resource name every resource of that kind?" A Resource of `*` does; so does `arn:aws:iam::*:role/*` for
 * roles, or `arn:aws:s3:::*` for buckets and objects. A specific Region or account does not narrow for this question
 * (one account's every role is still every role the caller can reach), while a name prefix, a path, a `?` or a policy
 * variable (`${aws:username}`) does.
 */
import { compileGlob } from '../catalog/glob';
import { MAX_ARN_LENGTH } from '../catalog/arn';
import { BoundedMemo } from '../catalog/memo';
import type { Action } from '../catalog/types';
import type { Statement, StringValue } from '../policy/model';
import { fillPlaceholders } from '../policy/placeholders';

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

/** The Resource values of a statement that name every resource of one of the action's resource types. */
export function unscopedResources(statement: Statement, action: Action): StringValue[] {
  const values = statement.resource?.values ?? [];
  return values.filter(
    (value) =>
      value.value === '*' || action.resourceTypes.some((row) => coversEveryArn(value.value, row.resourceType.arn)),
  );
}

/**
 * Whether the statement lets the action act on every resource of some type it supports: a Resource that covers a
 * whole type (see above), or a NotResource that leaves at least one whole type untouched.
 */
export function grantsOnEveryResource(statement: Statement, action: Action): boolean {
  if (statement.resource) return unscopedResources(statement, action).length > 0;
  if (!statement.notResource) return false;
  const excluded = statement.notResource.values;
  if (excluded.some((v) => v.value === '*')) return false;
  if (action.resourceTypes.length === 0) return true;
  return action.resourceTypes.some((row) => !excluded.some((v) => coversEveryArn(v.value, row.resourceType.arn)));
}
