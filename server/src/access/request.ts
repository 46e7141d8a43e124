/**
 * The request an access evaluation answers: one action on one resource by one principal, with the request context
 * (condition keys and their values). Key names are case-insensitive in IAM, so the context is keyed by lower case;
 * a key may carry several values (a multivalued key such as aws:TagKeys).
 */
import { isAccountId, splitArn } from '../policy/arnParts';

export interface AccessRequest {
  /** `service:Action` as the caller sends it; matched without regard to case. */
  readonly action: string;
  /** The resource ARN (or `*` for actions that take no resource); matched with case. */
  readonly resource: string;
  /** Who asks: an IAM user or role ARN, an assumed-role session ARN, an account ID, a service principal; unknown when absent. */
  readonly principal: string | undefined;
  /** Lower-cased key -> values. A key with no entry is missing from the request; an empty list is an empty set. */
  readonly context: ReadonlyMap<string, readonly string[]>;
  /** Keys that were derived from the principal or the resource rather than given, for the explanation. */
  readonly derivedKeys: readonly string[];
  /** Each context key as first spelled (lower-cased key -> spelling), for showing the context back. */
  readonly spelling: ReadonlyMap<string, string>;
}

export interface RequestInput {
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
  /** Key/value pairs in order; a key given several times is multivalued; a list value adds several (`[]`: an empty set). */
  readonly context?: readonly (readonly [string, string | readonly string[]])[];
}

/**
 * What the principal's ARN tells about the request, as AWS puts it in the context
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html): the principal's ARN (a
 * role session is known by its role's ARN), its account and, for an IAM user, aws:username.
 */
function principalKeys(principal: string): [string, string][] {
  if (isAccountId(principal)) return [['aws:PrincipalAccount', principal]];
  const arn = splitArn(principal);
  if (!arn) return [];
  const keys: [string, string][] = [];
  if (arn.account !== '') keys.push(['aws:PrincipalAccount', arn.account]);
  const session = /^assumed-role\/([^/]+)\/[^/]+$/.exec(arn.resource);
  if (arn.service === 'sts' && session) {
    keys.push(['aws:PrincipalArn', `arn:${arn.partition}:iam::${arn.account}:role/${session[1]}`]);
    keys.push(['aws:PrincipalType', 'AssumedRole']);
  } else if (arn.service === 'iam') {
    keys.push(['aws:PrincipalArn', principal]);
    if (arn.resource.startsWith('user/')) {
      keys.push(['aws:username', arn.resource.slice(arn.resource.lastIndexOf('/') + 1)]);
      keys.push(['aws:PrincipalType', 'User']);
    } else if (arn.resource === 'root') keys.push(['aws:PrincipalType', 'Account']);
  }
  return keys;
}

/** The request with its context; keys given explicitly win over those derived from the principal and resource. */
export function createRequest(input: RequestInput): AccessRequest {
  const context = new Map<string, string[]>();
  const spelling = new Map<string, string>();
  for (const [key, value] of input.context ?? []) {
    const name = key.toLowerCase();
    if (!spelling.has(name)) spelling.set(name, key);
    let values = context.get(name);
    if (!values) context.set(name, (values = []));
    if (typeof value === 'string') values.push(value);
    else values.push(...value);
  }
  const derived: [string, string][] = input.principal ? principalKeys(input.principal) : [];
  const resourceAccount = splitArn(input.resource)?.account;
  if (resourceAccount) derived.push(['aws:ResourceAccount', resourceAccount]);
  const derivedKeys: string[] = [];
  for (const [key, value] of derived) {
    if (context.has(key.toLowerCase())) continue;
    context.set(key.toLowerCase(), [value]);
    spelling.set(key.toLowerCase(), key);
    derivedKeys.push(key);
  }
  return { action: input.action, resource: input.resource, principal: input.principal || undefined, context, derivedKeys, spelling };
}

/** The values of a key, or undefined when the request does not carry it. */
export function contextValues(request: AccessRequest, key: string): readonly string[] | undefined {
  return request.context.get(key.toLowerCase());
}
